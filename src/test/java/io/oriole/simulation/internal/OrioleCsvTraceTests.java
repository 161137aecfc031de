package io.oriole.simulation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrioleCsvTraceTests {

    @TempDir
    Path dir;

    private static final String HEADER = "arrived_at,priority,queue,handling_seconds,abandoned_after_seconds,waited_seconds,agent";

    @Test
    void readsServedAndAbandonedConversations() {
        Path file = TraceFiles.write(dir, "h.csv", List.of(HEADER,
                "2026-03-02T09:00:00Z,P2,after-sales,300,,40,李娜",
                "2026-03-02T09:01:00Z,p1,billing,,90,,"));

        Trace trace = OrioleCsvTrace.read(file);

        assertThat(trace.calls()).hasSize(2);
        assertThat(trace.calls().get(0)).extracting(TraceCall::priority, TraceCall::skill, TraceCall::served,
                TraceCall::waited, TraceCall::service, TraceCall::server)
                .containsExactly("P2", "after-sales", true, 40L, 300L, "李娜");
        assertThat(trace.calls().get(1)).extracting(TraceCall::priority, TraceCall::served, TraceCall::waited)
                .containsExactly("P1", false, 90L);
        assertThat(trace.hasServers()).isTrue();
    }

    @Test
    void rowWithBothHandlingAndAbandonmentIsRejectedWithItsLine() {
        Path file = TraceFiles.write(dir, "h.csv", List.of(HEADER,
                "2026-03-02T09:00:00Z,P2,after-sales,300,,40,李娜",
                "2026-03-02T09:01:00Z,P1,billing,100,90,,"));

        assertThatThrownBy(() -> OrioleCsvTrace.read(file))
                .hasMessage(file + " line 3: exactly one of handling_seconds and abandoned_after_seconds must be filled");
    }

    @Test
    void missingColumnIsNamed() {
        Path file = TraceFiles.write(dir, "h.csv", List.of("arrived_at,priority,queue", "2026-03-02T09:00:00Z,P2,x"));

        assertThatThrownBy(() -> OrioleCsvTrace.read(file)).hasMessageStartingWith(file + " line 1: missing column handling_seconds");
    }

    @Test
    void badTimestampIsReportedWithItsLine() {
        Path file = TraceFiles.write(dir, "h.csv", List.of(HEADER, "yesterday,P2,after-sales,300,,40,李娜"));

        assertThatThrownBy(() -> OrioleCsvTrace.read(file))
                .hasMessage(file + " line 2: arrived_at must be an ISO-8601 instant, was 'yesterday'");
    }
}
