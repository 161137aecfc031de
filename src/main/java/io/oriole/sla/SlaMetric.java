package io.oriole.sla;

/**
 * What a deadline measures. The tier clocks measure an escalation on their own: {@code L2_JOIN} runs from the
 * escalation to L2 until an agent of tier L2 or higher owns the conversation.
 */
public enum SlaMetric {
    FIRST_RESPONSE, NEXT_RESPONSE, RESOLUTION, L2_JOIN, L3_JOIN;

    public boolean isResponse() {
        return this == FIRST_RESPONSE || this == NEXT_RESPONSE;
    }

    public boolean isTierClock() {
        return this == L2_JOIN || this == L3_JOIN;
    }
}
