package io.oriole.sla;

/** What starts a policy's escalation ladder: a breach, already the warning, or nothing. */
public enum EscalationTrigger {
    BREACH, WARNING, NEVER
}
