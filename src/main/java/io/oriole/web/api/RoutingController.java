package io.oriole.web.api;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.oriole.agent.Agent;
import io.oriole.agent.AgentManagement;
import io.oriole.agent.Presence;
import io.oriole.agent.PresenceManagement;
import io.oriole.agent.Tier;
import io.oriole.conversation.Actor;
import io.oriole.conversation.ConversationManagement;
import io.oriole.conversation.Participant;
import io.oriole.customer.CustomerManagement;
import io.oriole.identity.Permission;
import io.oriole.identity.RequiresPermission;
import io.oriole.identity.StaffPrincipal;
import io.oriole.routing.Offer;
import io.oriole.routing.RoutingDecision;
import io.oriole.routing.RoutingManagement;
import io.oriole.routing.RoutingQueue;
import io.oriole.routing.RoutingSettings;
import io.oriole.routing.WaitEstimate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Routing over REST: offers (accept, decline), transfer, escalation, collaborators, presence, queues, settings, the
 * waiting line and the decision log. Ids from another tenant answer 404 like ids that do not exist.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Routing", description = "Offers, presence, transfer, escalation, collaboration, queues and decisions")
class RoutingController {

    private final RoutingManagement routing;
    private final AgentManagement agents;
    private final PresenceManagement presence;
    private final ConversationManagement conversations;
    private final CustomerManagement customers;

    RoutingController(RoutingManagement routing, AgentManagement agents, PresenceManagement presence,
            ConversationManagement conversations, CustomerManagement customers) {
        this.routing = routing;
        this.agents = agents;
        this.presence = presence;
        this.conversations = conversations;
        this.customers = customers;
    }

    record OfferResponse(long id, long conversationId, long agentId, Offer.Status status, Instant offeredAt,
            Instant expiresAt, Instant decidedAt, String reason) {

        static OfferResponse of(Offer o) {
            return new OfferResponse(o.id(), o.conversationId(), o.agentId(), o.status(), o.offeredAt(),
                    o.expiresAt(), o.decidedAt(), o.reason());
        }
    }

    record Decline(@Size(max = 200) String reason) {
    }

    /** Exactly one of {@code agentId}, {@code queue} and {@code department} names where the conversation goes. */
    record Transfer(Long agentId, @Size(max = 64) String queue, @Size(max = 64) String department,
            @Size(max = 2000) String note) {
    }

    record Escalate(@Size(max = 2000) String note) {
    }

    record EscalateResponse(long conversationId, Tier tier) {
    }

    record Invite(@NotNull Long agentId, Boolean canReply) {
    }

    record ParticipantResponse(long agentId, Participant.Role role, boolean canReply, Instant joinedAt,
            Instant leftAt) {

        static ParticipantResponse of(Participant p) {
            return new ParticipantResponse(p.agentId(), p.role(), p.canReply(), p.joinedAt(), p.leftAt());
        }
    }

    record PresenceUpdate(@NotNull Presence status) {
    }

    record PresenceResponse(long agentId, Presence status) {
    }

    record WaitResponse(long conversationId, int position, int agentsServing, long estimatedWaitSeconds) {

        static WaitResponse of(WaitEstimate w) {
            return new WaitResponse(w.conversationId(), w.position(), w.agentsServing(),
                    w.estimatedWait().toSeconds());
        }
    }

    record SaveQueue(@NotBlank @Size(max = 120) String name, @NotNull @Min(0) @Max(100_000) Integer position,
            @NoNullItems Set<String> categories, @NoNullItems Set<String> intents,
            @NoNullItems Set<String> languages, @NoNullItems Set<String> segments, @NoNullItems Set<String> vipTiers,
            @NoNullItems Set<String> channels, @NoNullItems Set<String> skills, @NotNull Tier minTier) {
    }

    record SaveSettings(@NotBlank String policy, @NotNull @Min(5) @Max(3600) Integer offerTimeoutSeconds,
            @NotNull Boolean autoAccept) {
    }

    record SettingsResponse(String policy, long offerTimeoutSeconds, boolean autoAccept) {

