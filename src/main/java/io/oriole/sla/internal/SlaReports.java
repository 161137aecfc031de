package io.oriole.sla.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import io.oriole.agent.Agent;
import io.oriole.agent.AgentManagement;
import io.oriole.agent.Tier;
import io.oriole.sla.Attainment;
import io.oriole.sla.SlaDigest;
import io.oriole.sla.SlaFactKind;
import io.oriole.sla.SlaMetric;
import io.oriole.sla.SlaRecord;
import io.oriole.sla.SlaStatus;
import io.oriole.tenant.TenantId;
import io.oriole.triage.PriorityLevel;

/** Reads clocks as statuses, computes attainment, and writes the supervisors' periodic digest. */
@Service
public class SlaReports {

    private final ClockStore clocks;
    private final DigestStore digests;
    private final AgentManagement agents;
    private final Clock clock;
    private final Duration digestEvery;

    SlaReports(ClockStore clocks, DigestStore digests, AgentManagement agents, Clock clock,
            @Value("${oriole.sla.digest-every:1h}") Duration digestEvery) {
        this.clocks = clocks;
        this.digests = digests;
        this.agents = agents;
        this.clock = clock;
        this.digestEvery = digestEvery;
    }

    SlaStatus status(ClockRow r, Instant now) {
        var d = r.deadlines();
        var s = r.clock();
        Set<SlaMetric> overdue = EnumSet.noneOf(SlaMetric.class);
        boolean atRisk = false;
        for (var e : d.due().entrySet()) {
            if (!e.getValue().isAfter(now)) {
                overdue.add(e.getKey());
            }
            else if (s.warned().contains(e.getKey())) {
                atRisk = true;
            }
        }
        SlaStatus.State state;
        if (!s.status().isActive()) {
            state = SlaStatus.State.DONE;
        }
        else if (r.policyId() == null) {
            state = SlaStatus.State.NONE;
        }
        else if (!overdue.isEmpty()) {
            state = SlaStatus.State.BREACHED;
        }
        else if (atRisk) {
            state = SlaStatus.State.AT_RISK;
        }
        else if (s.pausedSince() != null && d.earliest() == null) {
            state = SlaStatus.State.PAUSED;
        }
        else {
            state = SlaStatus.State.ON_TRACK;
        }
        Tier escalatedTo = s.escalationLevel() >= 3 ? Tier.L3 : s.escalationLevel() == 2 ? Tier.L2 : null;
        return new SlaStatus(r.conversationId(), r.policyName(), r.facts().priority(), state,
                d.due(SlaMetric.FIRST_RESPONSE), d.due(SlaMetric.NEXT_RESPONSE), d.due(SlaMetric.RESOLUTION),
                d.due(SlaMetric.L2_JOIN), d.due(SlaMetric.L3_JOIN), d.earliest(), s.pausedSince() != null,
                escalatedTo, overdue, r.assigneeAgentId());
    }

    public List<SlaStatus> running(long tenantId, int limit) {
        Instant now = clock.instant();
        return clocks.running(tenantId, limit).stream().map(r -> status(r, now)).toList();
    }

    public List<Attainment> attainment(long tenantId, Instant from, Instant to) {
        List<SlaRecord> events = clocks.eventsBetween(tenantId, from, to);
        Set<String> fulfilled = clocks.fulfilledKeys(tenantId,
                events.stream().map(SlaRecord::conversationId).collect(Collectors.toSet()));
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, Attainment> keys = new HashMap<>();
        for (SlaRecord e : events) {
            String key = e.metric() + "/" + e.priority();
            keys.putIfAbsent(key, new Attainment(e.metric(), e.priority(), 0, 0));
            long[] c = counts.computeIfAbsent(key, k -> new long[2]);
            if (e.kind() == SlaFactKind.FULFILLED) {
                c[Boolean.TRUE.equals(e.met()) ? 0 : 1]++;
            }
            else if (!fulfilled.contains(e.conversationId() + "/" + e.metric() + "/" + e.cycle())) {
                // Breached and never answered (or resolved unanswered): a miss counted at the breach.
                c[1]++;
            }
        }
        List<Attainment> result = new ArrayList<>();
        counts.forEach((key, c) -> result.add(new Attainment(keys.get(key).metric(), keys.get(key).priority(), c[0],
                c[1])));
        result.sort((a, b) -> a.metric() != b.metric() ? a.metric().compareTo(b.metric())
                : a.priority() == null ? 1 : b.priority() == null ? -1 : a.priority().compareTo(b.priority()));
        return result;
    }

