package io.oriole.simulation.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

import io.oriole.routing.model.AgentSelector;
import io.oriole.routing.model.AgentSnapshot;
import io.oriole.routing.model.Decision;
import io.oriole.routing.model.Dispatcher;
import io.oriole.routing.model.EwmaHandlingTimes;
import io.oriole.routing.model.RoutingPolicy;
import io.oriole.routing.model.Work;

/**
 * A discrete-event replay of a trace through the production routing model on a simulated clock.
 *
 * <p>Events are arrivals, hang-ups (at arrival plus the customer's patience), ends of service and
 * starts and ends of shifts. After all events of one second are applied, the {@link Dispatcher}
 * (the same one the platform uses, with its {@link AgentSelector} and capacity rules) decides for
 * every waiting call against the agents on duty with room; each assignment starts a service that
 * ends after the call's handling time. Agents have capacity 1 (one call at a time), a skill for
 * each service type they handle, and learn handling times as the replay goes. An agent whose
 * shift ends mid-call finishes it. Within one second the order is: ends of service, shift
 * starts, shift ends, arrivals, hang-ups, then dispatch.
 */
public final class Simulator {

    private static final int DEPARTURE = 0;
    private static final int SHIFT_START = 1;
    private static final int SHIFT_END = 2;
    private static final int ARRIVAL = 3;
    private static final int ABANDON = 4;

    private record Event(long time, int kind, int ref, long seq) {
    }

    private static final Comparator<Event> ORDER = Comparator.comparingLong(Event::time)
            .thenComparingInt(Event::kind).thenComparingLong(Event::seq);

    /** What one policy produced. */
    public record Run(String policy, List<CallOutcome> outcomes, double busySeconds, double dutySeconds,
            double[] queueByHour, long elapsedMillis) {

        public double occupancy() {
            return dutySeconds == 0 ? 0 : busySeconds / dutySeconds;
        }
    }

    private final Trace trace;
    private final Staffing staffing;
    private final Customers customers;
    private final Map<String, Long> targets;
    private final long wrapUpSeconds;
    private final List<AgentSnapshot> snapshots = new ArrayList<>();

    /**
     * @param wrapUpSeconds after-call work: how long an agent stays unavailable after each call ends
     */
    public Simulator(Trace trace, Staffing staffing, Customers customers, Map<String, Long> targets, long wrapUpSeconds) {
        this.trace = trace;
        this.wrapUpSeconds = wrapUpSeconds;
        this.staffing = staffing;
        this.customers = customers;
        this.targets = targets;
        List<String> allSkills = trace.skills();
        for (int i = 0; i < staffing.agents().size(); i++) {
            Staffing.Agent agent = staffing.agents().get(i);
            Map<String, Integer> levels = new HashMap<>();
            for (String skill : agent.skills().isEmpty() ? allSkills : agent.skills()) {
                levels.put(skill, 3);
            }
            snapshots.add(new AgentSnapshot(i + 1, agent.name(), 1, levels, Set.of(), 1, 0));
        }
    }

