package io.oriole.sla;

import java.time.Duration;

/** Targets per metric; a null target means the policy promises nothing for that metric. */
public record SlaTargets(Duration firstResponse, Duration nextResponse, Duration resolution) {

    public SlaTargets {
        positive(firstResponse, "firstResponseMinutes");
        positive(nextResponse, "nextResponseMinutes");
        positive(resolution, "resolutionMinutes");
    }

    public static SlaTargets minutes(Integer firstResponse, Integer nextResponse, Integer resolution) {
        return new SlaTargets(of(firstResponse), of(nextResponse), of(resolution));
    }

    public Duration of(SlaMetric metric) {
        return switch (metric) {
            case FIRST_RESPONSE -> firstResponse;
            case NEXT_RESPONSE -> nextResponse;
            case RESOLUTION -> resolution;
            default -> null;
        };
    }

    private static Duration of(Integer minutes) {
        return minutes == null ? null : Duration.ofMinutes(minutes);
    }

    private static void positive(Duration d, String field) {
        if (d != null && (d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException(field + " must be positive");
        }
    }
}
