package io.oriole.web.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.oriole.agent.Agent;
import io.oriole.agent.AgentManagement;
import io.oriole.conversation.Actor;
import io.oriole.conversation.AuthorType;
import io.oriole.conversation.Channel;
import io.oriole.conversation.Conversation;
import io.oriole.conversation.ConversationManagement;
import io.oriole.conversation.ConversationStatus;
import io.oriole.conversation.InboxFilter;
import io.oriole.conversation.Message;
import io.oriole.conversation.Participant;
import io.oriole.conversation.TimelineEntry;
import io.oriole.customer.Customer;
import io.oriole.customer.CustomerManagement;
import io.oriole.identity.Permission;
import io.oriole.identity.RequiresPermission;
import io.oriole.identity.StaffPrincipal;
import io.oriole.shared.PlainText;
import io.oriole.tenant.TenantId;
import io.oriole.triage.Category;
import io.oriole.triage.KeyFacts;
import io.oriole.triage.PriorityFactor;
import io.oriole.triage.PriorityLevel;
import io.oriole.triage.Sentiment;
import io.oriole.triage.TriageManagement;
import io.oriole.triage.TriageResult;
import io.oriole.triage.Urgency;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/conversations")
@Tag(name = "Conversations", description = "Conversations, their messages, assignment, status and history")
class ConversationController {

    private final ConversationManagement conversations;
    private final CustomerManagement customers;
    private final AgentManagement agents;
    private final TriageManagement triage;

    ConversationController(ConversationManagement conversations, CustomerManagement customers,
            AgentManagement agents, TriageManagement triage) {
        this.conversations = conversations;
        this.customers = customers;
        this.agents = agents;
        this.triage = triage;
    }

    /** The conversation's current triage; {@code language} is an ISO 639-1 code, {@code confidence} 0..1. */
    record TriageResponse(PriorityLevel level, int score, List<PriorityFactor> factors, String explanation,
            Category category, String intent, double confidence, boolean outOfScope, Urgency urgency,
            Sentiment sentiment, String language, KeyFacts facts) {

        static TriageResponse of(TriageResult r) {
            return new TriageResponse(r.priority().level(), r.priority().score(), r.priority().factors(),
                    r.priority().explanation(), r.category(), r.intent().intent(), r.intent().confidence(),
                    r.intent().outOfScope(), r.urgency(), r.sentiment(), r.language().code(), r.facts());
        }
    }

    record OpenConversation(@NotNull Long customerId, @NotNull Channel channel,
            @Size(max = ConversationManagement.MAX_SUBJECT) String subject,
            @NotBlank @Size(max = ConversationManagement.MAX_BODY) String message) {
    }

    record PostMessage(@NotBlank @Size(max = ConversationManagement.MAX_BODY) String body, Boolean internal) {
    }

    /** {@code agentId} null puts the conversation back into the unassigned inbox. */
    record AssignConversation(Long agentId) {
    }

    record ChangeStatus(@NotNull ConversationStatus status) {
    }

    record ConversationResponse(long id, long customerId, Channel channel, ConversationStatus status,
            String subject, Long assigneeAgentId, long lastSeq, Instant createdAt, Instant updatedAt,
            Instant lastMessageAt, Instant firstResponseAt, Instant resolvedAt) {

        static ConversationResponse of(Conversation c) {
            return new ConversationResponse(c.id(), c.customerId(), c.channel(), c.status(), c.subject(),
                    c.assigneeAgentId(), c.lastSeq(), c.createdAt(), c.updatedAt(), c.lastMessageAt(),
                    c.firstResponseAt(), c.resolvedAt());
        }
    }

    record MessageResponse(long id, long seq, AuthorType authorType, Long authorId, String authorName, String body,
            boolean internal, Instant createdAt) {

        static MessageResponse of(Message m) {
            return new MessageResponse(m.id(), m.seq(), m.authorType(), m.authorId(), m.authorName(), m.body(),
                    m.internal(), m.createdAt());
        }
    }

