package io.oriole.triage;

/** The customer's mood as written; ANGRY is the strongest negative signal. */
public enum Sentiment {
    POSITIVE, NEUTRAL, NEGATIVE, ANGRY;

    public boolean isNegative() {
        return this == NEGATIVE || this == ANGRY;
    }
}
