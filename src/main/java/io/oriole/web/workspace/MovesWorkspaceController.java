package io.oriole.web.workspace;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.oriole.agent.Agent;
import io.oriole.agent.AgentManagement;
import io.oriole.agent.Department;
import io.oriole.agent.Presence;
import io.oriole.agent.PresenceManagement;
import io.oriole.agent.Tier;
import io.oriole.conversation.Actor;
import io.oriole.conversation.Conversation;
import io.oriole.conversation.ConversationManagement;
import io.oriole.conversation.ConversationNotFoundException;
import io.oriole.conversation.Participant;
import io.oriole.identity.Permission;
import io.oriole.identity.RequiresPermission;
import io.oriole.identity.StaffPrincipal;
import io.oriole.routing.RoutingManagement;
import io.oriole.routing.RoutingQueue;

/**
 * The conversation view's "Move / share" panel: transfer to an agent, queue or department with a note, escalate one
 * tier up with a reason, invite a specialist (who may write to the customer or only post internal notes) and leave.
 * The moves themselves are routing's ({@link RoutingManagement}), which keeps the customer owned throughout; this
 * controller checks what an agent at the screen can get wrong (an offline or unknown target, a conversation already
 * with L3, inviting the owner) first, so each refusal reads as a translated sentence in the panel rather than an
 * error page, and nothing is half done.
 */
@Controller
class MovesWorkspaceController {

    /** The same limit as the REST API's transfer and escalation notes. */
    static final int MAX_NOTE = 2000;

    private final ConversationManagement conversations;
    private final RoutingManagement routing;
    private final AgentManagement agents;
    private final PresenceManagement presence;
    private final MessageSource messages;

    MovesWorkspaceController(ConversationManagement conversations, RoutingManagement routing, AgentManagement agents,
            PresenceManagement presence, MessageSource messages) {
        this.conversations = conversations;
        this.routing = routing;
        this.agents = agents;
        this.presence = presence;
        this.messages = messages;
    }

    /** An agent as the select lists show them: {@code Sofia Rossi · L2 · Billing · online}. */
    record AgentChoice(long id, String name, Tier tier, String departments, Presence presence) {
    }

    /** An invited specialist still in the conversation; {@code mine} when it is the viewer. */
    record CollaboratorView(long agentId, String name, String departments, boolean canReply, boolean mine) {
    }

    @RequiresPermission(Permission.MOVE_CONVERSATION)
    @GetMapping("/workspace/conversations/{id}/moves")
    String panel(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id, Model model) {
        Conversation conversation = conversations.get(me.tenantId(), id);
        Optional<Agent> mine = agents.findByUser(me.tenantId(), me.userId());
        List<Agent> all = agents.list(me.tenantId());
        Map<String, String> departmentNames = agents.departments(me.tenantId()).stream()
                .collect(Collectors.toMap(Department::code, Department::name));
        Map<Long, Presence> present = presence.present(me.tenantId());
        List<Participant> collaborators = activeCollaborators(conversations.participants(me.tenantId(), id));
        Set<Long> collaboratorIds = collaborators.stream().map(Participant::agentId).collect(Collectors.toSet());
        Map<Long, Agent> byId = all.stream().collect(Collectors.toMap(Agent::id, a -> a));
        Long ownerId = conversation.assigneeAgentId();
        Tier ownerTier = ownerId == null || !byId.containsKey(ownerId) ? null : byId.get(ownerId).tier();

        model.addAttribute("conversation", conversation);
        model.addAttribute("myAgent", mine.orElse(null));
        model.addAttribute("canRemove", Permission.REMOVE_COLLABORATOR.allows(me));
        model.addAttribute("notesOnly", mine.map(a -> isNotesOnly(collaborators, a.id())).orElse(false));
        model.addAttribute("collaborators", collaborators.stream()
                .map(p -> new CollaboratorView(p.agentId(), byId.containsKey(p.agentId())
                        ? byId.get(p.agentId()).displayName() : "#" + p.agentId(),
                        departments(byId.get(p.agentId()), departmentNames), p.canReply(),
                        mine.map(a -> a.id() == p.agentId()).orElse(false)))
                .toList());
        model.addAttribute("targets", all.stream().filter(a -> !a.id().equals(ownerId))
                .map(a -> choice(a, departmentNames, present)).toList());
        model.addAttribute("inviteChoices", all.stream()
                .filter(a -> !a.id().equals(ownerId) && !collaboratorIds.contains(a.id())
                        && !mine.map(m -> m.id().equals(a.id())).orElse(false))
                .map(a -> choice(a, departmentNames, present)).toList());
        model.addAttribute("queues", routing.queues(me.tenantId()));
        model.addAttribute("departments", agents.departments(me.tenantId()));
        model.addAttribute("ownerTier", ownerTier);
        model.addAttribute("nextTier", ownerTier == null || ownerTier == Tier.L3 ? null
                : Tier.values()[ownerTier.ordinal() + 1]);
        return "workspace/moves :: panel";
    }