    record TimelineResponse(long id, String kind, String detail, String actor, Instant occurredAt) {

        static TimelineResponse of(TimelineEntry t) {
            return new TimelineResponse(t.id(), t.kind(), t.detail(), t.actor(), t.occurredAt());
        }
    }

    record ParticipantResponse(long agentId, Participant.Role role, Instant joinedAt, Instant leftAt) {

        static ParticipantResponse of(Participant p) {
            return new ParticipantResponse(p.agentId(), p.role(), p.joinedAt(), p.leftAt());
        }
    }

    @RequiresPermission(Permission.VIEW_CONVERSATIONS)
    @GetMapping
    @Operation(summary = "List conversations",
            description = "view is all, mine, shared (invited as a collaborator) or unassigned (mine and shared are"
                    + " empty for a caller without an agent profile); without status only active conversations are"
                    + " listed")
    ResultPage<ConversationResponse> list(@AuthenticationPrincipal StaffPrincipal me,
            @RequestParam(defaultValue = "all") String view, @RequestParam(required = false) ConversationStatus status,
            @RequestParam(required = false) Long customerId,
            @RequestParam(defaultValue = "0") @PositiveOrZero int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(ConversationManagement.MAX_PAGE) int size) {
        InboxFilter.View inboxView = inboxView(view);
        Long viewerAgentId = inboxView == InboxFilter.View.MINE || inboxView == InboxFilter.View.SHARED
                ? agents.findByUser(me.tenantId(), me.userId()).map(Agent::id).orElse(null) : null;
        InboxFilter filter = new InboxFilter(inboxView, viewerAgentId, status, customerId);
        return ResultPage.of(conversations.inbox(me.tenantId(), filter, page * size, size),
                ConversationResponse::of, page, size, conversations.count(me.tenantId(), filter));
    }

    @RequiresPermission(Permission.VIEW_CONVERSATIONS)
    @GetMapping("/{id}")
    ConversationResponse get(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id) {
        return ConversationResponse.of(conversations.get(me.tenantId(), id));
    }

    @RequiresPermission(Permission.START_CONVERSATION)
    @PostMapping
    @Operation(summary = "Open a conversation for a customer with their first message")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<ConversationResponse> open(@AuthenticationPrincipal StaffPrincipal me,
            @Valid @RequestBody OpenConversation request) {
        Customer customer = customers.get(me.tenantId(), request.customerId());
        Conversation opened = conversations.open(me.tenantId(), customer.id(), customer.name(), request.channel(),
                PlainText.optionalLine("subject", request.subject(),
                        ConversationManagement.MAX_SUBJECT),
                PlainText.message("message", request.message(), ConversationManagement.MAX_BODY), null);
        return ResponseEntity.created(URI.create("/api/v1/conversations/" + opened.id()))
                .body(ConversationResponse.of(opened));
    }

    @RequiresPermission(Permission.VIEW_CONVERSATIONS)
    @GetMapping("/{id}/messages")
    @Operation(summary = "Messages after a sequence number, oldest first",
            description = "Internal notes are left out unless includeInternal=true")
    List<MessageResponse> messages(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @RequestParam(defaultValue = "0") @PositiveOrZero long after,
            @RequestParam(defaultValue = "false") boolean includeInternal,
            @RequestParam(defaultValue = "100") @Min(1) @Max(ConversationManagement.MAX_PAGE) int limit) {
        return conversations.messages(me.tenantId(), id, after, includeInternal, limit).stream()
                .map(MessageResponse::of).toList();
    }

