package io.oriole.simulation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The shared bank trace, read the way the simulator reads it, gives the historical table of
 * ../shared/data/README.md: the same calls asked for an agent, the same abandonment and waits.
 */
class SharedTraceTests {

    private static final String FILE = "callcenter/anonymous_bank_1999-02-01_to_14.tsv";
    /**
     * The shared data folder: {@code ORIOLE_SHARED_DATA} if set, else {@code ../shared/data} beside the checkout,
     * else the team machines' {@code /work/shared/data} (a clone elsewhere, such as CI's, still finds it).
     */
    private static final Path TRACE = java.util.stream.Stream.of(System.getenv("ORIOLE_SHARED_DATA"), "../shared/data",
            "/work/shared/data").filter(d -> d != null && !d.isBlank()).map(d -> Path.of(d, FILE))
            .filter(Files::isRegularFile).findFirst().orElse(Path.of("../shared/data", FILE));

    @Test
    void historicalFiguresMatchThePublishedTable() {
        Assumptions.assumeTrue(Files.isRegularFile(TRACE), "shared data not present: " + TRACE.toAbsolutePath());
        Trace trace = AnonymousBankTrace.read(TRACE);
        Map<String, Long> targets = Map.of("0", 60L, "1", 60L, "2", 60L);

        Map<String, Figures> figures = Figures.byPriority(trace.calls().stream().map(CallOutcome::historical).toList(),
                trace.labels(), targets);

        assertThat(trace.calls()).hasSize(16_290);
        assertThat(figures.get("0").queued()).isEqualTo(10_034);
        assertThat(figures.get("1").queued()).isEqualTo(2_169);
        assertThat(figures.get("2").queued()).isEqualTo(4_087);
        assertThat(figures.get("0").abandonRate()).isCloseTo(0.115, within(0.0005));
        assertThat(figures.get("1").abandonRate()).isCloseTo(0.172, within(0.0005));
        assertThat(figures.get("2").abandonRate()).isCloseTo(0.089, within(0.0005));
        assertThat(figures.get("0").meanWaitServedSeconds()).isCloseTo(18.8, within(0.05));
        assertThat(figures.get("1").meanWaitServedSeconds()).isCloseTo(66.9, within(0.05));
        assertThat(figures.get("2").meanWaitServedSeconds()).isCloseTo(56.0, within(0.05));
        assertThat(figures.get("0").serviceLevel()).isCloseTo(0.800, within(0.0005));
        assertThat(figures.get("1").serviceLevel()).isCloseTo(0.482, within(0.0005));
        assertThat(figures.get("2").serviceLevel()).isCloseTo(0.617, within(0.0005));
    }
}
