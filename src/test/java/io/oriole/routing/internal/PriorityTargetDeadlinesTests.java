package io.oriole.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PriorityTargetDeadlinesTests {

    @Test
    void deadlineIsQueuedTimePlusThePrioritysTarget() {
        var deadlines = new PriorityTargetDeadlines(Map.of(1, Duration.ofMinutes(15), 3, Duration.ofHours(4)));
        Instant queued = Instant.parse("2026-11-23T10:00:00Z");

        assertThat(deadlines.deadline(1, 7, 1, queued)).contains(Instant.parse("2026-11-23T10:15:00Z"));
        assertThat(deadlines.deadline(1, 7, 3, queued)).contains(Instant.parse("2026-11-23T14:00:00Z"));
        assertThat(deadlines.deadline(1, 7, 2, queued)).isEmpty();
    }
}
