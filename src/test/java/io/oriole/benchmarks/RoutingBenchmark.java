package io.oriole.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.oriole.routing.model.AgentRoster;
import io.oriole.routing.model.AgentSelector;
import io.oriole.routing.model.AgentSnapshot;
import io.oriole.routing.model.Decision;
import io.oriole.routing.model.Dispatcher;
import io.oriole.routing.model.EwmaHandlingTimes;
import io.oriole.routing.model.SlaAwarePolicy;
import io.oriole.routing.model.Work;

/**
 * The routing decision with 10,000 waiting conversations and 1,000 online agents (floors: 20,000
 * decisions/s and p99 ≤ 1 ms).
 *
 * <ul>
 * <li>{@code decisionsPerSecond} and {@code decisionLatency}: one decision, the agent for the next of
 * the 10,000 waiting conversations in turn, scanning all 1,000 agents of a prepared
 * {@link AgentRoster} with learned handling times; throughput in decisions/s and sample time for
 * the p99.</li>
 * <li>{@code decisionsPerSecondFromSnapshots}: the same when the caller passes the snapshots and
 * the roster is built for every decision.</li>
 * <li>{@code dispatchQueue}: the whole queue at once (sort by the policy, then 10,000 decisions with
 * loads kept as agents fill up), reported per decision.</li>
 * </ul>
 * Data: five skills, zh/en, 10 % expedite, 5 % with a preferred agent, agents of tiers 1..3 with
 * capacity 2..5 and about half their capacity in use, from a fixed seed.
 */
@State(Scope.Benchmark)
@Fork(2)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class RoutingBenchmark {

    static final int WAITING = 10_000;
    static final int AGENTS = 1_000;
    private static final String[] SKILLS = {"pre-sales", "after-sales", "technical", "billing", "vip"};
    private static final String[] INTENTS = {"refund", "invoice", "login", "delivery", "upgrade", "complaint"};

    private final Instant now = Instant.parse("2026-03-02T10:00:00Z");
    private List<Work> waiting;
    private List<AgentSnapshot> agents;
    private AgentRoster roster;
    private AgentSelector selector;
    private Dispatcher dispatcher;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(42);
        EwmaHandlingTimes times = new EwmaHandlingTimes();
        agents = new ArrayList<>(AGENTS);
        for (int id = 1; id <= AGENTS; id++) {
            Map<String, Integer> levels = new HashMap<>();
            levels.put(SKILLS[id % SKILLS.length], 1 + random.nextInt(5));
            levels.put(SKILLS[random.nextInt(SKILLS.length)], 1 + random.nextInt(5));
            Set<String> languages = random.nextInt(4) == 0 ? Set.of("en") : Set.of("zh", "en");
            int capacity = 2 + random.nextInt(4);
            agents.add(new AgentSnapshot(id, "agent-" + id, 1 + random.nextInt(3), levels, languages, capacity,
                    random.nextInt(capacity / 2 + 1)));
            for (String intent : INTENTS) {
                times.observe(id, intent, Duration.ofSeconds(120 + random.nextInt(600)));
            }
        }
        waiting = new ArrayList<>(WAITING);
        for (int id = 1; id <= WAITING; id++) {
            int priority = 1 + random.nextInt(4);
            Instant queuedAt = now.minusSeconds(random.nextInt(3_600));
            Set<String> skills = new HashSet<>();
            skills.add(SKILLS[random.nextInt(SKILLS.length)]);
            boolean preferred = random.nextInt(20) == 0;
            waiting.add(new Work(id, priority, queuedAt,
                    random.nextBoolean() ? queuedAt.plusSeconds(300L * priority * priority) : null,
                    Duration.ofSeconds(180 + random.nextInt(420)), skills.iterator().next(), skills,
                    random.nextInt(3) == 0 ? "en" : "zh", random.nextInt(10) == 0,
                    preferred ? (long) (1 + random.nextInt(AGENTS)) : null,
                    preferred ? now.plusSeconds(random.nextInt(120) - 60) : null, 1 + random.nextInt(4) / 3,
                    INTENTS[random.nextInt(INTENTS.length)]));
        }
        roster = AgentRoster.of(agents);
        selector = new AgentSelector(times);
        dispatcher = new Dispatcher(new SlaAwarePolicy(), selector);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Decision decisionsPerSecond() {
        return decideNext();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Decision decisionLatency() {
        return decideNext();
    }

    /** The same decision when the caller has only the snapshots: the roster is built for each decision. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Decision decisionsPerSecondFromSnapshots() {
        Work work = waiting.get(next);
        next = next + 1 == WAITING ? 0 : next + 1;
        return selector.choose(work, agents, Set.of(), now);
    }

    private Decision decideNext() {
        Work work = waiting.get(next);
        next = next + 1 == WAITING ? 0 : next + 1;
        return selector.choose(work, roster, Set.of(), now);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(WAITING)
    public List<Decision> dispatchQueue() {
        return dispatcher.dispatch(waiting, agents, now);
    }
}