    @RequiresPermission(Permission.HANDLE_CONVERSATION)
    @PostMapping("/{id}/messages")
    @Operation(summary = "Reply to the customer, or add an internal note with internal=true",
            description = "Replying needs an agent profile for the caller")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<MessageResponse> post(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @Valid @RequestBody PostMessage request) {
        TenantId tenant = me.tenantId();
        conversations.get(tenant, id);
        String body = PlainText.message("body", request.body(), ConversationManagement.MAX_BODY);
        Message message;
        if (Boolean.TRUE.equals(request.internal())) {
            message = conversations.addNote(tenant, id, actorFor(me), body);
        }
        else {
            Agent agent = agents.findByUser(tenant, me.userId()).orElseThrow(() -> new IllegalStateException(
                    "replying to a customer needs an agent profile; ask an admin to create one for you"));
            message = conversations.reply(tenant, id, Actor.agent(agent.id(), agent.displayName()), body);
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(MessageResponse.of(message));
    }

    @RequiresPermission(Permission.TAKE_CONVERSATION)
    @PutMapping("/{id}/assign")
    @Operation(summary = "Assign to an agent of the tenant, or unassign with agentId null")
    ConversationResponse assign(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @Valid @RequestBody AssignConversation request) {
        TenantId tenant = me.tenantId();
        Conversation conversation = conversations.get(tenant, id);
        Permission.toAssign(conversation.assigneeAgentId(), request.agentId(), myAgentId(me)).demand(me);
        String agentName = null;
        if (request.agentId() != null) {
            agentName = agents.find(tenant, request.agentId())
                    .orElseThrow(() -> new UnknownIdException("agent", request.agentId())).displayName();
        }
        return ConversationResponse.of(conversations.assign(tenant, id, request.agentId(), agentName, actorFor(me)));
    }

    @RequiresPermission(Permission.HANDLE_CONVERSATION)
    @PutMapping("/{id}/status")
    ConversationResponse changeStatus(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @Valid @RequestBody ChangeStatus request) {
        return ConversationResponse.of(conversations.setStatus(me.tenantId(), id, request.status(), actorFor(me)));
    }

    @RequiresPermission(Permission.VIEW_CONVERSATIONS)
    @GetMapping("/{id}/timeline")
    List<TimelineResponse> timeline(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id) {
        return conversations.timeline(me.tenantId(), id).stream().map(TimelineResponse::of).toList();
    }

    @RequiresPermission(Permission.VIEW_CONVERSATIONS)
    @GetMapping("/{id}/triage")
    @Operation(summary = "The latest triage: priority with its factors, category, intent, urgency, sentiment, "
            + "language and key facts", description = "404 until the first customer message has been triaged, "
            + "which happens shortly after it arrives.")
    TriageResponse triage(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id) {
        conversations.get(me.tenantId(), id);
        return triage.latest(me.tenantId(), id).map(TriageResponse::of)
                .orElseThrow(() -> new NotTriagedYetException(id));
    }

    @RequiresPermission(Permission.VIEW_CONVERSATIONS)
    @GetMapping("/{id}/participants")
    List<ParticipantResponse> participants(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id) {
        return conversations.participants(me.tenantId(), id).stream().map(ParticipantResponse::of).toList();
    }

    /**
     * The caller as the author of a note or a change. Admins and supervisors may act without an agent profile; the
     * timeline then records them by name as a system actor, since the conversation model knows no other staff.
     */
    private Long myAgentId(StaffPrincipal me) {
        return agents.findByUser(me.tenantId(), me.userId()).map(Agent::id).orElse(null);
    }

    private Actor actorFor(StaffPrincipal me) {
        return agents.findByUser(me.tenantId(), me.userId())
                .map(agent -> Actor.agent(agent.id(), agent.displayName()))
                .orElseGet(() -> new Actor(AuthorType.SYSTEM, null, me.displayName()));
    }

    private static InboxFilter.View inboxView(String view) {
        try {
            return InboxFilter.View.valueOf(view.trim().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException unknown) {
            throw new InvalidFieldException("view", "must be one of [all, mine, shared, unassigned]");
        }
    }
}
