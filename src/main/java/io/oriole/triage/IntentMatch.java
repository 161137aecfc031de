package io.oriole.triage;

/**
 * The tenant intent a message was classified as. When {@code outOfScope} is true the message fits
 * none of the tenant's intents well; {@code intent} is then the nearest one, kept for display only,
 * and {@code confidence} is its calibrated probability.
 */
public record IntentMatch(String intent, double confidence, boolean outOfScope) {

    public static IntentMatch none() {
        return new IntentMatch(null, 0.0, true);
    }
}
