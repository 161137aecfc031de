package io.oriole.web.live;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

import io.oriole.conversation.AgentReplied;
import io.oriole.conversation.BotReplied;
import io.oriole.conversation.ConversationEvent;
import io.oriole.conversation.ConversationManagement;
import io.oriole.conversation.ConversationReopened;
import io.oriole.conversation.ConversationResolved;
import io.oriole.conversation.ConversationStatusChanged;
import io.oriole.conversation.InternalNoteAdded;
import io.oriole.conversation.MessageReceived;
import io.oriole.tenant.TenantId;
import io.oriole.triage.ConversationTriaged;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells open browsers that something changed, after the change is committed: staff sockets hear every conversation
 * event of their tenant, a customer's socket hears only events of their own conversations and never internal
 * notes. The push carries no content, only {@code {type, conversationId, seq?}}: clients fetch what is new through
 * the normal, access-checked endpoints, so a lost push costs a delay, never a message.
 */
@Component
public class LiveUpdates {

    /** Session attributes a handshake sets to say whose socket it is. */
    public static final String TENANT = "oriole.live.tenant";
    public static final String CUSTOMER = "oriole.live.customer";

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);
    // A browser that stops reading gets dropped instead of blocking the publishing thread.
    private static final int SEND_TIME_LIMIT_MS = 5_000;
    private static final int BUFFER_LIMIT_BYTES = 256 * 1024;

    private final Map<Long, Set<WebSocketSession>> staffByTenant = new ConcurrentHashMap<>();
    private final Map<String, Set<WebSocketSession>> byCustomer = new ConcurrentHashMap<>();
    private final ConversationManagement conversations;
    private final JsonMapper json;

    LiveUpdates(ConversationManagement conversations, JsonMapper json) {
        this.conversations = conversations;
        this.json = json;
    }

    void join(WebSocketSession raw) {
        WebSocketSession session = new ConcurrentWebSocketSessionDecorator(raw, SEND_TIME_LIMIT_MS,
                BUFFER_LIMIT_BYTES);
        audience(raw).computeIfAbsent(keyOf(raw), k -> ConcurrentHashMap.newKeySet()).add(session);
    }

    void leave(WebSocketSession raw) {
        Set<WebSocketSession> sessions = audience(raw).get(keyOf(raw));
        if (sessions != null) {
            sessions.removeIf(s -> s.getId().equals(raw.getId()));
        }
    }

    @TransactionalEventListener
    void on(ConversationEvent event) {
        String type = event.getClass().getSimpleName();
        Long seq = seqOf(event);
        TextMessage message = new TextMessage(json.writeValueAsString(seq == null
                ? Map.of("type", type, "conversationId", event.conversationId())
                : Map.of("type", type, "conversationId", event.conversationId(), "seq", seq)));
        send(staffByTenant.get(event.tenantId()), message);
        if (visibleToCustomer(event) && hasCustomersOf(event.tenantId())) {
            conversations.find(new TenantId(event.tenantId()), event.conversationId())
                    .ifPresent(c -> send(byCustomer.get(customerKey(c.tenantId(), c.customerId())), message));
        }
    }

    /**
     * Triage finishes shortly after the message is stored; agents' open pages reload the triage panel and the inbox
     * badges. Customers never see triage.
     */
    @TransactionalEventListener
    void on(ConversationTriaged event) {
        send(staffByTenant.get(event.tenantId()), new TextMessage(json.writeValueAsString(
                Map.of("type", "triaged", "conversationId", event.conversationId()))));
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

    private boolean hasCustomersOf(long tenantId) {
        String prefix = tenantId + ":";
        return byCustomer.entrySet().stream().anyMatch(e -> e.getKey().startsWith(prefix) && !e.getValue().isEmpty());
    }

    private void send(Set<WebSocketSession> sessions, TextMessage message) {
        if (sessions == null) {
            return;
        }
        for (WebSocketSession session : sessions) {
            try {
                if (session.isOpen()) {
                    session.sendMessage(message);
                }
            }
            catch (IOException | RuntimeException gone) {
                // The client reconnects and re-fetches after its last seq; nothing is lost by dropping it here.
                log.debug("dropping live session {}: {}", session.getId(), gone.toString());
                sessions.remove(session);
            }
        }
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private Map<Object, Set<WebSocketSession>> audience(WebSocketSession raw) {
        return (Map) (raw.getAttributes().containsKey(CUSTOMER) ? byCustomer : staffByTenant);
    }

    private static Object keyOf(WebSocketSession raw) {
        long tenant = (Long) raw.getAttributes().get(TENANT);
        Object customer = raw.getAttributes().get(CUSTOMER);
        return customer == null ? (Object) tenant : customerKey(tenant, (Long) customer);
    }

    private static String customerKey(long tenantId, long customerId) {
        return tenantId + ":" + customerId;
    }
}
