package io.oriole.simulation.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Kaplan–Meier estimate of customer patience from censored waits.
 *
 * <p>A customer who hung up after waiting {@code t} shows their patience exactly (an event at
 * {@code t}); a customer who was answered after waiting {@code t} only shows that their patience
 * was longer (censored at {@code t}). Ignoring the censoring (averaging the hang-ups only) would
 * say customers are impatient, because the patient ones were answered before they could show it.
 *
 * <pre>
 *   S(t) = Π over event times tᵢ ≤ t of (1 − dᵢ / nᵢ)
 * </pre>
 * with {@code dᵢ} hang-ups at {@code tᵢ} and {@code nᵢ} customers still waiting just before
 * {@code tᵢ} (censored customers at {@code tᵢ} count as still waiting, the usual convention).
 * When the longest wait is censored the curve stops above zero: some customers would wait longer
 * than anyone had to, and {@link #sample} returns infinity for them.
 */
public final class KaplanMeier {

    private final double[] times;
    private final double[] survival;
    private final int events;
    private final int censored;

    private KaplanMeier(double[] times, double[] survival, int events, int censored) {
        this.times = times;
        this.survival = survival;
        this.events = events;
        this.censored = censored;
    }

    /**
     * @param waits    every customer's wait
     * @param observed true where the customer gave up (an event), false where they were answered (censored)
     */
    public static KaplanMeier fit(double[] waits, boolean[] observed) {
        int n = waits.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(waits[a], waits[b]));
        List<double[]> steps = new ArrayList<>();
        double s = 1.0;
        int atRisk = n;
        int events = 0;
        int i = 0;
        while (i < n) {
            double t = waits[order[i]];
            int d = 0;
            int leaving = 0;
            while (i < n && waits[order[i]] == t) {
                if (observed[order[i]]) {
                    d++;
                }
                leaving++;
                i++;
            }
            if (d > 0) {
                s *= 1.0 - (double) d / atRisk;
                steps.add(new double[] {t, s});
                events += d;
            }
            atRisk -= leaving;
        }
        double[] times = new double[steps.size()];
        double[] survival = new double[steps.size()];
        for (int k = 0; k < steps.size(); k++) {
            times[k] = steps.get(k)[0];
            survival[k] = steps.get(k)[1];
        }
        return new KaplanMeier(times, survival, events, n - events);
    }

    /** P(patience > t). */
    public double survival(double t) {
        double s = 1.0;
        for (int k = 0; k < times.length && times[k] <= t; k++) {
            s = survival[k];
        }
        return s;
    }

    /** The smallest time where the survival falls to one half or below; infinity when it never does. */
    public double median() {
        for (int k = 0; k < times.length; k++) {
            if (survival[k] <= 0.5) {
                return times[k];
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    /**
     * A patience drawn from the curve given that it exceeds {@code above} (the customer is known to
     * have waited that long): the first event time where {@code S(t) ≤ u·S(above)}, by inverse transform.
     *
     * @param u a uniform random number in [0, 1)
     * @return seconds, or infinity when the draw falls beyond the last hang-up
     */
    public double sample(double above, double u) {
        double target = u * survival(above);
        for (int k = 0; k < times.length; k++) {
            if (times[k] > above && survival[k] <= target) {
                return times[k];
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    public int events() {
        return events;
    }

    public int censored() {
        return censored;
    }
}
