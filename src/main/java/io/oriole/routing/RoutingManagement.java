package io.oriole.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.oriole.agent.Agent;
import io.oriole.agent.AgentManagement;
import io.oriole.bot.BotManagement;
import io.oriole.agent.AgentSkill;
import io.oriole.agent.CapacityWeights;
import io.oriole.agent.Department;
import io.oriole.agent.Presence;
import io.oriole.agent.PresenceManagement;
import io.oriole.agent.Tier;
import io.oriole.conversation.Actor;
import io.oriole.conversation.Conversation;
import io.oriole.conversation.ConversationManagement;
import io.oriole.conversation.Participant;
import io.oriole.customer.Customer;
import io.oriole.customer.CustomerManagement;
import io.oriole.routing.internal.DeadlineLookup;
import io.oriole.routing.internal.QueueMatcher;
import io.oriole.routing.internal.RoutingStore;
import io.oriole.routing.internal.Rounds;
import io.oriole.routing.internal.WaitingLines;
import io.oriole.routing.internal.StoredHandlingTimes;
import io.oriole.routing.internal.WorkRow;
import io.oriole.routing.model.AgentSelector;
import io.oriole.routing.model.AgentSnapshot;
import io.oriole.routing.model.Decision;
import io.oriole.routing.model.Dispatcher;
import io.oriole.routing.model.RoutingPolicies;
import io.oriole.routing.model.RoutingPolicy;
import io.oriole.routing.model.WaitEstimator;
import io.oriole.routing.model.Work;
import io.oriole.tenant.TenantId;
import io.oriole.triage.TriageManagement;
import io.oriole.triage.TriageResult;
import io.oriole.triage.Urgency;

/**
 * Routing's commands and questions. Deciding runs on a snapshot (waiting work, online agents, their loads) through
 * the framework-free model; acting on each decision is a short transaction of its own that claims the work row
 * ({@code FOR UPDATE SKIP LOCKED}) and then the agent's mutex row, re-checks the agent's load and presence, and
 * only then writes the offer. A decision made on a stale snapshot therefore fails its claim instead of offering a
 * conversation twice or overfilling an agent; the next round decides again.
 */
@Service
public class RoutingManagement {

    /** How long a VIP's dedicated agent is waited for, and a returning customer's previous agent. */
    static final Duration DEDICATED_WAIT = Duration.ofMinutes(5);
    static final Duration PREVIOUS_AGENT_WAIT = Duration.ofMinutes(1);
    static final Duration PREVIOUS_AGENT_WITHIN = Duration.ofDays(14);

    private static final Actor ROUTING = new Actor(io.oriole.conversation.AuthorType.SYSTEM, null, "routing");

    private final RoutingStore store;
    private final AgentManagement agents;
    private final PresenceManagement presence;
    private final CapacityWeights weights;
    private final ConversationManagement conversations;
    private final CustomerManagement customers;
    private final TriageManagement triage;
    private final DeadlineLookup deadlines;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final BotManagement bot;
    private final WaitEstimator waitEstimator = new WaitEstimator();
    private final Rounds rounds = new Rounds();
    private final WaitingLines lines;

