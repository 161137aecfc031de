package io.oriole.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.oriole.agent.Agent;
import io.oriole.agent.AgentManagement;
import io.oriole.agent.AgentSkill;
import io.oriole.agent.Tier;
import io.oriole.routing.RoutingHistoryEntry;
import io.oriole.routing.RoutingManagement;
import io.oriole.tenant.TenantId;
import io.oriole.tenant.TenantManagement;

/**
 * Gives the demo tenant two weeks of past routing history, so that the console's what-if page has something to
 * replay on a fresh start. The past is <em>synthetic</em> and stored as imported history
 * ({@link RoutingManagement#importHistory}): routing records without conversation rows, so the inbox, SLA figures
 * and everything counting the demo's four conversations stay as they were.
 *
 * <p>How it is made, deterministically from a fixed seed: about 50 conversations per weekday and 15 per weekend day
 * during Shanghai business hours (01:00–13:00 UTC), three times as busy late morning and mid-afternoon; queues and
 * priorities in a help desk's usual mix; each demo agent on a daily shift, one conversation at a time, serving the queues their
 * skills (and, for the VIP desk, their tier) allow. Each conversation goes to the eligible agent who can start it
 * first; a customer whose patience (one minute plus an exponential with mean 4; for P1 two plus 8) runs out first
 * gives up. Handling times are log-normal around each queue's mean (technical 12 min, after-sales 9, billing 7,
 * pre-sales 5, VIP desk 10).
 *
 * <p>Runs once, after the demo is seeded (on application ready), and never again once the tenant has imported history.
 */
@Component
@ConditionalOnProperty(name = "oriole.demo.enabled", havingValue = "true")
class DemoHistory {

    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

    static final int DAYS = 14;
    private static final long SEED = 20_261_118L;

    /** Daily shifts in UTC hours, handed to the demo's agents in id order. */
    private static final int[][] SHIFTS = { { 1, 7 }, { 5, 13 }, { 1, 9 }, { 4, 13 }, { 6, 13 }, { 1, 6 } };

    /** Queue codes (the demo's default queues), their share of conversations and mean handling in minutes. */
    private static final String[] QUEUES = { "technical", "after-sales", "billing", "pre-sales", "vip-desk" };
    private static final double[] QUEUE_SHARE = { 0.30, 0.30, 0.15, 0.20, 0.05 };
    private static final double[] HANDLING_MINUTES = { 12, 9, 7, 5, 10 };

    private final TenantManagement tenants;
    private final AgentManagement agents;
    private final RoutingManagement routing;
    private final Clock clock;

    DemoHistory(TenantManagement tenants, AgentManagement agents, RoutingManagement routing, Clock clock) {
        this.tenants = tenants;
        this.agents = agents;
        this.routing = routing;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedOnce() {
        tenants.findBySlug(DemoData.SLUG).ifPresent(tenant -> {
            TenantId t = tenant.tenantId();
            if (routing.hasImportedHistory(t)) {
                return;
            }
            List<RoutingHistoryEntry> past = past(agents.list(t), clock.instant());
            routing.importHistory(t, past);
            log.info("Seeded {} past conversations of routing history for the demo tenant's what-if page", past.size());
        });
    }

    /** The last {@value #DAYS} whole days before {@code now}'s day (UTC). */
    static List<RoutingHistoryEntry> past(List<Agent> staff, Instant now) {
        Random random = new Random(SEED);
        List<Agent> team = staff.stream().sorted(Comparator.comparing(Agent::id)).toList();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<RoutingHistoryEntry> entries = new ArrayList<>();
        for (int back = DAYS; back >= 1; back--) {
            LocalDate day = today.minusDays(back);
            long midnight = day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            List<Long> arrivals = arrivals(random, midnight, weekend ? 15 : 50);
            long[] freeAt = new long[team.size()];
            for (long arrival : arrivals) {
                int queue = pick(random, QUEUE_SHARE);
                int priority = queue == 4 ? 1 + random.nextInt(2) : pick(random, new double[] { .04, .18, .63, .15 }) + 1;
                // Nobody gives up within the first minute (two for P1); beyond it, patience runs out at random.
                double patience = (priority == 1 ? 120 : 60)
                        - Math.log(1 - random.nextDouble()) * (priority == 1 ? 480 : 240);
                double handling = HANDLING_MINUTES[queue] * 60 * Math.exp(0.5 * random.nextGaussian() - 0.125);
                int chosen = -1;
                long start = Long.MAX_VALUE;
                for (int a = 0; a < team.size(); a++) {
                    if (!serves(team.get(a), QUEUES[queue])) {
                        continue;
                    }
                    int[] shift = SHIFTS[a % SHIFTS.length];
                    long from = Math.max(arrival, freeAt[a]);
                    long shiftStart = midnight + shift[0] * 3600L;
                    long shiftEnd = midnight + shift[1] * 3600L;
                    long begins = from < shiftStart ? shiftStart : from < shiftEnd ? from : Long.MAX_VALUE;
                    if (begins < start) {
                        start = begins;
                        chosen = a;
                    }
                }
                Instant queued = Instant.ofEpochSecond(arrival);
                if (chosen < 0 || start - arrival > patience) {
                    long gaveUpAfter = Math.max(1, Math.round(patience));
                    entries.add(new RoutingHistoryEntry(null, queued, priority, QUEUES[queue], null, null,
                            queued.plusSeconds(gaveUpAfter)));
                    continue;
                }
                long seconds = Math.max(30, Math.round(handling));
                freeAt[chosen] = start + seconds;
                entries.add(new RoutingHistoryEntry(null, queued, priority, QUEUES[queue], Instant.ofEpochSecond(start),
                        team.get(chosen).id(), Instant.ofEpochSecond(start + seconds)));
            }
        }
        return entries;
    }

    /** About {@code mean} arrival times in the day's business hours, denser 02–04 and 06–08 UTC. */
    private static List<Long> arrivals(Random random, long midnight, int mean) {
        double[] weight = new double[24];
        for (int h = 1; h < 13; h++) {
            weight[h] = (h >= 2 && h < 4) || (h >= 6 && h < 8) ? 3.0 : 1.0;
        }
        double total = java.util.Arrays.stream(weight).sum();
        List<Long> times = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            double expected = mean * weight[h] / total;
            // A Poisson process within the hour: exponential gaps (none at all where the weight is zero).
            double t = -Math.log(1 - random.nextDouble()) / expected;
            while (t < 1) {
                times.add(midnight + h * 3600L + (long) (t * 3600));
                t += -Math.log(1 - random.nextDouble()) / expected;
            }
        }
        times.sort(null);
        return times;
    }

    private static boolean serves(Agent agent, String queue) {
        if (queue.equals("vip-desk")) {
            return agent.tier().compareTo(Tier.L2) >= 0;
        }
        return agent.skills().stream().map(AgentSkill::skill).anyMatch(queue::equals);
    }

    private static int pick(Random random, double[] shares) {
        double u = random.nextDouble();
        for (int i = 0; i < shares.length; i++) {
            u -= shares[i];
            if (u < 0) {
                return i;
            }
        }
        return shares.length - 1;
    }
}
