package io.oriole.sla.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.oriole.agent.Agent;
import io.oriole.agent.AgentManagement;
import io.oriole.agent.Tier;
import io.oriole.conversation.Conversation;
import io.oriole.conversation.ConversationManagement;
import io.oriole.customer.Customer;
import io.oriole.customer.CustomerKind;
import io.oriole.customer.CustomerManagement;
import io.oriole.customer.VipTier;
import io.oriole.sla.MatchFacts;
import io.oriole.sla.SlaApplied;
import io.oriole.sla.SlaBreached;
import io.oriole.sla.SlaEscalated;
import io.oriole.sla.SlaEvent;
import io.oriole.sla.SlaFactKind;
import io.oriole.sla.SlaFulfilled;
import io.oriole.sla.SlaPaused;
import io.oriole.sla.SlaPolicy;
import io.oriole.sla.SlaResumed;
import io.oriole.sla.SlaWarningReached;
import io.oriole.sla.model.BusinessCalendar;
import io.oriole.sla.model.ConversationClock;
import io.oriole.sla.model.Deadlines;
import io.oriole.sla.model.PolicyMatcher;
import io.oriole.sla.model.SlaFact;
import io.oriole.sla.model.Terms;
import io.oriole.tenant.TenantId;
import io.oriole.tenant.TenantManagement;
import io.oriole.triage.TriageManagement;
import io.oriole.triage.TriageResult;

/**
 * Applies what happened to a conversation to its stored clock, under the clock row's lock: restore the
 * {@link ConversationClock}, let it decide, re-match the policy (the priority or the policies may have changed),
 * store the new deadlines, record each fact once and announce it. Listeners and scanners of one conversation are
 * serialised by that lock; the unique key on recorded facts makes a repeated decision harmless.
 */