    public Run run(RoutingPolicy policy) {
        long started = System.nanoTime();
        EwmaHandlingTimes times = new EwmaHandlingTimes();
        Dispatcher dispatcher = new Dispatcher(policy, new AgentSelector(times));
        List<TraceCall> calls = trace.calls();
        int agentCount = snapshots.size();
        PriorityQueue<Event> events = new PriorityQueue<>(ORDER);
        long seq = 0;
        for (int i = 0; i < calls.size(); i++) {
            events.add(new Event(calls.get(i).arrival(), ARRIVAL, i, seq++));
        }
        for (int a = 0; a < agentCount; a++) {
            for (Staffing.Shift shift : staffing.agents().get(a).shifts()) {
                events.add(new Event(shift.from(), SHIFT_START, a, seq++));
                events.add(new Event(shift.to(), SHIFT_END, a, seq++));
            }
        }
        int[] duty = new int[agentCount];
        int[] serving = new int[agentCount];
        java.util.Arrays.fill(serving, -1);
        int[] state = new int[calls.size()];
        CallOutcome[] outcomes = new CallOutcome[calls.size()];
        Map<Integer, Work> waiting = new LinkedHashMap<>();
        QueueLength queue = new QueueLength();
        double busy = 0;
        int open = calls.size();
        long lastEvent = trace.firstArrival();

        while (!events.isEmpty() && open > 0) {
            long now = events.peek().time();
            while (!events.isEmpty() && events.peek().time() == now) {
                Event event = events.poll();
                int ref = event.ref();
                switch (event.kind()) {
                    case DEPARTURE -> {
                        int call = serving[ref];
                        serving[ref] = -1;
                        times.observe(ref + 1L, calls.get(call).skill(), java.time.Duration.ofSeconds(customers.service()[call]));
                        open--;
                    }
                    case SHIFT_START -> duty[ref]++;
                    case SHIFT_END -> duty[ref]--;
                    case ARRIVAL -> {
                        TraceCall call = calls.get(ref);
                        state[ref] = 1;
                        waiting.put(ref, work(ref, call));
                        queue.change(now, 1);
                        double patience = customers.patience()[ref];
                        if (!Double.isInfinite(patience)) {
                            events.add(new Event(now + (long) Math.ceil(patience), ABANDON, ref, seq++));
                        }
                    }
                    case ABANDON -> {
                        if (state[ref] == 1) {
                            state[ref] = 3;
                            waiting.remove(ref);
                            queue.change(now, -1);
                            outcomes[ref] = new CallOutcome(calls.get(ref).priority(), false, now - calls.get(ref).arrival());
                            open--;
                        }
                    }
                    default -> throw new IllegalStateException("unknown event " + event);
                }
                if (event.kind() != SHIFT_START && event.kind() != SHIFT_END) {
                    lastEvent = now;
                }
            }
            if (waiting.isEmpty()) {
                continue;
            }
            List<AgentSnapshot> free = new ArrayList<>();
            for (int a = 0; a < agentCount; a++) {
                if (duty[a] > 0 && serving[a] < 0) {
                    free.add(snapshots.get(a));
                }
            }
            if (free.isEmpty()) {
                continue;
            }
            for (Decision decision : dispatcher.dispatch(new ArrayList<>(waiting.values()), free, Instant.ofEpochSecond(now))) {
                if (decision.agent().isEmpty()) {
                    continue;
                }
                int call = (int) decision.work().conversationId();
                int agent = (int) decision.agent().get().agentId() - 1;
                state[call] = 2;
                waiting.remove(call);
                queue.change(now, -1);
                serving[agent] = call;
                                long service = customers.service()[call];
                busy += service;
                outcomes[call] = new CallOutcome(calls.get(call).priority(), true, now - calls.get(call).arrival());
                events.add(new Event(now + service + wrapUpSeconds, DEPARTURE, agent, seq++));
            }
        }
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i] == null) {
                // Nobody with the skill was ever on duty again: the customer waited to the end of the replay.
                outcomes[i] = new CallOutcome(calls.get(i).priority(), false, Math.max(0, lastEvent - calls.get(i).arrival()));
            }
        }
        double dutySeconds = dutySeconds(staffing, trace.firstArrival(), lastEvent);
        return new Run(policy.name(), List.of(outcomes), busy, dutySeconds, queue.meanByHour(days(trace)),
                (System.nanoTime() - started) / 1_000_000);
    }

    private Work work(int index, TraceCall call) {
        Instant arrival = Instant.ofEpochSecond(call.arrival());
        Long target = targets.get(call.priority());
        return new Work(index, trace.levels().get(call.priority()), arrival,
                // The targets are answer-time targets: handling starts after the deadline that matters here, so the
                // work carries no predicted handling into the slack (the agent choice still uses learned times).
                target == null ? null : arrival.plusSeconds(target), java.time.Duration.ZERO, call.skill(),
                Set.of(call.skill()), null, false, null, null, 1, call.skill());
    }

    static double dutySeconds(Staffing staffing, long from, long to) {
        double total = 0;
        for (Staffing.Agent agent : staffing.agents()) {
            for (Staffing.Shift shift : agent.shifts()) {
                total += Math.max(0, Math.min(shift.to(), to) - Math.max(shift.from(), from));
            }
        }
        return total;
    }

    static int days(Trace trace) {
        return (int) (Math.floorDiv(trace.lastArrival(), 86_400) - Math.floorDiv(trace.firstArrival(), 86_400) + 1);
    }
}