        static SettingsResponse of(RoutingSettings s) {
            return new SettingsResponse(s.policy(), s.offerTimeout().toSeconds(), s.autoAccept());
        }
    }

    record DedicatedAgent(Long agentId) {
    }

    // --- offers

    @RequiresPermission(Permission.ANSWER_OFFERS)
    @GetMapping("/offers")
    @Operation(summary = "The caller's open offers")
    List<OfferResponse> myOffers(@AuthenticationPrincipal StaffPrincipal me) {
        return routing.openOffers(me.tenantId(), myAgent(me).id()).stream().map(OfferResponse::of).toList();
    }

    @RequiresPermission(Permission.ANSWER_OFFERS)
    @PostMapping("/offers/{id}/accept")
    @Operation(summary = "Accept an offer: the conversation becomes the caller's")
    OfferResponse accept(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id) {
        Agent agent = myAgent(me);
        requireOwnOffer(me, id, agent);
        return OfferResponse.of(routing.accept(me.tenantId(), id, agent.id()));
    }

    @RequiresPermission(Permission.ANSWER_OFFERS)
    @PostMapping("/offers/{id}/decline")
    @Operation(summary = "Decline an offer: the conversation goes to the next agent")
    OfferResponse decline(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @Valid @RequestBody(required = false) Decline request) {
        Agent agent = myAgent(me);
        requireOwnOffer(me, id, agent);
        return OfferResponse.of(routing.decline(me.tenantId(), id, agent.id(), request == null ? null
                : request.reason()));
    }

    private void requireOwnOffer(StaffPrincipal me, long offerId, Agent agent) {
        routing.offer(me.tenantId(), offerId).filter(o -> o.agentId() == agent.id())
                .orElseThrow(() -> new UnknownIdException("offer", offerId));
    }

    // --- transfer, escalation, collaboration

    @RequiresPermission(Permission.MOVE_CONVERSATION)
    @PostMapping("/conversations/{id}/transfer")
    @Operation(summary = "Transfer to an agent (at once), or to a queue or department (the owner keeps it until "
            + "someone accepts)")
    ResponseEntity<Void> transfer(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @Valid @RequestBody Transfer request) {
        Long owner = conversations.get(me.tenantId(), id).assigneeAgentId();
        Permission.toMove(owner, agents.findByUser(me.tenantId(), me.userId()).map(Agent::id).orElse(null))
                .demand(me);
        int targets = (request.agentId() == null ? 0 : 1) + (blank(request.queue()) ? 0 : 1)
                + (blank(request.department()) ? 0 : 1);
        if (targets != 1) {
            throw new InvalidFieldException("agentId", "give exactly one of agentId, queue and department");
        }
        Actor by = actor(me);
        if (request.agentId() != null) {
            agents.find(me.tenantId(), request.agentId())
                    .orElseThrow(() -> new InvalidFieldException("agentId", "no such agent"));
            // A transfer to an agent takes effect at once; an offline owner would leave the customer unanswered.
            if (presence.presence(me.tenantId(), request.agentId()) == io.oriole.agent.Presence.OFFLINE) {
                throw new InvalidFieldException("agentId",
                        "the agent is offline; transfer to their queue or department instead");
            }
            routing.transferToAgent(me.tenantId(), id, request.agentId(), request.note(), by);
        }
        else if (!blank(request.queue())) {
            if (routing.queues(me.tenantId()).stream().noneMatch(q -> q.code().equals(request.queue()))) {
                throw new InvalidFieldException("queue", "no such queue");
            }
            routing.transferToQueue(me.tenantId(), id, request.queue(), request.note(), by);
        }
        else {
            if (agents.departments(me.tenantId()).stream().noneMatch(d -> d.code().equals(request.department()))) {
                throw new InvalidFieldException("department", "no such department");
            }
            routing.transferToDepartment(me.tenantId(), id, request.department(), request.note(), by);
        }
        return ResponseEntity.accepted().build();
    }

