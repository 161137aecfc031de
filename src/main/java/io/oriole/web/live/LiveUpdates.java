package io.oriole.web.live;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.oriole.cluster.ClusterChannels;
import io.oriole.conversation.AgentReplied;
import io.oriole.conversation.BotReplied;
import io.oriole.conversation.ConversationEvent;
import io.oriole.conversation.ConversationManagement;
import io.oriole.conversation.ConversationReopened;
import io.oriole.conversation.ConversationResolved;
import io.oriole.conversation.ConversationStatusChanged;
import io.oriole.conversation.InternalNoteAdded;
import io.oriole.conversation.MessageReceived;
import io.oriole.customer.Customer;
import io.oriole.customer.CustomerManagement;
import io.oriole.routing.ConversationOffered;
import io.oriole.routing.ExpediteWaiting;
import io.oriole.routing.QueueMoved;
import io.oriole.shared.AfterCommit;
import io.oriole.shared.events.ListenerExecutors;
import io.oriole.tenant.TenantId;
import io.oriole.triage.ConversationTriaged;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells open browsers that something changed, after the change is committed: staff sockets hear every conversation
 * event of their tenant, a customer's socket hears only events of their own conversations and never internal
 * notes. The push carries no content, only {@code {type, conversationId, seq?}}: clients fetch what is new through
 * the normal, access-checked endpoints, so a lost push costs a delay, never a message. Each push names its
 * {@link Audience}; this node delivers it to the sockets it holds and publishes it on a cluster channel, whose
 * subscribers on the other nodes deliver it to theirs. A single node's channel sends nothing.
 * <p>
 * Pushes leave the committing thread at once: after the commit the event is handed to this node's push executor,
 * which looks up the customer (if it must), writes the frames and publishes to the other nodes. They do not go
 * through the event publication registry: a push is a hint that a reconnecting browser replaces with a fetch, and
 * recording it would make every committing request ask the pool for a second connection while holding its first,
 * which is what brought a node down at ten concurrent senders.
 */
@Component
public class LiveUpdates implements DisposableBean {

