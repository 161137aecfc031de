package io.oriole.simulation.internal;

/**
 * The time-weighted mean number of customers waiting, by hour of the day (UTC), averaged over the
 * days of the trace.
 */
final class QueueLength {

    private final double[] area = new double[24];
    private long lastTime = Long.MIN_VALUE;
    private int length;

    /** The queue length changes by {@code delta} at {@code time}; times never go backwards. */
    void change(long time, int delta) {
        if (lastTime != Long.MIN_VALUE && length > 0) {
            accumulate(lastTime, time, length);
        }
        lastTime = time;
        length += delta;
    }

    private void accumulate(long from, long to, int n) {
        long t = from;
        while (t < to) {
            long hourEnd = Math.floorDiv(t, 3600) * 3600 + 3600;
            long end = Math.min(to, hourEnd);
            area[(int) Math.floorMod(Math.floorDiv(t, 3600), 24)] += (double) n * (end - t);
            t = end;
        }
    }

    double[] meanByHour(int days) {
        double[] mean = new double[24];
        for (int h = 0; h < 24; h++) {
            mean[h] = area[h] / (3600.0 * Math.max(1, days));
        }
        return mean;
    }
}