    @RequiresPermission(Permission.MOVE_CONVERSATION)
    @PostMapping("/conversations/{id}/escalate")
    @Operation(summary = "Escalate one tier up (L1 → L2 → L3)")
    @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.ACCEPTED)
    EscalateResponse escalate(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @Valid @RequestBody(required = false) Escalate request) {
        conversations.get(me.tenantId(), id);
        Tier to = routing.escalate(me.tenantId(), id, request == null ? null : request.note(), actor(me));
        return new EscalateResponse(id, to);
    }

    @RequiresPermission(Permission.MOVE_CONVERSATION)
    @PostMapping("/conversations/{id}/collaborators")
    @Operation(summary = "Invite a specialist; canReply false keeps them to internal notes")
    ResponseEntity<ParticipantResponse> invite(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @Valid @RequestBody Invite request) {
        conversations.get(me.tenantId(), id);
        agents.find(me.tenantId(), request.agentId())
                .orElseThrow(() -> new InvalidFieldException("agentId", "no such agent"));
        Participant p = routing.invite(me.tenantId(), id, request.agentId(),
                request.canReply() == null || request.canReply(), actor(me));
        return ResponseEntity.created(URI.create("/api/v1/conversations/" + id + "/participants"))
                .body(ParticipantResponse.of(p));
    }

    @RequiresPermission(Permission.MOVE_CONVERSATION)
    @DeleteMapping("/conversations/{id}/collaborators/{agentId}")
    @Operation(summary = "A collaborator leaves (themselves, or removed by a supervisor)")
    ResponseEntity<Void> leave(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @PathVariable long agentId) {
        conversations.get(me.tenantId(), id);
        Agent agent = agents.find(me.tenantId(), agentId).orElseThrow(() -> new UnknownIdException("agent", agentId));
        boolean self = agents.findByUser(me.tenantId(), me.userId()).map(a -> a.id() == agent.id()).orElse(false);
        if (!self) {
            Permission.REMOVE_COLLABORATOR.demand(me);
        }
        routing.leave(me.tenantId(), id, agentId);
        return ResponseEntity.noContent().build();
    }

    @RequiresPermission(Permission.VIEW_CONVERSATIONS)
    @GetMapping("/conversations/{id}/wait")
    @Operation(summary = "Position and estimated wait of a waiting conversation")
    WaitResponse waitOf(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id) {
        conversations.get(me.tenantId(), id);
        return routing.waitFor(me.tenantId(), id).map(WaitResponse::of)
                .orElseThrow(() -> new IllegalStateException("conversation " + id + " is not waiting"));
    }

    // --- presence

    @RequiresPermission(Permission.ANSWER_OFFERS)
    @GetMapping("/presence")
    @Operation(summary = "The caller's presence")
    PresenceResponse myPresence(@AuthenticationPrincipal StaffPrincipal me) {
        Agent agent = myAgent(me);
        return new PresenceResponse(agent.id(), presence.presence(me.tenantId(), agent.id()));
    }

    @RequiresPermission(Permission.ANSWER_OFFERS)
    @PutMapping("/presence")
    @Operation(summary = "Set the caller's presence; also counts as a heartbeat")
    PresenceResponse setPresence(@AuthenticationPrincipal StaffPrincipal me,
            @Valid @RequestBody PresenceUpdate request) {
        Agent agent = myAgent(me);
        if (request.status() == Presence.OFFLINE) {
            presence.signOff(me.tenantId(), agent.id());
            return new PresenceResponse(agent.id(), Presence.OFFLINE);
        }
        return new PresenceResponse(agent.id(), presence.heartbeat(me.tenantId(), agent.id(), request.status()));
    }

    @RequiresPermission(Permission.VIEW_TEAM)
    @GetMapping("/presence/agents")
    @Operation(summary = "Agents of the tenant who are online or away now")
    List<PresenceResponse> present(@AuthenticationPrincipal StaffPrincipal me) {
        return presence.present(me.tenantId()).entrySet().stream()
                .map(e -> new PresenceResponse(e.getKey(), e.getValue())).toList();
    }

    // --- queues, settings, line, decisions

    @RequiresPermission(Permission.VIEW_TEAM)
    @GetMapping("/routing/queues")
    List<RoutingQueue> queues(@AuthenticationPrincipal StaffPrincipal me) {
        return routing.queues(me.tenantId());
    }

    @RequiresPermission(Permission.MANAGE_ROUTING)
    @PutMapping("/routing/queues/{code}")
    @Operation(summary = "Create or replace a queue (ADMIN)")
    RoutingQueue saveQueue(@AuthenticationPrincipal StaffPrincipal me,
            @PathVariable @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}") String code,
            @Valid @RequestBody SaveQueue q) {
        return routing.saveQueue(me.tenantId(), new RoutingQueue(code, q.name().strip(), q.position(), set(q.categories()),
                set(q.intents()), set(q.languages()), set(q.segments()), set(q.vipTiers()), set(q.channels()),
                set(q.skills()), q.minTier().name()));
    }

    @RequiresPermission(Permission.VIEW_SETTINGS)
    @GetMapping("/routing/settings")
    SettingsResponse settings(@AuthenticationPrincipal StaffPrincipal me) {
        return SettingsResponse.of(routing.settings(me.tenantId()));
    }

    @RequiresPermission(Permission.MANAGE_ROUTING)
    @PutMapping("/routing/settings")
    @Operation(summary = "Policy (fifo, priority, sla-aware), offer timeout and auto-accept (ADMIN)")
    SettingsResponse saveSettings(@AuthenticationPrincipal StaffPrincipal me,
            @Valid @RequestBody SaveSettings s) {
        if (!io.oriole.routing.model.RoutingPolicies.names().contains(s.policy())) {
            throw new InvalidFieldException("policy", "must be one of " + io.oriole.routing.model.RoutingPolicies
                    .names());
        }
        return SettingsResponse.of(routing.saveSettings(me.tenantId(), new RoutingSettings(s.policy(),
                Duration.ofSeconds(s.offerTimeoutSeconds()), s.autoAccept())));
    }

    @RequiresPermission(Permission.ASSIGN_DEDICATED_AGENT)
    @PutMapping("/routing/dedicated-agents/{customerId}")
    @Operation(summary = "Set (or with agentId null remove) a VIP customer's dedicated agent")
    Map<String, Object> dedicated(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long customerId,
            @RequestBody DedicatedAgent request) {
        customers.find(me.tenantId(), customerId).orElseThrow(() -> new UnknownIdException("customer", customerId));
        if (request.agentId() != null && agents.find(me.tenantId(), request.agentId()).isEmpty()) {
            throw new InvalidFieldException("agentId", "no such agent");
        }
        routing.setDedicatedAgent(me.tenantId(), customerId, request.agentId());
        return request.agentId() == null ? Map.of("customerId", customerId)
                : Map.of("customerId", customerId, "agentId", request.agentId());
    }

    @RequiresPermission(Permission.VIEW_REPORTS)
    @GetMapping("/routing/waiting")
    @Operation(summary = "The waiting line with positions and estimated waits (SUPERVISOR)")
    List<WaitResponse> waiting(@AuthenticationPrincipal StaffPrincipal me) {
        return routing.waitingLine(me.tenantId()).stream().map(WaitResponse::of).toList();
    }

    @RequiresPermission(Permission.VIEW_REPORTS)
    @GetMapping("/routing/decisions")
    @Operation(summary = "Routing decisions with their reasons, newest first (SUPERVISOR)")
    List<RoutingDecision> decisions(@AuthenticationPrincipal StaffPrincipal me,
            @RequestParam(required = false) Long conversationId,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        if (conversationId != null) {
            conversations.get(me.tenantId(), conversationId);
        }
        return routing.decisions(me.tenantId(), conversationId, limit);
    }

    private Agent myAgent(StaffPrincipal me) {
        return agents.findByUser(me.tenantId(), me.userId())
                .orElseThrow(() -> new IllegalStateException("you have no agent profile"));
    }

    private Actor actor(StaffPrincipal me) {
        return agents.findByUser(me.tenantId(), me.userId()).map(a -> Actor.agent(a.id(), a.displayName()))
                .orElseGet(() -> new Actor(io.oriole.conversation.AuthorType.SYSTEM, null, me.displayName()));
    }

    private static Set<String> set(Set<String> values) {
        return values == null ? Set.of() : values;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