@Service
public class SlaOperations {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SlaOperations.class);

    /** What one change sees and may change: the clock, the policy in force, the matching facts, the owner. */
    public static final class Work {
        public final ConversationClock clock;
        public final Terms terms;
        public MatchFacts facts;
        public Long assigneeAgentId;
        public final long customerId;

        Work(ConversationClock clock, Terms terms, MatchFacts facts, Long assigneeAgentId, long customerId) {
            this.customerId = customerId;
            this.clock = clock;
            this.terms = terms;
            this.facts = facts;
            this.assigneeAgentId = assigneeAgentId;
        }
    }

    /** A change that returns the facts it caused. */
    @FunctionalInterface
    public interface Change {
        List<SlaFact> apply(Work work);
    }

    private final ClockStore clocks;
    private final PolicyStore policies;
    private final ConversationManagement conversations;
    private final CustomerManagement customers;
    private final TriageManagement triage;
    private final AgentManagement agents;
    private final TenantManagement tenants;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Timer scanDelay;

    SlaOperations(ClockStore clocks, PolicyStore policies, ConversationManagement conversations,
            CustomerManagement customers, TriageManagement triage, AgentManagement agents, TenantManagement tenants,
            ApplicationEventPublisher events, Clock clock, MeterRegistry meters) {
        this.clocks = clocks;
        this.policies = policies;
        this.conversations = conversations;
        this.customers = customers;
        this.triage = triage;
        this.agents = agents;
        this.tenants = tenants;
        this.events = events;
        this.clock = clock;
        this.scanDelay = Timer.builder("oriole.sla.scan.delay")
                .description("Time from the moment an SLA action fell due to the scanner acting on it")
                .publishPercentiles(0.5, 0.95, 0.99).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(1))
                .register(meters);
    }

    /** Applies a change to the conversation's clock, creating the clock on first contact. */
    @Transactional
    public void apply(long tenantId, long conversationId, Change change) {
        Optional<ClockRow> locked = lockOrCreate(tenantId, conversationId);
        if (locked.isEmpty()) {
            return;
        }
        ClockRow row = locked.get();
        List<SlaPolicy> all = policies.cachedPolicies(tenantId);
        SlaPolicy current = row.policyId() == null ? null
                : all.stream().filter(p -> p.id() == row.policyId()).findFirst().orElse(null);
        Work work = new Work(ConversationClock.restore(row.clock()), terms(tenantId, current), row.facts(),
                row.assigneeAgentId(), row.customerId());
        List<SlaFact> facts = new ArrayList<>(change.apply(work));

        SlaPolicy matched = PolicyMatcher.match(all, work.facts).orElse(null);
        Terms after = terms(tenantId, matched);
        Deadlines deadlines = work.clock.deadlines(after);
        Instant now = clock.instant();
        boolean reapplied = matched != null && (current == null || current.id() != matched.id()
                || !Objects.equals(row.facts().priority(), work.facts.priority()));
        ClockRow updated = row.with(work.facts, matched == null ? null : matched.id(),
                matched == null ? null : matched.name(), work.assigneeAgentId, work.clock.snapshot(), deadlines);
        clocks.update(updated, now);
        if (reapplied) {
            int level = work.facts.priority() == null ? 0 : work.facts.priority().ordinal() + 1;
            facts.add(0, new SlaFact(SlaFactKind.APPLIED, null, (int) matched.id(), level, deadlines.earliest(), now,
                    null, null, false));
        }
        record(updated, facts);
    }

    /**
     * Acts on the next due clock, if any, in this transaction: the row stays locked (other nodes skip it) until the
     * facts are recorded and committed. Returns false when nothing was due.
     */
    @Transactional
    public boolean scanNext() {
        Instant now = clock.instant();
        Optional<ClockStore.Due> due = clocks.claimNextDue(now);
        if (due.isEmpty()) {
            return false;
        }
        ClockStore.Due d = due.get();
        scanDelay.record(Duration.between(d.nextActionAt(), now));
        try {
            apply(d.tenantId(), d.conversationId(), w -> w.clock.scan(now, w.terms));
        }
        catch (RuntimeException e) {
            // A clock that cannot be evaluated (say, a calendar without working days after an edit) must not stop
            // the others: it is retried in a minute and the failure is logged.
            log.error("SLA scan of conversation {} of tenant {} failed; retrying in a minute", d.conversationId(),
                    d.tenantId(), e);
            clocks.postpone(d.tenantId(), d.conversationId(), now.plus(Duration.ofMinutes(1)));
        }
        return true;
    }

    /** Re-matches and recomputes every running clock of the tenant after its policies or calendars changed. */
    @Transactional
    public void reapplyAll(long tenantId) {
        for (long conversationId : clocks.activeConversations(tenantId)) {
            apply(tenantId, conversationId, w -> List.of());
        }
    }

    MatchFacts withTriage(MatchFacts facts, TriageResult r) {
        return new MatchFacts(r.priority().level(), facts.vipTier(), facts.customerKind(), facts.channel(),
                r.category(), r.intent() == null || r.intent().outOfScope() ? null : r.intent().intent(),
                r.urgency());
    }

    MatchFacts withCustomer(MatchFacts facts, long tenantId, long customerId) {
        return customers.find(new TenantId(tenantId), customerId)
                .map(c -> new MatchFacts(facts.priority(), c.vipTier(), c.kind(), facts.channel(), facts.category(),
                        facts.intent(), facts.urgency()))
                .orElse(facts);
    }

    Tier tierOf(long tenantId, Long agentId) {
        return agentId == null ? null
                : agents.find(new TenantId(tenantId), agentId).map(Agent::tier).orElse(null);
    }

    private Optional<ClockRow> lockOrCreate(long tenantId, long conversationId) {
        Optional<ClockRow> row = clocks.lock(tenantId, conversationId);
        if (row.isPresent()) {
            return row;
        }
        TenantId tenant = new TenantId(tenantId);
        Optional<Conversation> found = conversations.find(tenant, conversationId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Conversation c = found.get();
        Optional<Customer> customer = customers.find(tenant, c.customerId());
        MatchFacts facts = new MatchFacts(null, customer.map(Customer::vipTier).orElse(VipTier.NONE),
                customer.map(Customer::kind).orElse(CustomerKind.PERSONAL), c.channel(), null, null, null);
        MatchFacts base = facts;
        facts = triage.latest(tenant, conversationId).map(r -> withTriage(base, r)).orElse(facts);
        ConversationClock fresh = ConversationClock.opened(c.createdAt());
        ConversationClock.Snapshot snapshot = fresh.snapshot();
        ClockRow initial = new ClockRow(tenantId, conversationId, c.customerId(), facts, null, null, null, snapshot,
                fresh.deadlines(null), null);
        try {
            clocks.insertIfAbsent(initial, clock.instant());
        }
        catch (DuplicateKeyException concurrentFirstContact) {
            // Another listener created it a moment ago; its row is what we lock next.
        }
        return clocks.lock(tenantId, conversationId);
    }

    private Terms terms(long tenantId, SlaPolicy policy) {
        if (policy == null) {
            return null;
        }
        BusinessCalendar calendar = policy.calendarId() == null ? BusinessCalendar.allHours(zoneOf(tenantId))
                : policies.cachedCalendar(tenantId, policy.calendarId()).map(c -> c.toBusinessCalendar())
                        .orElse(BusinessCalendar.allHours(zoneOf(tenantId)));
        return new Terms(policy, calendar);
    }

    private ZoneId zoneOf(long tenantId) {
        return tenants.findCached(new TenantId(tenantId)).map(t -> {
            try {
                return ZoneId.of(t.timeZone());
            }
            catch (RuntimeException unknownZone) {
                return ZoneId.of("UTC");
            }
        }).orElse(ZoneId.of("UTC"));
    }

    private void record(ClockRow row, List<SlaFact> facts) {
        Tier assigneeTier = row.clock().assigneeTier();
        SlaFact cause = null;
        for (SlaFact f : facts) {
            boolean recorded = clocks.insertEvent(row.tenantId(), row.conversationId(), f.kind(), f.metric(),
                    f.cycle(), f.seq(), f.deadline(), f.met(), row.facts().priority(), row.policyName(),
                    row.assigneeAgentId(), f.targetTier(), f.at());
            if (recorded) {
                eventOf(row, f, cause, assigneeTier).ifPresent(events::publishEvent);
            }
            if (f.kind() == SlaFactKind.BREACHED || f.kind() == SlaFactKind.WARNING) {
                cause = f;
            }
        }
    }

    private static Optional<SlaEvent> eventOf(ClockRow row, SlaFact f, SlaFact cause, Tier assigneeTier) {
        long t = row.tenantId();
        long c = row.conversationId();
        var priority = row.facts().priority();
        Long owner = row.assigneeAgentId();
        return Optional.ofNullable(switch (f.kind()) {
            case APPLIED -> new SlaApplied(t, c, row.policyId(), row.policyName(), priority,
                    row.deadlines().earliest(), f.at());
            case WARNING, REMINDER -> new SlaWarningReached(t, c, f.metric(), f.deadline(), f.seq(), priority,
                    row.policyName(), owner, f.at());
            case BREACHED -> new SlaBreached(t, c, f.metric(), f.deadline(), priority, row.policyName(), owner,
                    f.at());
            case FULFILLED -> new SlaFulfilled(t, c, f.metric(), f.deadline(), Boolean.TRUE.equals(f.met()),
                    priority, owner, f.at());
            case PAUSED -> new SlaPaused(t, c, priority, f.at());
            case RESUMED -> new SlaResumed(t, c, f.deadline(), priority, f.at());
            case ESCALATED -> new SlaEscalated(t, c, f.targetTier(), f.deadline(),
                    cause == null ? null : cause.metric(), f.notifySupervisors(), priority, row.policyName(), owner,
                    assigneeTier, f.at());
        });
    }
}
