package io.oriole.simulation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.oriole.routing.model.FifoPolicy;
import io.oriole.routing.model.PriorityPolicy;

class SimulatorTests {

    @TempDir
    Path dir;

    private Trace tenConversations() {
        return OrioleCsvTrace.read(TraceFiles.write(dir, "ten.csv", TraceFiles.tenConversations()));
    }

    private static Customers patient(Trace trace) {
        double[] patience = new double[trace.calls().size()];
        Arrays.fill(patience, Double.POSITIVE_INFINITY);
        long[] service = trace.calls().stream().mapToLong(TraceCall::service).toArray();
        return new Customers(patience, service, Map.of());
    }

    private static List<Long> waits(Simulator.Run run) {
        return run.outcomes().stream().map(CallOutcome::waited).toList();
    }

    @Test
    void threeAgentsTenConversationsFifoWaitsAsComputedByHand() {
        Trace trace = tenConversations();
        Simulator simulator = new Simulator(trace, Staffing.constant(3, trace), patient(trace), trace.targets(), 0);

        Simulator.Run run = simulator.run(new FifoPolicy());

        // t=40 the first agent frees: call 3 (oldest) goes; t=50 call 4; t=70 call 5; t=80 calls 6 and 7.
        assertThat(waits(run)).containsExactly(0L, 0L, 0L, 20L, 20L, 35L, 35L, 20L, 0L, 0L);
        assertThat(run.outcomes()).allMatch(CallOutcome::served);
    }

    @Test
    void threeAgentsTenConversationsPriorityWaitsAsComputedByHand() {
        Trace trace = tenConversations();
        Simulator simulator = new Simulator(trace, Staffing.constant(3, trace), patient(trace), trace.targets(), 0);

        Simulator.Run run = simulator.run(new PriorityPolicy());

        // t=40 call 4 (P1) goes ahead of call 3 (P3); t=50 call 5 (P2); t=60 two agents free: call 7 (P1,
        // just arrived) and call 3; t=70 call 6.
        assertThat(waits(run)).containsExactly(0L, 0L, 0L, 40L, 10L, 15L, 25L, 0L, 0L, 0L);
    }

    @Test
    void customerWhosePatienceRunsOutHangsUp() {
        Trace trace = tenConversations();
        Customers customers = patient(trace);
        customers.patience()[3] = 15;   // call 3 would wait 20 under fifo
        Simulator simulator = new Simulator(trace, Staffing.constant(3, trace), customers, trace.targets(), 0);

        Simulator.Run run = simulator.run(new FifoPolicy());

        assertThat(run.outcomes().get(3)).isEqualTo(new CallOutcome("P3", false, 15));
        // Call 4 now takes the agent freed at t=40.
        assertThat(run.outcomes().get(4)).isEqualTo(new CallOutcome("P1", true, 10));
    }

    @Test
    void wrapUpKeepsTheAgentBusyAfterTheCall() {
        Trace trace = tenConversations();
        Simulator simulator = new Simulator(trace, Staffing.constant(3, trace), patient(trace), trace.targets(), 5);

        Simulator.Run run = simulator.run(new FifoPolicy());

        // Call 2 ends at 40 and its agent is free again at 45: call 3 waits 25 instead of 20.
        assertThat(run.outcomes().get(3).waited()).isEqualTo(25L);
    }

    @Test
    void agentsServeOnlyTheSkillsTheyHaveAndOnlyOnShift() {
        Trace trace = tenConversations();
        long nine = trace.firstArrival();
        Staffing staffing = new Staffing("test", List.of(
                new Staffing.Agent("billing only", Set.of("billing"), List.of(new Staffing.Shift(nine, nine + 1000))),
                new Staffing.Agent("late", Set.of(), List.of(new Staffing.Shift(nine + 100, nine + 1000)))));
        Simulator simulator = new Simulator(trace, staffing, patient(trace), trace.targets(), 0);

        Simulator.Run run = simulator.run(new FifoPolicy());

        assertThat(run.outcomes().get(0).waited()).isEqualTo(100L);
    }

    @Test
    void figuresCountServiceLevelAmongAllCallsThatAskedForAnAgent() {
        List<CallOutcome> outcomes = List.of(new CallOutcome("2", true, 30), new CallOutcome("2", true, 90),
                new CallOutcome("2", false, 200), new CallOutcome("2", true, 60));

        Figures figures = Figures.of(outcomes, Map.of("2", 60L));

        assertThat(figures.queued()).isEqualTo(4);
        assertThat(figures.abandonRate()).isEqualTo(0.25);
        assertThat(figures.meanWaitServedSeconds()).isEqualTo(60.0);
        assertThat(figures.serviceLevel()).isEqualTo(0.5);
        assertThat(figures.p90WaitServedSeconds()).isEqualTo(90.0);
    }
}
