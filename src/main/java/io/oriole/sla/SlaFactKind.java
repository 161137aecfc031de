package io.oriole.sla;

/** The kinds of SLA facts recorded on a conversation, one per event type. */
public enum SlaFactKind {
    APPLIED, WARNING, REMINDER, BREACHED, FULFILLED, PAUSED, RESUMED, ESCALATED
}
