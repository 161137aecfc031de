package io.oriole.triage.model;

import io.oriole.triage.Complexity;
import io.oriole.triage.KeyFacts;
import io.oriole.triage.Urgency;

/**
 * Estimates handling effort from what the message shows: length, several questions, several
 * categories at once (a refund and an invoice and a login problem), many facts to check, and
 * technical or urgent trouble that needs specialists, and how long the intent usually takes. Points: 0–1 LOW, 2–3 MEDIUM, 4+ HIGH.
 * "订单什么时候到？" is LOW; “all users get 500 errors, and we were charged twice, invoice?” is HIGH.
 */
public final class ComplexityEstimator {

    private ComplexityEstimator() {
    }

    public static Complexity estimate(String text, int categoriesMentioned, KeyFacts facts, Urgency urgency) {
        return estimate(text, categoriesMentioned, facts, urgency, null);
    }

    /**
     * As above, plus what this kind of request has taken before: an intent whose conversations usually take 20
     * minutes or more to resolve adds a point, an hour or more two.
     *
     * @param typicalHandling the intent's usual time to resolve, null when unknown
     */
    public static Complexity estimate(String text, int categoriesMentioned, KeyFacts facts, Urgency urgency,
            java.time.Duration typicalHandling) {
        String t = text == null ? "" : text;
        int points = 0;
        int size = size(t);
        if (size > 60) {
            points += 2;
        } else if (size > 25) {
            points += 1;
        }
        long questions = t.chars().filter(c -> c == '?' || c == '？').count();
        if (questions >= 2) {
            points++;
        }
        if (categoriesMentioned >= 2) {
            points++;
        }
        if (categoriesMentioned >= 3) {
            points++;
        }
        if (facts.count() >= 3 || facts.orderNumbers().size() >= 2) {
            points++;
        }
        points += switch (urgency) {
            case SYSTEM_DOWN, SECURITY_INCIDENT -> 2;
            case CORE_FUNCTION_FAILURE -> 1;
            case ORDINARY -> 0;
        };
        if (typicalHandling != null) {
            points += typicalHandling.toMinutes() >= 60 ? 2 : typicalHandling.toMinutes() >= 20 ? 1 : 0;
        }
        return points >= 4 ? Complexity.HIGH : points >= 2 ? Complexity.MEDIUM : Complexity.LOW;
    }

    /** Message size in "words": Latin words plus Han characters divided by 1.5 (about one word each). */
    static int size(String text) {
        int words = 0;
        int han = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                han++;
                inWord = false;
            } else if (Character.isLetterOrDigit(c)) {
                if (!inWord) {
                    words++;
                }
                inWord = true;
            } else {
                inWord = false;
            }
        }
        return words + (int) (han / 1.5);
    }
}