    /** Session attributes a handshake sets to say whose socket it is. */
    public static final String TENANT = "oriole.live.tenant";
    public static final String CUSTOMER = "oriole.live.customer";
    /** Set instead of {@link #CUSTOMER} on the sockets of an anonymous widget visitor: the visitor id. */
    public static final String VISITOR = "oriole.live.visitor";
    /** Set on staff sockets of supervisors and admins, who also hear routing alerts. */
    public static final String SUPERVISOR = "oriole.live.supervisor";
    /** Set on staff sockets of staff with an agent profile: the agent's id. */
    public static final String AGENT = "oriole.live.agent";

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);
    private static final TextMessage HELLO = new TextMessage("{\"type\":\"hello\"}");
    // A browser that stops reading gets dropped instead of blocking the publishing thread.
    private static final int SEND_TIME_LIMIT_MS = 5_000;
    private static final int BUFFER_LIMIT_BYTES = 256 * 1024;

    private final Map<Long, Set<WebSocketSession>> staffByTenant = new ConcurrentHashMap<>();
    private final Map<String, Set<WebSocketSession>> byCustomer = new ConcurrentHashMap<>();
    /** How many customer sockets each tenant has on this node, so a push need not search them all. */
    private final Map<Long, java.util.concurrent.atomic.AtomicInteger> customerSockets = new ConcurrentHashMap<>();
    private final ConversationManagement conversations;
    private final JsonMapper json;
    private final boolean clustered;
    private final ClusterChannels.Channel<Push> otherNodes;
    private final ThreadPoolTaskExecutor pushes;
    /** How often at most a tenant's waiting customers hear that the line moved. */
    static final java.time.Duration LINE_PUSH_EVERY = java.time.Duration.ofSeconds(1);
    private final Map<Long, QueueMoved> latestLine = new ConcurrentHashMap<>();
    private final java.util.concurrent.ScheduledExecutorService lineTimer =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "live-line");
                thread.setDaemon(true);
                return thread;
            });
    private final Counter dropped;
    /** Whose conversation is whose never changes; remembering it spares the push thread a query per push. */
    private final Map<Long, Whose> customerOfConversation = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, Whose> eldest) {
                    return size() > 100_000;
                }
            });

    /**
     * @param redisChannel the pub/sub channel for live pushes between nodes
     * @param pushThreads how many threads write pushes to sockets on a node
     * @param pushQueue how many pushes may wait; beyond that a push is dropped and counted (browsers catch up on
     *        their next push or reconnect)
     */
    @ConfigurationProperties("oriole.live")
    record Settings(String redisChannel, Integer pushThreads, Integer pushQueue) {

        Settings {
            redisChannel = redisChannel == null || redisChannel.isBlank() ? "oriole:live" : redisChannel;
            pushThreads = pushThreads == null ? 2 : pushThreads;
            pushQueue = pushQueue == null ? 100_000 : pushQueue;
        }
    }

    /**
     * A push on its way between nodes. {@code customer} is 0 unless the audience is one customer; {@code agents}
     * names the watching agents of a {@code WATCHERS} audience.
     */
    record Push(Audience.Kind kind, long tenant, long customer, java.util.List<Long> agents, String payload,
            String visitor) {
    }

    /** A conversation's customer, and the widget visitor id they came with (null for other customers). */
    private record Whose(long customerId, String visitorId) {
    }

    private final CustomerManagement customers;

    LiveUpdates(ConversationManagement conversations, CustomerManagement customers, JsonMapper json,
            ClusterChannels channels, Settings settings, MeterRegistry meters) {
        this.conversations = conversations;
        this.customers = customers;
        this.json = json;
        this.clustered = channels.clustered();
        this.pushes = ListenerExecutors.create("live", settings.pushThreads(), settings.pushQueue(), meters);
        this.dropped = Counter.builder("oriole.live.pushes.dropped")
                .description("live pushes dropped because the push queue was full").register(meters);
        this.otherNodes = channels.channel(settings.redisChannel(), Push.class, push -> {
            if (push.kind() != null && push.payload() != null) {
                deliver(new Audience(push.kind(), push.tenant(), push.customer(),
                        push.agents() == null ? Set.of() : Set.copyOf(push.agents()), push.visitor()),
                        push.payload());
            }
        });
    }

    /**
     * Joins the socket to its audience, then says hello through the same session decorator as every push, so the
     * two never write at once. The browser fetches what it missed on the hello: anything committed later is pushed.
     */
    void join(WebSocketSession raw) {
        WebSocketSession session = new ConcurrentWebSocketSessionDecorator(raw, SEND_TIME_LIMIT_MS,
                BUFFER_LIMIT_BYTES);
        Set<WebSocketSession> sessions = audience(raw).computeIfAbsent(keyOf(raw), k -> ConcurrentHashMap.newKeySet());
        if (sessions.add(session) && isCustomerSocket(raw)) {
            customerSockets.computeIfAbsent((Long) raw.getAttributes().get(TENANT),
                    t -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
        }
        send(session, HELLO);
    }

    void leave(WebSocketSession raw) {
        Set<WebSocketSession> sessions = audience(raw).get(keyOf(raw));
        if (sessions != null && sessions.removeIf(s -> s.getId().equals(raw.getId())) && isCustomerSocket(raw)) {
            customerSockets.get((Long) raw.getAttributes().get(TENANT)).decrementAndGet();
        }
    }

    @EventListener
    void on(ConversationEvent event) {
        later(() -> pushConversationEvent(event));
    }

    private void pushConversationEvent(ConversationEvent event) {
        String type = event.getClass().getSimpleName();
        Long seq = seqOf(event);
        String message = json.writeValueAsString(seq == null
                ? Map.of("type", type, "conversationId", event.conversationId())
                : Map.of("type", type, "conversationId", event.conversationId(), "seq", seq));
        push(watchersOf(event), message);
        if (visibleToCustomer(event) && mayHaveCustomersOf(event.tenantId())) {
            customerOf(event.tenantId(), event.conversationId())
                    .ifPresent(whose -> push(Audience.customer(event.tenantId(), whose.customerId(),
                            whose.visitorId()), message));
        }
    }

    /** After the commit, on the push executor; a full queue drops the push rather than stall the committing thread. */
    private void later(Runnable push) {
        AfterCommit.run(() -> {
            try {
                pushes.execute(push);
            }
            catch (TaskRejectedException full) {
                dropped.increment();
            }
        });
    }

    /**
     * Staff hear of a conversation if it concerns them: its owner, the colleagues invited into it, and, when it
     * changes hands, the previous owner too; supervisors hear of everything. Nobody's conversation (waiting for an
     * agent) goes to every staff socket, since anyone may pick it up. Without this, each of fifty agents reloaded
     * their inbox for every message of every customer.
     */
    private Audience watchersOf(ConversationEvent event) {
        Audience watchers = watchersOf(event.tenantId(), event.conversationId());
        if (event instanceof io.oriole.conversation.ConversationAssigned assigned
                && watchers.kind() == Audience.Kind.WATCHERS) {
            Set<Long> agents = new java.util.HashSet<>(watchers.agents());
            if (assigned.previousAgentId() != null) {
                agents.add(assigned.previousAgentId());
            }
            return Audience.watchers(event.tenantId(), agents);
        }
        return watchers;
    }

    private Audience watchersOf(long tenantId, long conversationId) {
        return Audience.watchers(tenantId, conversations.watchers(new TenantId(tenantId), conversationId));
    }

    private java.util.Optional<Whose> customerOf(long tenantId, long conversationId) {
        Whose known = customerOfConversation.get(conversationId);
        if (known != null) {
            return java.util.Optional.of(known);
        }
        TenantId tenant = new TenantId(tenantId);
        java.util.Optional<Whose> found = conversations.find(tenant, conversationId).map(c -> new Whose(
                c.customerId(), customers.find(tenant, c.customerId()).map(Customer::visitorId).orElse(null)));
        found.ifPresent(customer -> customerOfConversation.put(conversationId, customer));
        return found;
    }

    @Override
    public void destroy() {
        lineTimer.shutdownNow();
        pushes.shutdown();
    }

    /**
     * Triage finishes shortly after the message is stored; agents' open pages reload the triage panel and the inbox
     * badges. Customers never see triage.
     */
    @EventListener
    void on(ConversationTriaged event) {
        later(() -> push(watchersOf(event.tenantId(), event.conversationId()), json.writeValueAsString(
                Map.of("type", "triaged", "conversationId", event.conversationId()))));
    }

    /**
     * SLA facts reach staff only: the page reloads the SLA panel and inbox countdowns, and the owner (or, on the
     * last rung of the ladder, the supervisors) sees an alert. Customers never hear of SLAs.
     */
    @EventListener
    void on(io.oriole.sla.SlaEvent event) {
        later(() -> pushSla(event));
    }

    private void pushSla(io.oriole.sla.SlaEvent event) {
        Map<String, Object> push = new java.util.HashMap<>();
        push.put("type", "sla");
        push.put("conversationId", event.conversationId());
        push.put("kind", event instanceof io.oriole.sla.SlaWarningReached w ? (w.reminder() == 0 ? "WARNING"
                : "REMINDER") : event instanceof io.oriole.sla.SlaBreached ? "BREACHED"
                : event instanceof io.oriole.sla.SlaEscalated ? "ESCALATED"
                : event.getClass().getSimpleName().replace("Sla", "").toUpperCase(java.util.Locale.ROOT));
        if (event instanceof io.oriole.sla.SlaWarningReached w && w.assigneeAgentId() != null) {
            push.put("assigneeAgentId", w.assigneeAgentId());
        }
        if (event instanceof io.oriole.sla.SlaBreached b && b.assigneeAgentId() != null) {
            push.put("assigneeAgentId", b.assigneeAgentId());
        }
        if (event instanceof io.oriole.sla.SlaEscalated x) {
            if (x.assigneeAgentId() != null) {
                push.put("assigneeAgentId", x.assigneeAgentId());
            }
            push.put("targetTier", x.targetTier().name());
            push.put("notifySupervisors", x.notifySupervisors());
        }
        push(watchersOf(event.tenantId(), event.conversationId()), json.writeValueAsString(push));
    }

    /** An offer for one agent: every staff page of the tenant reloads its offers panel, which shows only its own. */
    @EventListener
    void on(ConversationOffered event) {
        later(() -> push(Audience.watchers(event.tenantId(), Set.of(event.agentId())), json.writeValueAsString(Map.of("type", "offer",
                "conversationId", event.conversationId(), "agentId", event.agentId()))));
    }

    /** Urgent or VIP work found no free senior: supervisors see it at once. */
    @EventListener
    void on(ExpediteWaiting event) {
        later(() -> push(Audience.supervisors(event.tenantId()), json.writeValueAsString(Map.of("type",
                "supervisor-alert", "conversationId", event.conversationId(), "priority", event.priority()))));
    }

    /** The waiting line moved: each waiting customer's widget fetches its new position and estimated wait. */
    /**
     * The line moves on every routing round, and every waiting customer's widget then asks for its place: at most
     * once a second per tenant, with the latest line, or a flood of rounds would make every waiting widget ask many
     * times a second.
     */
    @EventListener
    void on(QueueMoved event) {
        AfterCommit.run(() -> {
            if (latestLine.put(event.tenantId(), event) == null) {
                lineTimer.schedule(() -> {
                    QueueMoved latest = latestLine.remove(event.tenantId());
                    if (latest != null) {
                        later(() -> pushQueueMoved(latest));
                    }
                }, LINE_PUSH_EVERY.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        });
    }

    private void pushQueueMoved(QueueMoved event) {
        if (!mayHaveCustomersOf(event.tenantId())) {
            return;
        }
        for (long conversationId : event.waitingConversationIds()) {
            customerOf(event.tenantId(), conversationId).ifPresent(whose -> push(Audience.customer(
                    event.tenantId(), whose.customerId(), whose.visitorId()), json.writeValueAsString(Map.of("type",
                            "queue", "conversationId", conversationId))));
        }
    }

    private static boolean visibleToCustomer(ConversationEvent event) {
        return event instanceof MessageReceived || event instanceof AgentReplied || event instanceof BotReplied
                || event instanceof ConversationStatusChanged || event instanceof ConversationResolved
                || event instanceof ConversationReopened;
    }

    private static Long seqOf(ConversationEvent event) {
        if (event instanceof MessageReceived m) {
            return m.seq();
        }
        if (event instanceof AgentReplied r) {
            return r.seq();
        }
        if (event instanceof BotReplied b) {
            return b.seq();
        }
        return event instanceof InternalNoteAdded n ? n.seq() : null;
    }

    /** With several nodes, a customer's socket may be on another node, so every customer push is addressed. */
    private boolean mayHaveCustomersOf(long tenantId) {
        if (clustered) {
            return true;
        }
        var count = customerSockets.get(tenantId);
        return count != null && count.get() > 0;
    }

    /** Delivers to this node's sockets, then to the other nodes'. */
    private void push(Audience audience, String payload) {
        deliver(audience, payload);
        otherNodes.publish(new Push(audience.kind(), audience.tenantId(), audience.customerId(),
                java.util.List.copyOf(audience.agents()), payload, audience.visitorId()));
    }

    /** Delivers a push to the sockets of its audience that this node holds. */
    void deliver(Audience audience, String payload) {
        TextMessage message = new TextMessage(payload);
        switch (audience.kind()) {
            case STAFF -> send(staffByTenant.get(audience.tenantId()), s -> true, message);
            case WATCHERS -> send(staffByTenant.get(audience.tenantId()), s -> isSupervisor(s)
                    || audience.agents().contains(s.getAttributes().get(AGENT)), message);
            case SUPERVISORS -> send(staffByTenant.get(audience.tenantId()), LiveUpdates::isSupervisor, message);
            case CUSTOMER -> {
                send(byCustomer.get(customerKey(audience.tenantId(), audience.customerId())), s -> true, message);
                if (audience.visitorId() != null) {
                    send(byCustomer.get(visitorKey(audience.tenantId(), audience.visitorId())), s -> true, message);
                }
            }
        }
    }

    private void send(WebSocketSession session, TextMessage message) {
        try {
            if (session.isOpen()) {
                session.sendMessage(message);
            }
        }
        catch (IOException | RuntimeException gone) {
            log.debug("dropping live session {}: {}", session.getId(), gone.toString());
            // Closed, the browser reconnects, gets a new hello and catches up; left open, it would wait forever.
            // Closing it leads to leave(), which takes it out of its audience.
            try {
                session.close(org.springframework.web.socket.CloseStatus.SESSION_NOT_RELIABLE);
            }
            catch (IOException | RuntimeException alreadyGone) {
                log.trace("live session {} already closed", session.getId());
            }
        }
    }

    private void send(Set<WebSocketSession> sessions, java.util.function.Predicate<WebSocketSession> whose,
            TextMessage message) {
        if (sessions == null) {
            return;
        }
        for (WebSocketSession session : sessions) {
            if (whose.test(session)) {
                // The client reconnects and re-fetches after its last seq; nothing is lost by dropping it here.
                send(session, message);
            }
        }
    }

    private static boolean isSupervisor(WebSocketSession session) {
        return Boolean.TRUE.equals(session.getAttributes().get(SUPERVISOR));
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private Map<Object, Set<WebSocketSession>> audience(WebSocketSession raw) {
        return (Map) (isCustomerSocket(raw) ? byCustomer : staffByTenant);
    }

    private static boolean isCustomerSocket(WebSocketSession raw) {
        return raw.getAttributes().containsKey(CUSTOMER) || raw.getAttributes().containsKey(VISITOR);
    }

    private static Object keyOf(WebSocketSession raw) {
        long tenant = (Long) raw.getAttributes().get(TENANT);
        Object visitor = raw.getAttributes().get(VISITOR);
        if (visitor != null) {
            return visitorKey(tenant, (String) visitor);
        }
        Object customer = raw.getAttributes().get(CUSTOMER);
        return customer == null ? (Object) tenant : customerKey(tenant, (Long) customer);
    }

    private static String visitorKey(long tenantId, String visitorId) {
        return tenantId + ":v:" + visitorId;
    }

    private static String customerKey(long tenantId, long customerId) {
        return tenantId + ":" + customerId;
    }
}
