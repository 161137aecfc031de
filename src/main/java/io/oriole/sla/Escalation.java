package io.oriole.sla;

import java.time.Duration;

/**
 * The escalation ladder of a policy: what triggers it, how soon L2 must join after it, and how soon L3 (with the
 * team's supervisors told) must join when L2 did not. A null join target stops the ladder at that rung.
 */
public record Escalation(EscalationTrigger trigger, Duration l2Join, Duration l3Join) {

    public static Escalation none() {
        return new Escalation(EscalationTrigger.NEVER, null, null);
    }

    public Escalation {
        if (trigger == null) {
            trigger = EscalationTrigger.NEVER;
        }
    }

    public Duration joinTarget(SlaMetric metric) {
        return metric == SlaMetric.L2_JOIN ? l2Join : metric == SlaMetric.L3_JOIN ? l3Join : null;
    }
}
