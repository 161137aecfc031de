package io.oriole.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.oriole.simulation.WhatIf;
import io.oriole.simulation.internal.OrioleCsvTrace;
import io.oriole.simulation.internal.Trace;
import io.oriole.simulation.internal.TraceCall;

/** The history export is the simulator's oriole-csv: what routing writes, the simulator reads back unchanged. */
class RoutingHistoryEntryTests {

    private static final Instant NINE = Instant.parse("2026-11-02T09:00:00Z");

    private static final RoutingHistoryEntry SERVED = new RoutingHistoryEntry(11L, NINE.plusMillis(250), 2,
            "after-sales", NINE.plusSeconds(40), 7L, NINE.plusSeconds(340));
    private static final RoutingHistoryEntry GAVE_UP = new RoutingHistoryEntry(12L, NINE.plusSeconds(60), 1,
            "billing", null, null, NINE.plusSeconds(150));
    private static final RoutingHistoryEntry OWNED_BEFORE_QUEUED = new RoutingHistoryEntry(13L, NINE.plusSeconds(90),
            3, "technical", NINE.plusSeconds(89), 8L, NINE.plusSeconds(200));

    @Test
    void exportedRowsReadBackAsTheSameCallsInTheSimulator() {
        String csv = RoutingHistoryEntry.csv(List.of(SERVED, GAVE_UP, OWNED_BEFORE_QUEUED));

        Trace trace = OrioleCsvTrace.read("history.csv", new StringReader(csv));

        assertThat(csv.lines().findFirst()).contains(RoutingHistoryEntry.CSV_HEADER);
        assertThat(trace.calls()).extracting(TraceCall::priority, TraceCall::skill, TraceCall::arrival,
                TraceCall::served, TraceCall::waited, TraceCall::service, TraceCall::server)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("P2", "after-sales", NINE.getEpochSecond(), true, 40L,
                                300L, "agent-7"),
                        org.assertj.core.groups.Tuple.tuple("P1", "billing", NINE.getEpochSecond() + 60, false, 90L,
                                0L, null),
                        org.assertj.core.groups.Tuple.tuple("P3", "technical", NINE.getEpochSecond() + 90, true, 0L,
                                111L, "agent-8"));
        assertThat(trace.hasServers()).isTrue();
    }

    @Test
    void exportedHistoryReplaysUnderEveryPolicyWithItsOwnStaffing() {
        byte[] csv = RoutingHistoryEntry.csv(List.of(SERVED, GAVE_UP, OWNED_BEFORE_QUEUED))
                .getBytes(StandardCharsets.UTF_8);

        WhatIf.Report report = WhatIf.run("history.csv", csv, new WhatIf.Options(WhatIf.ALL, null, Map.of(), 1));

        assertThat(report.policies()).extracting(WhatIf.Outcome::name)
                .containsExactly("fifo", "priority", "sla-aware");
        assertThat(report.historical().overall().queued()).isEqualTo(3);
        assertThat(report.historical().overall().abandoned()).isEqualTo(1);
        assertThat(report.policies()).allSatisfy(p -> assertThat(p.overall().queued()).isEqualTo(3));
    }
}
