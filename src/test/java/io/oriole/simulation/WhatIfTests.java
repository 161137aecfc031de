package io.oriole.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The console's what-if runs the simulator in-process: same figures as the command, errors as one line. */
class WhatIfTests {

    private static final String HEADER = "arrived_at,priority,queue,handling_seconds,abandoned_after_seconds,"
            + "waited_seconds,agent";

    /** Two agents, one queue; one P3 customer gives up after 200 s, everyone else is answered. */
    private static byte[] history() {
        return String.join("\n", List.of(HEADER,
                "2026-11-02T09:00:00Z,P3,technical,600,,0,agent-1",
                "2026-11-02T09:00:10Z,P3,technical,600,,0,agent-2",
                "2026-11-02T09:00:20Z,P1,technical,300,,580,agent-1",
                "2026-11-02T09:00:30Z,P3,technical,,200,,",
                "2026-11-02T09:01:00Z,P2,technical,120,,550,agent-2")).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void allPoliciesReplayTheSameCustomersNextToTheirHistory() {
        WhatIf.Report report = WhatIf.run("history.csv", history(),
                new WhatIf.Options(WhatIf.ALL, null, Map.of("P1", 30L), 1));

        assertThat(report.conversations()).isEqualTo(5);
        assertThat(report.targets()).containsEntry("P1", 30L).containsEntry("P2", 120L);
        assertThat(report.historical().overall().abandonRate()).isEqualTo(0.2);
        assertThat(report.historical().byPriority().get("P1").meanWaitServedSeconds()).isEqualTo(580.0);
        assertThat(report.policies()).extracting(WhatIf.Outcome::name).containsExactly("fifo", "priority", "sla-aware");
        assertThat(report.policies()).allSatisfy(p -> {
            assertThat(p.overall().queued()).isEqualTo(5);
            assertThat(p.queueLengthByHour()).hasSize(24);
        });
        assertThat(report.json()).contains("\"policy\": \"sla-aware\"").contains("\"waitHistogram\"");
    }

    @Test
    void sameSeedSameReport() {
        WhatIf.Options options = new WhatIf.Options("priority", 1, Map.of(), 7);

        assertThat(WhatIf.run("h.csv", history(), options).policies())
                .isEqualTo(WhatIf.run("h.csv", history(), options).policies());
    }

    @Test
    void moreAgentsShortenTheWait() {
        WhatIf.Report one = WhatIf.run("h.csv", history(), new WhatIf.Options("fifo", 1, Map.of(), 1));
        WhatIf.Report five = WhatIf.run("h.csv", history(), new WhatIf.Options("fifo", 5, Map.of(), 1));

        assertThat(five.policies().get(0).overall().meanWaitServedSeconds())
                .isLessThan(one.policies().get(0).overall().meanWaitServedSeconds());
        assertThat(five.staffing()).startsWith("5 agents");
    }

    @Test
    void malformedFileIsRejectedWithItsLineAndNothingIsReplayed() {
        byte[] bad = (HEADER + "\n2026-11-02T09:00:00Z,P3,technical,600,,0,agent-1\n2026-11-02T09:00:10Z,P9,x,1,,0,a\n")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> WhatIf.run("upload.csv", bad, new WhatIf.Options("fifo", null, Map.of(), 1)))
                .isInstanceOf(WhatIf.Rejected.class)
                .hasMessage("upload.csv line 3: priority must be P1..P4, was 'P9'");
    }

    @Test
    void ownStaffingNeedsTheAgentColumnButANumberOfAgentsDoesNot() {
        byte[] noAgents = (HEADER.replace(",agent", "") + "\n2026-11-02T09:00:00Z,P3,technical,600,,0\n")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> WhatIf.run("u.csv", noAgents, new WhatIf.Options("fifo", null, Map.of(), 1)))
                .isInstanceOf(WhatIf.Rejected.class).hasMessageContaining("agent column");
        assertThat(WhatIf.run("u.csv", noAgents, new WhatIf.Options("fifo", 2, Map.of(), 1)).conversations())
                .isEqualTo(1);
    }

    @Test
    void unknownPolicyAndTargetsAreRejected() {
        assertThatThrownBy(() -> WhatIf.run("h.csv", history(), new WhatIf.Options("random", null, Map.of(), 1)))
                .isInstanceOf(WhatIf.Rejected.class).hasMessageContaining("policy");
        assertThatThrownBy(() -> WhatIf.run("h.csv", history(), new WhatIf.Options("fifo", null, Map.of("P7", 5L), 1)))
                .isInstanceOf(WhatIf.Rejected.class).hasMessageContaining("P7");
    }
}
