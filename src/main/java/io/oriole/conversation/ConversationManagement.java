package io.oriole.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.oriole.conversation.internal.ConversationStore;
import io.oriole.shared.PlainText;
import io.oriole.tenant.TenantId;

/**
 * Commands and queries on conversations. Each command runs in one transaction, takes the conversation's row lock,
 * writes its rows and timeline entry, and publishes its event in the same transaction, so that either all of it
 * happens or none of it does.
 */
@Service
public class ConversationManagement {

    public static final int MAX_BODY = 10_000;
    public static final int MAX_SUBJECT = 200;
    public static final int MAX_PAGE = 200;

    private final ConversationStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConversationManagement(ConversationStore store, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** Opens a conversation for a customer with their first message. */
    @Transactional
    public Conversation open(TenantId tenant, long customerId, String customerName, Channel channel, String subject,
            String firstMessage, String clientMessageId) {
        String body = requireBody(firstMessage);
        Instant now = clock.instant();
        String effectiveSubject = subjectOf(subject, body);
        long id = store.insertConversation(tenant.value(), customerId, channel, effectiveSubject, now);
        store.addTimeline(tenant.value(), id, "OPENED", channel.name(), customerName, now);
        events.publishEvent(new ConversationOpened(tenant.value(), id, customerId, channel, effectiveSubject, now));
        appendCustomerMessage(tenant, store.lock(tenant.value(), id).orElseThrow(), customerName, body,
                clientMessageId, now);
        return get(tenant, id);
    }

    /**
     * Stores a live-chat message of a customer in their current conversation (the newest one not closed; a resolved
     * one reopens), or opens a conversation with it when there is none. Decided under the customer's lock, so two
     * first messages sent at the same instant from two tabs open one conversation between them. A retry with the same
     * {@code clientMessageId} returns the stored message.
     */
    @Transactional
    public Message receiveChatMessage(TenantId tenant, long customerId, String customerName, String text,
            String clientMessageId) {
        requireBody(text);
        store.lockCustomer(tenant.value(), customerId);
        Optional<Conversation> current = ofCustomer(tenant, customerId, 20).stream()
                .filter(c -> c.status() != ConversationStatus.CLOSED)
                .max(java.util.Comparator.comparing(Conversation::createdAt).thenComparing(Conversation::id));
        if (current.isPresent()) {
            return receiveCustomerMessage(tenant, current.get().id(), customerId, customerName, text, clientMessageId);
        }
        Conversation opened = open(tenant, customerId, customerName, Channel.CHAT, null, text, clientMessageId);
        return store.messages(tenant.value(), opened.id(), 0, false, 1).get(0);
    }

    /**
     * Stores a customer's message. Sending the same {@code clientMessageId} twice (a retry after a dropped
     * connection) returns the first message instead of storing a copy. A message on a resolved or waiting
     * conversation puts it back to open.
     */
    @Transactional
    public Message receiveCustomerMessage(TenantId tenant, long conversationId, long customerId, String customerName,
            String text, String clientMessageId) {
        String body = requireBody(text);
        Conversation conversation = lockOrThrow(tenant, conversationId);
        if (conversation.customerId() != customerId) {
            throw new ConversationNotFoundException(conversationId);
        }
        if (clientMessageId != null) {
            Optional<Message> earlier = store.findByClientMessageId(tenant.value(), conversationId, clientMessageId);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        if (conversation.status() == ConversationStatus.CLOSED) {
            throw new IllegalStateException("conversation " + conversationId + " is closed");
        }
        Instant now = clock.instant();
        if (conversation.status() == ConversationStatus.RESOLVED) {
            changeStatus(conversation, ConversationStatus.OPEN, customerName, now);
            events.publishEvent(new ConversationReopened(tenant.value(), conversationId, customerName, now));
        }
        else if (conversation.status() == ConversationStatus.WAITING_ON_CUSTOMER) {
            changeStatus(conversation, ConversationStatus.OPEN, customerName, now);
        }
        return appendCustomerMessage(tenant, conversation, customerName, body, clientMessageId, now);
    }

    private Message appendCustomerMessage(TenantId tenant, Conversation conversation, String customerName,
            String body, String clientMessageId, Instant now) {
        long seq = store.nextSeq(tenant.value(), conversation.id());
        Message message;
        try {
            message = store.insertMessage(tenant.value(), conversation.id(), seq, AuthorType.CUSTOMER,
                    conversation.customerId(), customerName, body, false, clientMessageId, now);
        }
        catch (DuplicateKeyException retriedConcurrently) {
            throw new IllegalStateException("message " + clientMessageId + " is already being stored");
        }
        store.touchMessage(tenant.value(), conversation.id(), now, false);
        events.publishEvent(new MessageReceived(tenant.value(), conversation.id(), message.id(), seq,
                conversation.customerId(), body, now));
        return message;
    }

    /** An agent (or, with an {@link AuthorType#BOT} actor, the bot) answers the customer. */
    @Transactional
    public Message reply(TenantId tenant, long conversationId, Actor agent, String text) {
        String body = requireBody(text);
        Conversation conversation = lockOrThrow(tenant, conversationId);
        if (conversation.status() == ConversationStatus.CLOSED) {
            throw new IllegalStateException("conversation " + conversationId + " is closed");
        }
        if (agent.type() == AuthorType.AGENT && isNotesOnlyCollaborator(tenant, conversationId, agent.id())) {
            throw new NotesOnlyCollaboratorException(agent.name());
        }
        Instant now = clock.instant();
        long seq = store.nextSeq(tenant.value(), conversationId);
        Message message = store.insertMessage(tenant.value(), conversationId, seq, agent.type(), agent.id(),
                agent.name(), body, false, null, now);
        boolean first = conversation.firstResponseAt() == null && agent.type() == AuthorType.AGENT;
        store.touchMessage(tenant.value(), conversationId, now, first);
        if (agent.type() == AuthorType.AGENT) {
            store.joinParticipantIfAbsent(tenant.value(), conversationId, agent.id(), now);
            events.publishEvent(new AgentReplied(tenant.value(), conversationId, message.id(), seq, agent.id(), first,
                    now));
        }
        else if (agent.type() == AuthorType.BOT) {
            events.publishEvent(new BotReplied(tenant.value(), conversationId, message.id(), seq, now));
        }
        return message;
    }

    /** A note for staff only; the customer never receives it. */
    @Transactional
    public Message addNote(TenantId tenant, long conversationId, Actor agent, String text) {
        String body = requireBody(text);
        lockOrThrow(tenant, conversationId);
        Instant now = clock.instant();
        long seq = store.nextSeq(tenant.value(), conversationId);
        Message note = store.insertMessage(tenant.value(), conversationId, seq, agent.type(), agent.id(),
                agent.name(), body, true, null, now);
        store.touchMessage(tenant.value(), conversationId, now, false);
        events.publishEvent(new InternalNoteAdded(tenant.value(), conversationId, note.id(), seq,
                agent.id() == null ? 0 : agent.id(), now));
        return note;
    }

    /**
     * Gives the conversation to an agent (or back to the unassigned inbox with {@code agentId} null). The caller
     * has checked that the agent belongs to the tenant.
     */
    @Transactional
    public Conversation assign(TenantId tenant, long conversationId, Long agentId, String agentName, Actor by) {
        Conversation conversation = lockOrThrow(tenant, conversationId);
        if (java.util.Objects.equals(conversation.assigneeAgentId(), agentId)) {
            return conversation;
        }
        Instant now = clock.instant();
        store.updateAssignee(tenant.value(), conversationId, agentId, now);
        if (conversation.assigneeAgentId() != null) {
            store.leaveParticipant(tenant.value(), conversationId, conversation.assigneeAgentId(), now);
        }
        if (agentId != null) {
            store.joinParticipant(tenant.value(), conversationId, agentId, Participant.Role.OWNER, now);
        }
        store.addTimeline(tenant.value(), conversationId, agentId == null ? "UNASSIGNED" : "ASSIGNED",
                agentId == null ? "" : agentName, by.name(), now);
        events.publishEvent(new ConversationAssigned(tenant.value(), conversationId, conversation.assigneeAgentId(),
                agentId, by.name(), now));
        return get(tenant, conversationId);
    }

    /**
     * Hands the conversation from its owner straight to another agent, with a note for the new owner, in one
     * transaction: there is no moment in which the customer has no owner. {@code kind} names the move on the
     * timeline ({@code TRANSFERRED}, {@code ESCALATED}).
     */
    @Transactional
    public Conversation handOver(TenantId tenant, long conversationId, long agentId, String agentName, String kind,
            String note, Actor by) {
        lockOrThrow(tenant, conversationId);
        if (note != null && !note.isBlank()) {
            addNote(tenant, conversationId, by, note);
        }
        store.addTimeline(tenant.value(), conversationId, kind, agentName, by.name(), clock.instant());
        return assign(tenant, conversationId, agentId, agentName, by);
    }

    /**
     * Invites a specialist (typically from another department): they see the transcript like every staff member,
     * write internal notes, and write to the customer only when {@code canReply}.
     */
    @Transactional
    public Participant invite(TenantId tenant, long conversationId, long agentId, String agentName,
            boolean canReply, Actor by) {
        Conversation conversation = lockOrThrow(tenant, conversationId);
        if (java.util.Objects.equals(conversation.assigneeAgentId(), agentId)) {
            throw new IllegalArgumentException(agentName + " already owns this conversation");
        }
        Instant now = clock.instant();
        store.inviteCollaborator(tenant.value(), conversationId, agentId, canReply, by.name(), now);
        store.addTimeline(tenant.value(), conversationId, "INVITED",
                agentName + (canReply ? "" : " (internal notes only)"), by.name(), now);
        events.publishEvent(new CollaboratorInvited(tenant.value(), conversationId, agentId, canReply, by.name(),
                now));
        return activeParticipant(tenant, conversationId, agentId).orElseThrow();
    }

    /** A collaborator leaves; the owner cannot leave this way (they transfer instead). */
    @Transactional
    public void leave(TenantId tenant, long conversationId, long agentId, String agentName) {
        Conversation conversation = lockOrThrow(tenant, conversationId);
        if (java.util.Objects.equals(conversation.assigneeAgentId(), agentId)) {
            throw new IllegalStateException("the owner transfers the conversation instead of leaving it");
        }
        if (activeParticipant(tenant, conversationId, agentId).isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        store.leaveParticipant(tenant.value(), conversationId, agentId, now);
        store.addTimeline(tenant.value(), conversationId, "LEFT", agentName, agentName, now);
        events.publishEvent(new CollaboratorLeft(tenant.value(), conversationId, agentId, now));
    }

    private Optional<Participant> activeParticipant(TenantId tenant, long conversationId, long agentId) {
        return store.participants(tenant.value(), conversationId).stream()
                .filter(p -> p.agentId() == agentId && p.isActive()).findFirst();
    }

    private boolean isNotesOnlyCollaborator(TenantId tenant, long conversationId, Long agentId) {
        return agentId != null && activeParticipant(tenant, conversationId, agentId)
                .filter(Participant::notesOnly).isPresent();
    }

    /** Moves the conversation to another status; resolving and reopening announce themselves as such. */
    @Transactional
    public Conversation setStatus(TenantId tenant, long conversationId, ConversationStatus target, Actor by) {
        Conversation conversation = lockOrThrow(tenant, conversationId);
        if (conversation.status() == target) {
            return conversation;
        }
        if (conversation.status() == ConversationStatus.CLOSED) {
            throw new IllegalStateException("a closed conversation cannot change status");
        }
        Instant now = clock.instant();
        changeStatus(conversation, target, by.name(), now);
        if (target == ConversationStatus.RESOLVED) {
            events.publishEvent(new ConversationResolved(tenant.value(), conversationId, conversation.customerId(),
                    conversation.assigneeAgentId(), now));
        }
        else if (conversation.status() == ConversationStatus.RESOLVED && target.isActive()) {
            events.publishEvent(new ConversationReopened(tenant.value(), conversationId, by.name(), now));
        }
        return get(tenant, conversationId);
    }

    private void changeStatus(Conversation conversation, ConversationStatus target, String by, Instant now) {
        Instant resolvedAt = target == ConversationStatus.RESOLVED || target == ConversationStatus.CLOSED
                ? now : null;
        store.updateStatus(conversation.tenantId(), conversation.id(), target, resolvedAt, now);
        store.addTimeline(conversation.tenantId(), conversation.id(), "STATUS",
                conversation.status() + " → " + target, by, now);
        events.publishEvent(new ConversationStatusChanged(conversation.tenantId(), conversation.id(),
                conversation.status(), target, by, now));
    }

    public Optional<Conversation> find(TenantId tenant, long id) {
        return store.find(tenant.value(), id);
    }

    public Conversation get(TenantId tenant, long id) {
        return find(tenant, id).orElseThrow(() -> new ConversationNotFoundException(id));
    }

    public List<Conversation> inbox(TenantId tenant, InboxFilter filter, int offset, int limit) {
        return store.inbox(tenant.value(), filter, Math.max(0, offset), clampLimit(limit));
    }

    public long count(TenantId tenant, InboxFilter filter) {
        return store.count(tenant.value(), filter);
    }

    /** Messages after {@code afterSeq}, oldest first; staff see internal notes, customers never do. */
    public List<Message> messages(TenantId tenant, long conversationId, long afterSeq, boolean includeInternal,
            int limit) {
        List<Message> page = store.messages(tenant.value(), conversationId, afterSeq, includeInternal,
                clampLimit(limit));
        // Messages are read by tenant and conversation, so a non-empty page proves the conversation is this tenant's;
        // only an empty one needs the lookup that tells "nothing new" from "no such conversation". Clients fetch when
        // a push says there is news, so the lookup is rarely needed.
        if (page.isEmpty()) {
            get(tenant, conversationId);
        }
        return page;
    }

    public Optional<Message> lastCustomerMessage(TenantId tenant, long conversationId) {
        return store.lastCustomerMessage(tenant.value(), conversationId);
    }

    public List<TimelineEntry> timeline(TenantId tenant, long conversationId) {
        get(tenant, conversationId);
        return store.timeline(tenant.value(), conversationId);
    }

    /**
     * The agents a conversation concerns now: its owner and the colleagues taking part in it; empty when nobody owns
     * it (or it does not exist), whoever else was invited.
     */
    public java.util.Set<Long> watchers(TenantId tenant, long conversationId) {
        List<Long> ids = store.ownerAndParticipants(tenant.value(), conversationId);
        if (ids.isEmpty() || ids.get(0) == null) {
            return java.util.Set.of();
        }
        return java.util.Set.copyOf(ids);
    }

    public List<Participant> participants(TenantId tenant, long conversationId) {
        get(tenant, conversationId);
        return store.participants(tenant.value(), conversationId);
    }

    /** A customer's conversations, newest first, whatever their status. */
    public List<Conversation> ofCustomer(TenantId tenant, long customerId, int limit) {
        return store.inbox(tenant.value(), new InboxFilter(InboxFilter.View.ALL, null, null, customerId), 0,
                clampLimit(limit));
    }

    private Conversation lockOrThrow(TenantId tenant, long id) {
        return store.lock(tenant.value(), id).orElseThrow(() -> new ConversationNotFoundException(id));
    }

    private static int clampLimit(int limit) {
        return Math.max(1, Math.min(MAX_PAGE, limit));
    }

    /** The text rule of {@link PlainText}: refused with field {@code text}, unless an edge already named its own. */
    static String requireBody(String text) {
        return PlainText.message("text", text, MAX_BODY);
    }

    static String subjectOf(String subject, String body) {
        String s = subject == null || subject.isBlank() ? body.lines().findFirst().orElse(body) : subject.strip();
        return s.length() > MAX_SUBJECT ? s.substring(0, MAX_SUBJECT - 1) + "…" : s;
    }
}