    /**
     * {@code target} is {@code agent:<id>}, {@code queue:<code>} or {@code department:<code>}. To an agent the
     * conversation moves at once; to a queue or department the current owner keeps it until someone accepts.
     */
    @RequiresPermission(Permission.MOVE_CONVERSATION)
    @PostMapping("/workspace/conversations/{id}/transfer")
    ResponseEntity<Void> transfer(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @RequestParam(defaultValue = "") String target, @RequestParam(defaultValue = "") String note) {
        Conversation conversation = activeConversation(me, id);
        Actor by = actor(me);
        Permission.toMove(conversation.assigneeAgentId(), by.id()).demand(me);
        String why = requireNote(note);
        int colon = target.indexOf(':');
        String kind = colon < 0 ? "" : target.substring(0, colon);
        String value = colon < 0 ? "" : target.substring(colon + 1).strip();
        switch (kind) {
            case "agent" -> {
                Agent to = agent(me, value).orElseThrow(() -> refused(HttpStatus.BAD_REQUEST,
                        "moves.error.unknownTarget"));
                if (to.id().equals(conversation.assigneeAgentId())) {
                    throw refused(HttpStatus.CONFLICT, "moves.error.alreadyOwner", to.displayName());
                }
                if (presence.presence(me.tenantId(), to.id()) == Presence.OFFLINE) {
                    // Routing would accept it, but the customer would then wait on someone who is not there.
                    throw refused(HttpStatus.CONFLICT, "moves.error.agentOffline", to.displayName());
                }
                routing.transferToAgent(me.tenantId(), id, to.id(), why, by);
            }
            case "queue" -> {
                if (routing.queues(me.tenantId()).stream().map(RoutingQueue::code).noneMatch(value::equals)) {
                    throw refused(HttpStatus.BAD_REQUEST, "moves.error.unknownTarget");
                }
                routing.transferToQueue(me.tenantId(), id, value, why, by);
            }
            case "department" -> {
                if (agents.departments(me.tenantId()).stream().map(Department::code).noneMatch(value::equals)) {
                    throw refused(HttpStatus.BAD_REQUEST, "moves.error.unknownTarget");
                }
                routing.transferToDepartment(me.tenantId(), id, value, why, by);
            }
            default -> throw refused(HttpStatus.BAD_REQUEST, "moves.error.unknownTarget");
        }
        return changed();
    }

    /** One tier up from the owner's; the owner keeps the conversation until a more senior agent accepts it. */
    @RequiresPermission(Permission.MOVE_CONVERSATION)
    @PostMapping("/workspace/conversations/{id}/escalate")
    ResponseEntity<Void> escalate(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @RequestParam(defaultValue = "") String reason) {
        Conversation conversation = activeConversation(me, id);
        Actor by = actor(me);
        String why = requireNote(reason);
        Long ownerId = conversation.assigneeAgentId();
        if (ownerId != null && agents.find(me.tenantId(), ownerId).map(Agent::tier).orElse(Tier.L1) == Tier.L3) {
            throw refused(HttpStatus.CONFLICT, "moves.error.topTier");
        }
        routing.escalate(me.tenantId(), id, why, by);
        return changed();
    }

    /** {@code access} is {@code reply} (may write to the customer) or anything else for internal notes only. */
    @RequiresPermission(Permission.MOVE_CONVERSATION)
    @PostMapping("/workspace/conversations/{id}/collaborators")
    ResponseEntity<Void> invite(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @RequestParam(defaultValue = "") String agentId, @RequestParam(defaultValue = "notes") String access) {
        Conversation conversation = activeConversation(me, id);
        Actor by = actor(me);
        Agent specialist = agent(me, agentId).orElseThrow(() -> refused(HttpStatus.BAD_REQUEST,
                "moves.error.unknownTarget"));
        if (specialist.id().equals(conversation.assigneeAgentId())) {
            throw refused(HttpStatus.CONFLICT, "moves.error.alreadyOwner", specialist.displayName());
        }
        if (specialist.id().equals(by.id())) {
            throw refused(HttpStatus.CONFLICT, "moves.error.inviteSelf");
        }
        routing.invite(me.tenantId(), id, specialist.id(), "reply".equals(access), by);
        return changed();
    }