    public List<SlaDigest> digests(long tenantId, int limit) {
        return digests.latest(tenantId, limit);
    }

    /** Writes every tenant's digest for the period that just ended, once across nodes. */
    @Scheduled(fixedDelayString = "${oriole.sla.digest-check:60s}", initialDelayString = "${oriole.sla.digest-check:60s}")
    void scheduledDigests() {
        for (long tenantId : clocks.tenantsWithClocks()) {
            writeDigest(tenantId);
        }
    }

    /**
     * The digest of the period ({@code oriole.sla.digest-every}) that ended last; nothing when it exists already.
     * Returns whether this call wrote it.
     */
    public boolean writeDigest(long tenantId) {
        Instant now = clock.instant();
        long every = digestEvery.toMillis();
        Instant periodEnd = Instant.ofEpochMilli(now.toEpochMilli() / every * every);
        Instant periodStart = digests.lastPeriodEnd(tenantId).filter(p -> p.isBefore(periodEnd))
                .orElse(periodEnd.minus(digestEvery));
        if (digests.lastPeriodEnd(tenantId).filter(p -> !p.isBefore(periodEnd)).isPresent()) {
            return false;
        }
        List<SlaStatus> running = running(tenantId, 1000);
        Map<Long, String> names = agents.list(new TenantId(tenantId)).stream()
                .collect(Collectors.toMap(Agent::id, Agent::displayName));
        Map<Long, long[]> byOwner = new LinkedHashMap<>();
        int urgent = 0;
        int risk = 0;
        int overdue = 0;
        for (SlaStatus s : running) {
            long[] c = byOwner.computeIfAbsent(s.assigneeAgentId() == null ? 0L : s.assigneeAgentId(), k -> new long[4]);
            if (s.priority() == PriorityLevel.P1) {
                urgent++;
                c[0]++;
            }
            if (s.state() == SlaStatus.State.AT_RISK) {
                risk++;
                c[1]++;
            }
            if (s.state() == SlaStatus.State.BREACHED) {
                overdue++;
                c[2]++;
            }
        }
        Map<Long, Long> breachesByOwner = clocks.breachesByOwnerSince(tenantId, periodStart, periodEnd);
        breachesByOwner.forEach((owner, n) -> byOwner.computeIfAbsent(owner, k -> new long[4])[3] = n);
        long breaches = clocks.countSince(tenantId, SlaFactKind.BREACHED, periodStart, periodEnd);
        Function<Long, String> name = id -> id == 0L ? "(unassigned)" : names.getOrDefault(id, "#" + id);
        String body = byOwner.entrySet().stream().filter(e -> e.getValue()[0] + e.getValue()[1] + e.getValue()[2]
                + e.getValue()[3] > 0).map(e -> name.apply(e.getKey()) + ": " + e.getValue()[0] + " urgent, "
                        + e.getValue()[1] + " at risk, " + e.getValue()[2] + " overdue, " + e.getValue()[3]
                        + " breaches").collect(Collectors.joining("\n"));
        return digests.insert(tenantId, new SlaDigest(0, periodStart, periodEnd, urgent, risk, overdue,
                (int) breaches, body, now, null));
    }

    public java.util.Optional<SlaStatus> status(long tenantId, long conversationId) {
        return clocks.find(tenantId, conversationId).map(r -> status(r, clock.instant()));
    }

    public Map<Long, SlaStatus> statuses(long tenantId, Collection<Long> conversationIds) {
        Instant now = clock.instant();
        return clocks.findAll(tenantId, conversationIds).stream()
                .collect(Collectors.toMap(ClockRow::conversationId, r -> status(r, now)));
    }

    public Map<Long, Instant> earliestDeadlines(long tenantId, Collection<Long> conversationIds) {
        Map<Long, Instant> result = new HashMap<>();
        for (ClockRow r : clocks.findAll(tenantId, conversationIds)) {
            if (r.deadlines().earliest() != null) {
                result.put(r.conversationId(), r.deadlines().earliest());
            }
        }
        return result;
    }

    public List<SlaRecord> events(long tenantId, long conversationId) {
        return clocks.events(tenantId, conversationId);
    }
}