    RoutingManagement(RoutingStore store, AgentManagement agents, PresenceManagement presence,
            CapacityWeights weights, ConversationManagement conversations, CustomerManagement customers,
            TriageManagement triage, DeadlineLookup deadlines, ApplicationEventPublisher events, TransactionTemplate tx,
            Clock clock, BotManagement bot, WaitingLines lines) {
        this.lines = lines;
        this.bot = bot;
        this.store = store;
        this.agents = agents;
        this.presence = presence;
        this.weights = weights;
        this.conversations = conversations;
        this.customers = customers;
        this.triage = triage;
        this.deadlines = deadlines;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ SLA

    /** The SLA module set or moved the conversation's earliest deadline; waiting work is reordered by it. */
    public void deadlineChanged(TenantId tenant, long conversationId, Instant deadline) {
        if (deadline != null && store.updateDeadline(tenant.value(), conversationId, deadline, clock.instant()) > 0) {
            dispatch(tenant, true);
        }
    }

    /**
     * The SLA ladder says the conversation needs an agent of {@code target} tier or above: escalate it step by step
     * until its owner or the tier it waits for reaches that. Nothing happens when it is there already.
     */
    public void escalateTo(TenantId tenant, long conversationId, Tier target, String note) {
        for (int step = 0; step < Tier.values().length; step++) {
            Optional<Conversation> c = conversations.find(tenant, conversationId);
            if (c.isEmpty() || !c.get().status().isActive()) {
                return;
            }
            Tier now = c.get().assigneeAgentId() == null ? store.work(tenant.value(), conversationId)
                    .map(r -> Tier.valueOf(r.minTier())).orElse(Tier.L1)
                    : agents.find(tenant, c.get().assigneeAgentId()).map(Agent::tier).orElse(Tier.L1);
            if (now.compareTo(target) >= 0) {
                return;
            }
            escalate(tenant, conversationId, note, Actor.system());
        }
    }

    // ------------------------------------------------------------------ intake

    /**
     * Puts an unowned, active conversation in line (or refreshes the facts of one already waiting) and dispatches.
     * {@code triage} may be null for a conversation not triaged yet; it then waits as P3 in the queue its customer
     * and channel match. Idempotent.
     */
    public void enqueue(TenantId tenant, long conversationId, TriageResult triage) {
        // The bot answers first where the tenant has it on; the conversation joins the line when it hands off.
        if (bot.answers(tenant, conversationId)) {
            return;
        }
        boolean changed = Boolean.TRUE.equals(tx.execute(s -> enqueueLocked(tenant, conversationId, triage)));
        if (changed) {
            dispatch(tenant, true);
        }
    }

    private boolean enqueueLocked(TenantId tenant, long conversationId, TriageResult result) {
        Optional<Conversation> found = conversations.find(tenant, conversationId);
        if (found.isEmpty() || !found.get().status().isActive()) {
            return false;
        }
        Conversation c = found.get();
        Instant now = clock.instant();
        WorkRow row = newRow(tenant, c, result, now);
        if (store.insertWork(row, now)) {
            if (row.status().equals(WorkRow.WAITING)) {
                store.recordDecision(tenant.value(), conversationId, null, "QUEUED",
                        "queued in " + row.queueCode() + " as P" + row.priority()
                                + (row.expedite() ? ", expedite (urgent or VIP)" : ""),
                        null, now);
            }
            return true;
        }
        row = store.lockWork(tenant.value(), conversationId).orElseThrow();
        if (result != null && row.status().equals(WorkRow.WAITING) && !row.directed()) {
            WorkRow fresh = newRow(tenant, c, result, row.queuedAt());
            store.updateFacts(fresh, now);
            if (!fresh.queueCode().equals(row.queueCode()) || fresh.priority() != row.priority()) {
                store.recordDecision(tenant.value(), conversationId, null, "QUEUED", "triaged: now P"
                        + fresh.priority() + " in " + fresh.queueCode() + (fresh.expedite() ? ", expedite" : ""),
                        null, now);
            }
            return true;
        }
        return false;
    }

    private WorkRow newRow(TenantId tenant, Conversation c, TriageResult result, Instant queuedAt) {
        long t = tenant.value();
        Customer customer = customers.find(tenant, c.customerId()).orElse(null);
        int priority = result == null ? 3 : result.priority().level().ordinal() + 1;
        String language = result != null ? result.language().code() : languageOf(customer);
        String intent = result == null || result.intent() == null || result.intent().outOfScope() ? null
                : result.intent().intent();
        Set<String> segments = new LinkedHashSet<>();
        if (customer != null) {
            segments.add(customer.kind().name());
            segments.add(customer.isReturning() ? "RETURNING" : "NEW");
        }
        var facts = new QueueMatcher.Facts(result == null ? null : result.category().name(), intent, language,
                segments, customer == null ? "NONE" : customer.vipTier().name(), c.channel().name());
        RoutingQueue queue = QueueMatcher.match(store.queues(t), facts);
        boolean urgent = result != null && result.urgency() != Urgency.ORDINARY;
        boolean expedite = urgent || (customer != null && customer.isVip());
        Long preferred = null;
        Instant preferredUntil = null;
        if (customer != null) {
            Optional<Long> dedicated = store.dedicatedAgent(t, customer.id());
            if (dedicated.isPresent()) {
                preferred = dedicated.get();
                preferredUntil = queuedAt.plus(DEDICATED_WAIT);
            }
            else {
                Optional<Long> previous = previousAgent(tenant, customer.id(), c.id(), queuedAt);
                if (previous.isPresent()) {
                    preferred = previous.get();
                    preferredUntil = queuedAt.plus(PREVIOUS_AGENT_WAIT);
                }
            }
        }
        Instant deadline = deadlines.deadline(t, c.id(), priority, queuedAt).orElse(null);
        int weight = weights.weight(tenant, c.channel().name());
        boolean owned = c.assigneeAgentId() != null;
        return new WorkRow(c.id(), t, queue.code(), owned ? WorkRow.ASSIGNED : WorkRow.WAITING, priority, queuedAt,
                deadline, queue.skills(), queue.minTier(), null, language, intent, expedite, preferred,
                preferredUntil, weight, c.assigneeAgentId(), owned ? queuedAt : null, false, Set.of(), false);
    }

    private Optional<Long> previousAgent(TenantId tenant, long customerId, long conversationId, Instant now) {
        return conversations.ofCustomer(tenant, customerId, 10).stream()
                .filter(other -> other.id() != conversationId && other.assigneeAgentId() != null)
                .filter(other -> other.updatedAt().isAfter(now.minus(PREVIOUS_AGENT_WITHIN)))
                .map(Conversation::assigneeAgentId).findFirst();
    }

    private static String languageOf(Customer customer) {
        if (customer == null || customer.locale() == null) {
            return null;
        }
        return customer.locale().toLowerCase(Locale.ROOT).startsWith("zh") ? "zh"
                : customer.locale().toLowerCase(Locale.ROOT).startsWith("en") ? "en" : null;
    }

    // ------------------------------------------------------------------ dispatch

    /**
     * One routing round for the tenant: decides for every waiting conversation and offers what it can. Safe to run
     * on several threads and nodes at once. Returns the number of offers made.
     */
    public int dispatch(TenantId tenant) {
        return dispatch(tenant, false);
    }

    /**
     * @param lineChanged someone joined or came back to the line, so waiting customers' positions moved even if no
     *                    offer is made. Without it the round announces {@link QueueMoved} only when it offered
     *                    something: the scanner's rounds every few seconds must not push to every widget.
     */
    private int dispatch(TenantId tenant, boolean lineChanged) {
        return rounds.run(tenant.value(), lineChanged, changed -> {
            try {
                return round(tenant, changed);
            }
            finally {
                lines.changed(tenant.value());
            }
        });
    }

    private int round(TenantId tenant, boolean lineChanged) {
        long t = tenant.value();
        List<WorkRow> waiting = store.waiting(t);
        if (waiting.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        RoutingSettings settings = store.settings(t);
        RoutingPolicy policy = RoutingPolicies.named(settings.policy());
        StoredHandlingTimes handling = new StoredHandlingTimes(store.handlingTimes(t));
        List<AgentSnapshot> snapshots = snapshots(tenant);
        Map<Long, Integer> capacity = snapshots.stream()
                .collect(Collectors.toMap(AgentSnapshot::agentId, AgentSnapshot::capacity));
        Map<Long, WorkRow> rows = waiting.stream().collect(Collectors.toMap(WorkRow::conversationId,
                Function.identity()));
        Map<Long, Set<Long>> declined = new HashMap<>();
        List<Work> works = new ArrayList<>(waiting.size());
        for (WorkRow row : waiting) {
            works.add(toWork(row, handling));
            if (!row.excludedAgents().isEmpty()) {
                declined.put(row.conversationId(), row.excludedAgents());
            }
        }
        AgentSelector selector = new AgentSelector(handling);
        List<Decision> decisions = new Dispatcher(policy, selector).dispatch(works, snapshots, declined, now);
        int offered = 0;
        for (Decision decision : decisions) {
            WorkRow row = rows.get(decision.work().conversationId());
            if (decision.agent().isPresent()) {
                AgentSnapshot agent = decision.agent().get();
                if (offer(tenant, row, agent, capacity.get(agent.agentId()), decision.summary(), settings, now)) {
                    offered++;
                }
            }
            else {
                unplaced(tenant, row, decision, selector, snapshots, settings, now);
            }
        }
        if (offered > 0 || lineChanged) {
            announceLine(tenant);
        }
        return offered;
    }

    private List<AgentSnapshot> snapshots(TenantId tenant) {
        Set<Long> online = presence.online(tenant);
        if (online.isEmpty()) {
            return List.of();
        }
        Map<Long, Integer> loads = store.loads(tenant.value());
        return agents.roster(tenant).stream().filter(a -> online.contains(a.id()))
                .map(a -> snapshot(a, loads.getOrDefault(a.id(), 0))).toList();
    }

    /**
     * The model knows skills, not tiers or departments; a transfer's or an escalation's audience is therefore
     * expressed as synthetic skills ({@code tier:L2} held by L2 and L3 agents, {@code dept:billing} held by members
     * of billing) that the work then requires.
     */
    static AgentSnapshot snapshot(Agent a, int load) {
        Map<String, Integer> skills = new HashMap<>();
        for (AgentSkill s : a.skills()) {
            skills.put(s.skill(), s.level());
        }
        for (Tier tier : Tier.values()) {
            if (tier.compareTo(a.tier()) <= 0) {
                skills.put(tierSkill(tier.name()), 3);
            }
        }
        for (String dept : a.departmentCodes()) {
            skills.put(departmentSkill(dept), 3);
        }
        return new AgentSnapshot(a.id(), a.displayName(), a.tier().ordinal() + 1, skills,
                new LinkedHashSet<>(a.languageList()), a.maxConcurrent(), load);
    }

    static Work toWork(WorkRow row, StoredHandlingTimes handling) {
        Set<String> skills = new LinkedHashSet<>(row.skills());
        if (!Tier.L1.name().equals(row.minTier())) {
            skills.add(tierSkill(row.minTier()));
        }
        if (row.department() != null) {
            skills.add(departmentSkill(row.department()));
        }
        return new Work(row.conversationId(), row.priority(), row.queuedAt(), row.deadline(),
                handling.predict(-1, row.intent()), row.queueCode(), skills, row.language(), row.expedite(),
                row.preferredAgentId(), row.preferredUntil(), row.weight(), row.intent());
    }

    private static String tierSkill(String tier) {
        return "tier:" + tier;
    }

    private static String departmentSkill(String code) {
        return "dept:" + code;
    }

    /** The claim: see the class comment. False when the world moved on since the snapshot. */
    private boolean offer(TenantId tenant, WorkRow planned, AgentSnapshot agent, int capacity, String reasons,
            RoutingSettings settings, Instant now) {
        long t = tenant.value();
        return Boolean.TRUE.equals(tx.execute(s -> {
            Optional<WorkRow> claimed = store.claimWaiting(t, planned.conversationId());
            if (claimed.isEmpty()) {
                return false;
            }
            WorkRow row = claimed.get();
            store.lockAgent(t, agent.agentId());
            if (store.load(t, agent.agentId()) + row.weight() > capacity
                    || presence.presence(tenant, agent.agentId()) != Presence.ONLINE) {
                return false;
            }
            store.moveWork(t, row.conversationId(), WorkRow.WAITING, WorkRow.OFFERED, agent.agentId(), now);
            Instant expiresAt = now.plus(settings.offerTimeout());
            long offerId = store.insertOffer(t, row.conversationId(), agent.agentId(), now, expiresAt);
            store.recordDecision(t, row.conversationId(), agent.agentId(), "OFFERED", reasons, settings.policy(),
                    now);
            if (settings.autoAccept()) {
                acceptLocked(tenant, store.offer(t, offerId).orElseThrow(), "auto-accepted (tenant setting)", now);
            }
            else {
                events.publishEvent(new ConversationOffered(t, offerId, row.conversationId(), agent.agentId(),
                        expiresAt, now));
            }
            return true;
        }));
    }

    private void unplaced(TenantId tenant, WorkRow row, Decision decision, AgentSelector selector,
            List<AgentSnapshot> snapshots, RoutingSettings settings, Instant now) {
        long t = tenant.value();
        if (!row.excludedAgents().isEmpty()
                && selector.choose(decision.work(), snapshots, Set.of(), now).agent().isPresent()) {
            // Everyone who could take it has declined or let it expire once: start again from the top rather than
            // leave the customer waiting silently.
            tx.executeWithoutResult(s -> {
                store.setExcluded(t, row.conversationId(), Set.of());
                store.recordDecision(t, row.conversationId(), null, "RETRY",
                        "every eligible agent declined or let the offer expire; offering again", settings.policy(),
                        now);
            });
            return;
        }
        if (row.expedite() && !row.supervisorsTold()) {
            tx.executeWithoutResult(s -> {
                store.markSupervisorsTold(t, row.conversationId(), true);
                String reasons = "first in line, no senior agent free: " + decision.summary();
                store.recordDecision(t, row.conversationId(), null, "WAITING", reasons, settings.policy(), now);
                events.publishEvent(new ExpediteWaiting(t, row.conversationId(), row.priority(), reasons, now));
            });
        }
    }

    private void announceLine(TenantId tenant) {
        List<Long> ids = store.waiting(tenant.value()).stream().map(WorkRow::conversationId).toList();
        if (!ids.isEmpty()) {
            tx.executeWithoutResult(s -> events.publishEvent(new QueueMoved(tenant.value(), ids, clock.instant())));
        }
    }

    // ------------------------------------------------------------------ offers

    public List<Offer> openOffers(TenantId tenant, long agentId) {
        return store.openOffersOf(tenant.value(), agentId);
    }

    public Optional<Offer> offer(TenantId tenant, long offerId) {
        return store.offer(tenant.value(), offerId);
    }

    /** The agent takes the conversation: it becomes theirs in the same transaction. */
    public Offer accept(TenantId tenant, long offerId, long agentId) {
        long t = tenant.value();
        return tx.execute(s -> {
            Offer offer = lockOpenOffer(tenant, offerId, agentId);
            Instant now = clock.instant();
            if (!now.isBefore(offer.expiresAt())) {
                throw new IllegalStateException("the offer expired at " + offer.expiresAt());
            }
            acceptLocked(tenant, offer, "accepted by " + agentName(tenant, agentId), now);
            return store.offer(t, offerId).orElseThrow();
        });
    }

    private void acceptLocked(TenantId tenant, Offer offer, String reason, Instant now) {
        long t = tenant.value();
        store.closeOffer(t, offer.id(), Offer.Status.ACCEPTED, reason, now);
        store.setAssigned(t, offer.conversationId(), offer.agentId(), now);
        store.markSupervisorsTold(t, offer.conversationId(), false);
        String name = agentName(tenant, offer.agentId());
        conversations.assign(tenant, offer.conversationId(), offer.agentId(), name,
                reason.startsWith("auto") ? ROUTING : Actor.agent(offer.agentId(), name));
        store.recordDecision(t, offer.conversationId(), offer.agentId(), "ACCEPTED", reason, null, now);
    }

    /** The agent passes: the conversation goes back in line, keeping its place, and is not offered to them again. */
    public Offer decline(TenantId tenant, long offerId, long agentId, String reason) {
        String why = reason == null || reason.isBlank() ? "declined by " + agentName(tenant, agentId)
                : "declined by " + agentName(tenant, agentId) + ": " + reason.strip();
        Offer closed = tx.execute(s -> {
            Offer offer = lockOpenOffer(tenant, offerId, agentId);
            returnToLine(tenant, offer, Offer.Status.DECLINED, "DECLINED", why, true);
            return store.offer(tenant.value(), offerId).orElseThrow();
        });
        dispatch(tenant, true);
        return closed;
    }

    private Offer lockOpenOffer(TenantId tenant, long offerId, long agentId) {
        long t = tenant.value();
        Offer offer = store.offer(t, offerId).filter(o -> o.agentId() == agentId)
                .orElseThrow(() -> new OfferNotFoundException(offerId));
        store.lockWork(t, offer.conversationId());
        Offer current = store.offer(t, offerId).orElseThrow();
        if (current.status() != Offer.Status.OFFERED) {
            throw new IllegalStateException("the offer is no longer open: " + current.status().name()
                    .toLowerCase(Locale.ROOT));
        }
        return current;
    }

    private void returnToLine(TenantId tenant, Offer offer, Offer.Status status, String outcome, String reason,
            boolean exclude) {
        long t = tenant.value();
        Instant now = clock.instant();
        if (!store.closeOffer(t, offer.id(), status, reason, now)) {
            return;
        }
        WorkRow row = store.work(t, offer.conversationId()).orElseThrow();
        Set<Long> excluded = new LinkedHashSet<>(row.excludedAgents());
        if (exclude) {
            excluded.add(offer.agentId());
        }
        store.requeue(t, offer.conversationId(), excluded, now);
        store.recordDecision(t, offer.conversationId(), offer.agentId(), outcome, reason, null, now);
    }

    /**
     * Acts on stored deadlines: offers not accepted in time expire (the agent is skipped next time), offers to agents
     * who are no longer online are withdrawn, and every tenant with waiting work gets a routing round. Called by a
     * scheduler; safe on several nodes at once because each step re-checks under the work row's lock.
     */
    public int scan() {
        Instant now = clock.instant();
        int closed = 0;
        Set<Long> touched = new HashSet<>();
        for (Offer offer : store.openOffers()) {
            TenantId tenant = new TenantId(offer.tenantId());
            if (!now.isBefore(offer.expiresAt())) {
                String why = "offer to " + agentName(tenant, offer.agentId()) + " not accepted within "
                        + Duration.between(offer.offeredAt(), offer.expiresAt()).toSeconds() + " s";
                closed += closeIfOpen(tenant, offer, Offer.Status.EXPIRED, "EXPIRED", why, true);
            }
            else if (presence.presence(tenant, offer.agentId()) != Presence.ONLINE) {
                String why = "withdrawn: " + agentName(tenant, offer.agentId()) + " is no longer online";
                closed += closeIfOpen(tenant, offer, Offer.Status.WITHDRAWN, "WITHDRAWN", why, false);
            }
            if (!now.isBefore(offer.expiresAt()) || presence.presence(tenant, offer.agentId()) != Presence.ONLINE) {
                touched.add(offer.tenantId());
            }
        }
        Set<Long> returned = new HashSet<>(touched);
        touched.addAll(store.tenantsWithWaitingWork());
        for (long t : touched) {
            dispatch(new TenantId(t), closed > 0 && returned.contains(t));
        }
        return closed;
    }

    /** An agent went away or offline on purpose: their open offers go back in line now. */
    public void withdrawOffersOf(TenantId tenant, long agentId, String why) {
        for (Offer offer : store.openOffersOf(tenant.value(), agentId)) {
            closeIfOpen(tenant, offer, Offer.Status.WITHDRAWN, "WITHDRAWN", "withdrawn: " + why, false);
        }
        dispatch(tenant, true);
    }

    private int closeIfOpen(TenantId tenant, Offer offer, Offer.Status status, String outcome, String why,
            boolean exclude) {
        return Boolean.TRUE.equals(tx.execute(s -> {
            store.lockWork(tenant.value(), offer.conversationId());
            Optional<Offer> current = store.offer(tenant.value(), offer.id());
            if (current.isEmpty() || current.get().status() != Offer.Status.OFFERED) {
                return false;
            }
            returnToLine(tenant, current.get(), status, outcome, why, exclude);
            return true;
        })) ? 1 : 0;
    }

    // ------------------------------------------------------------------ ownership changes seen from outside

    /**
     * Someone (an agent, a supervisor, routing itself) changed the owner at {@code assignedAt}. Routing counts the
     * conversation on the new owner; an open offer to someone else is withdrawn; unassigning puts it back in line.
     * News can arrive late: when the work was escalated or transferred away from that same owner at or after that
     * moment, the move was made knowing of the assignment, and the news must not undo it.
     */
    public void ownerChanged(TenantId tenant, long conversationId, Long agentId, Instant assignedAt) {
        boolean requeued = Boolean.TRUE.equals(tx.execute(s -> {
            long t = tenant.value();
            Instant now = clock.instant();
            Optional<WorkRow> found = store.lockWork(t, conversationId);
            if (agentId != null && found.isPresent() && found.get().directed()
                    && !found.get().status().equals(WorkRow.ASSIGNED) && !found.get().status().equals(WorkRow.DONE)
                    && found.get().excludedAgents().contains(agentId)
                    && store.workUpdatedAt(t, conversationId).filter(u -> !u.isBefore(assignedAt)).isPresent()) {
                return false;
            }
            if (found.isEmpty()) {
                if (agentId != null) {
                    conversations.find(tenant, conversationId).filter(c -> c.status().isActive())
                            .ifPresent(c -> store.insertWork(newRow(tenant, c, null, now), now));
                }
                return false;
            }
            WorkRow row = found.get();
            if (row.status().equals(WorkRow.DONE)) {
                return false;
            }
            if (agentId != null && row.status().equals(WorkRow.ASSIGNED) && agentId.equals(row.agentId())) {
                return false;
            }
            store.openOffer(t, conversationId).filter(o -> !Objects.equals(o.agentId(), agentId)).ifPresent(o -> {
                store.closeOffer(t, o.id(), Offer.Status.WITHDRAWN, "assigned elsewhere", now);
            });
            if (agentId == null) {
                store.requeue(t, conversationId, row.excludedAgents(), now);
                return true;
            }
            store.setAssigned(t, conversationId, agentId, now);
            return false;
        }));
        if (requeued) {
            dispatch(tenant, true);
        }
    }

    /** The conversation is resolved: its capacity is free, and its handling time teaches the estimator. */
    public void finished(TenantId tenant, long conversationId, Long agentId, Instant resolvedAt) {
        boolean freed = Boolean.TRUE.equals(tx.execute(s -> {
            long t = tenant.value();
            Instant now = clock.instant();
            Optional<WorkRow> found = store.lockWork(t, conversationId);
            if (found.isEmpty() || found.get().status().equals(WorkRow.DONE)) {
                return false;
            }
            WorkRow row = found.get();
            store.openOffer(t, conversationId).ifPresent(
                    o -> store.closeOffer(t, o.id(), Offer.Status.WITHDRAWN, "conversation resolved", now));
            if (agentId != null && row.assignedAt() != null && resolvedAt.isAfter(row.assignedAt())) {
                String intent = row.intent() == null ? "" : row.intent();
                var before = store.handlingTimes(t).stream()
                        .filter(h -> h.agentId() == agentId && h.intent().equals(intent)).findFirst().orElse(null);
                store.saveHandlingTime(t, StoredHandlingTimes.observe(before, agentId, intent,
                        Duration.between(row.assignedAt(), resolvedAt)));
            }
            store.moveWork(t, conversationId, row.status(), WorkRow.DONE, row.agentId(), now);
            return true;
        }));
        if (freed) {
            dispatch(tenant);
        }
    }

    /** A resolved conversation came back: routing counts it on its owner again, or queues it. */
    public void reopened(TenantId tenant, long conversationId) {
        Optional<Conversation> c = conversations.find(tenant, conversationId);
        Optional<WorkRow> row = store.work(tenant.value(), conversationId);
        if (c.isEmpty() || row.isEmpty() || !row.get().status().equals(WorkRow.DONE)) {
            return;
        }
        tx.executeWithoutResult(s -> {
            if (c.get().assigneeAgentId() != null) {
                store.setAssigned(tenant.value(), conversationId, c.get().assigneeAgentId(), clock.instant());
            }
            else {
                store.requeue(tenant.value(), conversationId, Set.of(), clock.instant());
            }
        });
        dispatch(tenant);
    }

    // ------------------------------------------------------------------ transfer, escalation, collaboration

    /**
     * Hands the conversation straight to another agent with a note. The target must have room; the move is one
     * transaction, so the customer always has an owner.
     */
    public Conversation transferToAgent(TenantId tenant, long conversationId, long toAgentId, String note,
            Actor by) {
        Agent target = agents.find(tenant, toAgentId)
                .orElseThrow(() -> new IllegalArgumentException("unknown agent " + toAgentId));
        return tx.execute(s -> {
            long t = tenant.value();
            Instant now = clock.instant();
            Conversation c = activeConversation(tenant, conversationId);
            if (Objects.equals(c.assigneeAgentId(), toAgentId)) {
                throw new IllegalStateException(target.displayName() + " already owns this conversation");
            }
            WorkRow row = workOf(tenant, c, now);
            store.lockAgent(t, toAgentId);
            if (store.load(t, toAgentId) + row.weight() > target.maxConcurrent()) {
                throw new IllegalStateException(target.displayName() + " is at capacity");
            }
            store.openOffer(t, conversationId).ifPresent(
                    o -> store.closeOffer(t, o.id(), Offer.Status.WITHDRAWN, "transferred", now));
            Conversation moved = conversations.handOver(tenant, conversationId, toAgentId, target.displayName(),
                    "TRANSFERRED", note, by);
            store.setAssigned(t, conversationId, toAgentId, now);
            store.recordDecision(t, conversationId, toAgentId, "TRANSFERRED", "transferred by " + by.name() + " to "
                    + target.displayName() + (blank(note) ? "" : ": " + note.strip()), null, now);
            return moved;
        });
    }

    /** Sends the conversation to one of the tenant's queues; the current owner keeps it until someone accepts. */
    public void transferToQueue(TenantId tenant, long conversationId, String queueCode, String note, Actor by) {
        RoutingQueue queue = QueueMatcher.byCode(queues(tenant), queueCode)
                .orElseThrow(() -> new IllegalArgumentException("unknown queue " + queueCode));
        redirect(tenant, conversationId, note, by, "TRANSFERRED", "transferred to queue " + queue.name(),
                row -> row.directedTo(queue.code(), queue.skills(), queue.minTier(), null));
    }

    /** Sends the conversation to a department's members; the current owner keeps it until one accepts. */
    public void transferToDepartment(TenantId tenant, long conversationId, String departmentCode, String note,
            Actor by) {
        Department department = agents.departments(tenant).stream().filter(d -> d.code().equals(departmentCode))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown department " + departmentCode));
        redirect(tenant, conversationId, note, by, "TRANSFERRED", "transferred to department " + department.name(),
                row -> row.directedTo(row.queueCode(), Set.of(), Tier.L1.name(), department.code()));
    }

    /**
     * Escalates one tier up from the current owner (L1 → L2 → L3), keeping the skills the work needs. The owner keeps
     * the conversation until a more senior agent accepts it.
     */
    public Tier escalate(TenantId tenant, long conversationId, String note, Actor by) {
        Conversation c = activeConversation(tenant, conversationId);
        Tier from = c.assigneeAgentId() == null ? store.work(tenant.value(), conversationId)
                .map(r -> Tier.valueOf(r.minTier())).orElse(Tier.L1)
                : agents.find(tenant, c.assigneeAgentId()).map(Agent::tier).orElse(Tier.L1);
        if (from == Tier.L3) {
            throw new IllegalStateException("the conversation is already with L3");
        }
        Tier to = Tier.values()[from.ordinal() + 1];
        redirect(tenant, conversationId, note, by, "ESCALATED", "escalated " + from + " → " + to,
                row -> row.directedTo(row.queueCode(), row.skills(), to.name(), row.department()));
        return to;
    }

    private void redirect(TenantId tenant, long conversationId, String note, Actor by, String outcome, String what,
            Function<WorkRow, WorkRow> change) {
        tx.executeWithoutResult(s -> {
            long t = tenant.value();
            Instant now = clock.instant();
            Conversation c = activeConversation(tenant, conversationId);
            WorkRow row = workOf(tenant, c, now);
            store.openOffer(t, conversationId).ifPresent(
                    o -> store.closeOffer(t, o.id(), Offer.Status.WITHDRAWN, what, now));
            conversations.addNote(tenant, conversationId, by, what + (blank(note) ? "" : ": " + note.strip()));
            store.updateFacts(change.apply(row), now);
            Set<Long> excluded = c.assigneeAgentId() == null ? Set.of() : Set.of(c.assigneeAgentId());
            store.requeue(t, conversationId, excluded, now);
            store.recordDecision(t, conversationId, null, outcome, what + " by " + by.name()
                    + (blank(note) ? "" : ": " + note.strip()), null, now);
        });
        dispatch(tenant, true);
    }

    /** Invites a specialist; {@code canReply} false keeps them to internal notes. */
    public Participant invite(TenantId tenant, long conversationId, long agentId, boolean canReply, Actor by) {
        Agent specialist = agents.find(tenant, agentId)
                .orElseThrow(() -> new IllegalArgumentException("unknown agent " + agentId));
        return tx.execute(s -> {
            Participant p = conversations.invite(tenant, conversationId, agentId, specialist.displayName(), canReply,
                    by);
            store.recordDecision(tenant.value(), conversationId, agentId, "INVITED", specialist.displayName()
                    + " (" + String.join(", ", specialist.departmentCodes()) + ") invited by " + by.name()
                    + (canReply ? "" : ", internal notes only"), null, clock.instant());
            return p;
        });
    }

    public void leave(TenantId tenant, long conversationId, long agentId) {
        conversations.leave(tenant, conversationId, agentId, agentName(tenant, agentId));
    }

    private Conversation activeConversation(TenantId tenant, long conversationId) {
        Conversation c = conversations.get(tenant, conversationId);
        if (!c.status().isActive()) {
            throw new IllegalStateException("the conversation is " + c.status().name().toLowerCase(Locale.ROOT));
        }
        return c;
    }

    private WorkRow workOf(TenantId tenant, Conversation c, Instant now) {
        store.insertWork(newRow(tenant, c, triage.latest(tenant, c.id()).orElse(null), now), now);
        return store.lockWork(tenant.value(), c.id()).orElseThrow();
    }

    // ------------------------------------------------------------------ waiting line

    /** Position and estimated wait of a waiting conversation; empty when it is not waiting. */
    public Optional<WaitEstimate> waitFor(TenantId tenant, long conversationId) {
        return waitingLine(tenant).stream().filter(w -> w.conversationId() == conversationId).findFirst();
    }

    /**
     * Every waiting conversation of the tenant with its position in its queue (expedite work first, then the
     * tenant's policy) and the estimated wait from the agents serving that queue.
     */
    public List<WaitEstimate> waitingLine(TenantId tenant) {
        return lines.get(tenant.value(), () -> computeWaitingLine(tenant));
    }

    private List<WaitEstimate> computeWaitingLine(TenantId tenant) {
        long t = tenant.value();
        List<WorkRow> waiting = store.waiting(t);
        if (waiting.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        RoutingPolicy policy = RoutingPolicies.named(store.settings(t).policy());
        StoredHandlingTimes handling = new StoredHandlingTimes(store.handlingTimes(t));
        List<AgentSnapshot> online = snapshots(tenant);
        Map<String, List<Work>> byQueue = new HashMap<>();
        for (WorkRow row : waiting) {
            byQueue.computeIfAbsent(row.queueCode() + "|" + row.minTier() + "|" + row.department(),
                    k -> new ArrayList<>()).add(toWork(row, handling));
        }
        List<WaitEstimate> line = new ArrayList<>();
        for (List<Work> queue : byQueue.values()) {
            queue.sort(Comparator.comparing((Work w) -> !w.expedite()).thenComparing(policy.order(now)));
            Work sample = queue.get(0);
            List<AgentSnapshot> serving = online.stream().filter(a -> a.hasSkills(sample.skills())).toList();
            int slots = serving.stream().mapToInt(AgentSnapshot::capacity).sum();
            for (int i = 0; i < queue.size(); i++) {
                Work w = queue.get(i);
                Duration mean = serving.isEmpty() ? handling.predict(-1, w.intent())
                        : Duration.ofMillis((long) serving.stream()
                                .mapToLong(a -> handling.predict(a.agentId(), w.intent()).toMillis()).average()
                                .orElse(StoredHandlingTimes.PRIOR.toMillis()));
                line.add(new WaitEstimate(w.conversationId(), i + 1, serving.size(),
                        waitEstimator.estimate(i, slots, mean)));
            }
        }
        line.sort(Comparator.comparing(WaitEstimate::estimatedWait).thenComparing(WaitEstimate::position));
        return line;
    }

    // ------------------------------------------------------------------ configuration and history

    public List<RoutingQueue> queues(TenantId tenant) {
        return store.queues(tenant.value());
    }

    public RoutingQueue saveQueue(TenantId tenant, RoutingQueue queue) {
        if (queue.code() == null || !queue.code().matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw new IllegalArgumentException("code must be lower-case letters, digits and dashes");
        }
        Tier.valueOf(queue.minTier());
        tx.executeWithoutResult(s -> store.saveQueue(tenant.value(), queue));
        return queue;
    }

    public RoutingSettings settings(TenantId tenant) {
        return store.settings(tenant.value());
    }

    public RoutingSettings saveSettings(TenantId tenant, RoutingSettings settings) {
        if (!RoutingPolicies.names().contains(settings.policy())) {
            throw new IllegalArgumentException("policy must be one of " + RoutingPolicies.names());
        }
        if (settings.offerTimeout().toSeconds() < 5 || settings.offerTimeout().toSeconds() > 3600) {
            throw new IllegalArgumentException("offerTimeout must be between 5 s and 1 h");
        }
        tx.executeWithoutResult(s -> store.saveSettings(tenant.value(), settings));
        return settings;
    }

    /** A VIP customer's dedicated agent (null removes it): their conversations wait a while for this agent. */
    public void setDedicatedAgent(TenantId tenant, long customerId, Long agentId) {
        customers.get(tenant, customerId);
        if (agentId != null && agents.find(tenant, agentId).isEmpty()) {
            throw new IllegalArgumentException("unknown agent " + agentId);
        }
        tx.executeWithoutResult(s -> store.setDedicatedAgent(tenant.value(), customerId, agentId));
    }

    public Optional<Long> dedicatedAgent(TenantId tenant, long customerId) {
        return store.dedicatedAgent(tenant.value(), customerId);
    }

    /** Newest first; {@code conversationId} null for the whole tenant. */
    public List<RoutingDecision> decisions(TenantId tenant, Long conversationId, int limit) {
        return store.decisions(tenant.value(), conversationId, Math.max(1, Math.min(500, limit)));
    }

    /**
     * The demo tenant's queues: VIP desk first (GOLD and PLATINUM customers, seniors only), then technical,
     * billing, after-sales and pre-sales by triage category. Anything else goes to the general line.
     */
    public void installDefaultQueues(TenantId tenant) {
        Set<String> none = Set.of();
        saveQueue(tenant, new RoutingQueue("vip-desk", "VIP desk", 10, none, none, none, none,
                Set.of("GOLD", "PLATINUM"), none, none, Tier.L2.name()));
        saveQueue(tenant, new RoutingQueue("technical", "Technical support", 20, Set.of("TECHNICAL"), none, none,
                none, none, none, Set.of("technical"), Tier.L1.name()));
        saveQueue(tenant, new RoutingQueue("billing", "Billing", 30, Set.of("BILLING"), none, none, none, none, none,
                Set.of("billing"), Tier.L1.name()));
        saveQueue(tenant, new RoutingQueue("after-sales", "After-sales", 40,
                Set.of("AFTER_SALE", "IN_SALE", "COMPLAINT"), none, none, none, none, none, Set.of("after-sales"),
                Tier.L1.name()));
        saveQueue(tenant, new RoutingQueue("pre-sales", "Pre-sales", 50, Set.of("PRE_SALE"), none, none, none, none,
                none, Set.of("pre-sales"), Tier.L1.name()));
    }

    // ------------------------------------------------------------------ history for the simulator

    /**
     * Every conversation that joined the line from {@code from} (inclusive) to {@code to} (exclusive) and is finished,
     * by the time it joined: what the routing simulator replays ({@link RoutingHistoryEntry#csv}). Conversations
     * still waiting or still being handled are left out, since their outcome is not known yet.
     */
    public List<RoutingHistoryEntry> history(TenantId tenant, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        return store.history(tenant.value(), from, to).stream()
                .filter(e -> e.queue() != null && !e.finishedAt().isBefore(e.queuedAt())).toList();
    }

    /**
     * Adds past conversations that Oriole did not route itself (a previous help desk's, or the demo's seeded past)
     * to the tenant's history, so that the what-if has something to replay from the first day. All or nothing:
     * entries carry no conversation id, priorities 1 to 4, a queue code, {@code queuedAt <= takenAt <= finishedAt}
     * (or no {@code takenAt}: the customer gave up), and agents of the tenant.
     */
    public int importHistory(TenantId tenant, List<RoutingHistoryEntry> entries) {
        Set<Long> agentIds = agents.list(tenant).stream().map(Agent::id).collect(Collectors.toSet());
        for (RoutingHistoryEntry e : entries) {
            if (e.conversationId() != null) {
                throw new IllegalArgumentException("imported history has no conversation id");
            }
            if (e.queuedAt() == null || e.finishedAt() == null || e.finishedAt().isBefore(e.queuedAt())) {
                throw new IllegalArgumentException("an entry needs queuedAt and a finishedAt not before it");
            }
            if (e.priority() < 1 || e.priority() > 4) {
                throw new IllegalArgumentException("priority must be 1 to 4, was " + e.priority());
            }
            if (e.queue() == null || !e.queue().matches("[a-z0-9][a-z0-9-]{0,63}")) {
                throw new IllegalArgumentException("queue must be a queue code, was " + e.queue());
            }
            if (e.takenAt() != null && (e.takenAt().isBefore(e.queuedAt()) || e.takenAt().isAfter(e.finishedAt()))) {
                throw new IllegalArgumentException("takenAt must lie between queuedAt and finishedAt");
            }
            if (e.agentId() != null && !agentIds.contains(e.agentId())) {
                throw new IllegalArgumentException("unknown agent " + e.agentId());
            }
        }
        tx.executeWithoutResult(s -> entries.forEach(e -> store.insertImportedHistory(tenant.value(), e)));
        return entries.size();
    }

    /** Whether the tenant has imported history (the demo seeds its past once). */
    public boolean hasImportedHistory(TenantId tenant) {
        return store.importedHistoryCount(tenant.value()) > 0;
    }

    private String agentName(TenantId tenant, long agentId) {
        return agents.find(tenant, agentId).map(Agent::displayName).orElse("agent " + agentId);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