    /** A collaborator leaves; a supervisor may also take someone else out. The owner transfers instead. */
    @RequiresPermission(Permission.MOVE_CONVERSATION)
    @PostMapping("/workspace/conversations/{id}/collaborators/{agentId}/leave")
    ResponseEntity<Void> leave(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @PathVariable long agentId) {
        Conversation conversation = conversations.get(me.tenantId(), id);
        Actor by = actor(me);
        Agent leaving = agents.find(me.tenantId(), agentId).orElseThrow(() -> new ConversationNotFoundException(id));
        if (!leaving.id().equals(by.id()) && !Permission.REMOVE_COLLABORATOR.allows(me)) {
            throw refused(HttpStatus.FORBIDDEN, "moves.error.leaveOthers");
        }
        if (leaving.id().equals(conversation.assigneeAgentId())) {
            throw refused(HttpStatus.CONFLICT, "moves.error.ownerLeaves");
        }
        routing.leave(me.tenantId(), id, agentId);
        return changed();
    }

    @ExceptionHandler(ConversationNotFoundException.class)
    ResponseEntity<String> notFound(Locale locale) {
        // Another tenant's id looks exactly like one that never existed.
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(text("moves.error.notFound", locale));
    }

    @ExceptionHandler(MoveRefused.class)
    ResponseEntity<String> refusal(MoveRefused refused, Locale locale) {
        return ResponseEntity.status(refused.status).body(text(refused.key, locale, refused.args));
    }

    @ExceptionHandler(WorkspaceController.NoAgentProfileException.class)
    ResponseEntity<String> noAgentProfile(Locale locale) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(text("workspace.noAgentProfile", locale));
    }

    /** What routing refuses after the checks above: a target at capacity, or a conversation closed meanwhile. */
    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<String> conflict(Locale locale) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(text("moves.error.conflict", locale));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<String> invalid(Locale locale) {
        return ResponseEntity.badRequest().body(text("moves.error.unknownTarget", locale));
    }

    /** True when the agent takes part only to post internal notes; such an agent is not offered the reply box. */
    static boolean isNotesOnly(List<Participant> participants, long agentId) {
        return participants.stream().anyMatch(p -> p.agentId() == agentId && p.notesOnly());
    }

    private static List<Participant> activeCollaborators(List<Participant> participants) {
        return participants.stream().filter(p -> p.isActive() && p.role() == Participant.Role.COLLABORATOR)
                .toList();
    }

    private Conversation activeConversation(StaffPrincipal me, long id) {
        Conversation conversation = conversations.get(me.tenantId(), id);
        if (!conversation.status().isActive()) {
            throw refused(HttpStatus.CONFLICT, "moves.error.notActive");
        }
        return conversation;
    }

    private Optional<Agent> agent(StaffPrincipal me, String id) {
        try {
            return agents.find(me.tenantId(), Long.parseLong(id.strip()));
        }
        catch (NumberFormatException notAnId) {
            return Optional.empty();
        }
    }

    private Actor actor(StaffPrincipal me) {
        Agent agent = agents.findByUser(me.tenantId(), me.userId())
                .orElseThrow(WorkspaceController.NoAgentProfileException::new);
        return Actor.agent(agent.id(), agent.displayName());
    }

    private static String requireNote(String note) {
        String why = note.strip();
        if (why.isEmpty() || why.length() > MAX_NOTE) {
            throw refused(HttpStatus.BAD_REQUEST, "moves.error.note", MAX_NOTE);
        }
        return why;
    }

    private static AgentChoice choice(Agent a, Map<String, String> departmentNames, Map<Long, Presence> present) {
        return new AgentChoice(a.id(), a.displayName(), a.tier(), departments(a, departmentNames),
                present.getOrDefault(a.id(), Presence.OFFLINE));
    }

    private static String departments(Agent a, Map<String, String> departmentNames) {
        return a == null ? "" : a.departmentCodes().stream().sorted()
                .map(code -> departmentNames.getOrDefault(code, code)).collect(Collectors.joining(", "));
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static MoveRefused refused(HttpStatus status, String key, Object... args) {
        return new MoveRefused(status, key, args);
    }

    private static ResponseEntity<Void> changed() {
        // The panel, header, timeline and inbox reload themselves; the transfer or escalation note is a new message.
        return ResponseEntity.noContent().header("HX-Trigger", "conv-changed, messages-changed, inbox-refresh")
                .build();
    }

    /** A move the agent cannot make, with the message key that says why. */
    static final class MoveRefused extends RuntimeException {

        private final HttpStatus status;
        private final String key;
        private final Object[] args;

        MoveRefused(HttpStatus status, String key, Object... args) {
            super(key);
            this.status = status;
            this.key = key;
            this.args = args;
        }
    }
}
