package io.oriole.web.workspace;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import io.oriole.agent.Agent;
import io.oriole.agent.AgentManagement;
import io.oriole.conversation.Actor;
import io.oriole.conversation.Conversation;
import io.oriole.conversation.ConversationManagement;
import io.oriole.conversation.ConversationNotFoundException;
import io.oriole.conversation.ConversationStatus;
import io.oriole.conversation.InboxFilter;
import io.oriole.conversation.NotesOnlyCollaboratorException;
import io.oriole.customer.CustomerManagement;
import io.oriole.identity.Permission;
import io.oriole.identity.RequiresPermission;
import io.oriole.identity.StaffPrincipal;
import io.oriole.shared.PlainText;
import io.oriole.triage.PriorityLevel;
import io.oriole.triage.TriageManagement;

/**
 * The agent workspace: inbox on the left, the open conversation in the middle, the customer on the right. Pages
 * render in full; htmx requests get fragments, and commands answer 204 with an {@code HX-Trigger} naming what
 * changed so that each panel reloads itself (the same triggers the WebSocket client fires for other people's
 * changes).
 */
@RequiresPermission(Permission.VIEW_CONVERSATIONS)
@Controller
class WorkspaceController {

    private static final int INBOX_PAGE = 50;
    private static final int MESSAGE_PAGE = 200;

    private final ConversationManagement conversations;
    private final CustomerManagement customers;
    private final AgentManagement agents;
    private final TriageManagement triage;
    private final MessageSource messageSource;

    WorkspaceController(ConversationManagement conversations, CustomerManagement customers, AgentManagement agents,
            TriageManagement triage, MessageSource messageSource) {
        this.conversations = conversations;
        this.customers = customers;
        this.agents = agents;
        this.triage = triage;
        this.messageSource = messageSource;
    }

    @GetMapping("/workspace")
    String workspace(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(required = false) String view,
            @RequestParam(required = false) String status, Model model) {
        inbox(me, view, status, model);
        return "workspace/index";
    }

    @GetMapping("/workspace/inbox")
    String inboxList(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(required = false) String view,
            @RequestParam(required = false) String status, @RequestParam(required = false) Long selected,
            Model model) {
        inbox(me, view, status, model);
        model.addAttribute("selectedId", selected);
        return "workspace/inbox :: list";
    }

    @GetMapping("/workspace/conversations/{id}")
    String conversation(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @RequestParam(required = false) String view, @RequestParam(required = false) String status,
            Model model) {
        Conversation conversation = conversations.get(me.tenantId(), id);
        inbox(me, view, status, model);
        header(me, conversation, model);
        model.addAttribute("selectedId", id);
        model.addAttribute("messages", conversations.messages(me.tenantId(), id, 0, true, MESSAGE_PAGE));
        model.addAttribute("customer", customers.get(me.tenantId(), conversation.customerId()));
        model.addAttribute("recent", conversations.ofCustomer(me.tenantId(), conversation.customerId(), 6).stream()
                .filter(c -> c.id() != id).limit(5).toList());
        model.addAttribute("timeline", conversations.timeline(me.tenantId(), id));
        model.addAttribute("triage", triage.latest(me.tenantId(), id).orElse(null));
        model.addAttribute("notesOnly", myAgent(me).map(a -> MovesWorkspaceController.isNotesOnly(
                conversations.participants(me.tenantId(), id), a.id())).orElse(false));
        return "workspace/conversation";
    }

    /** Triage runs after the message is stored, so the panel reloads when the live push says it finished. */
    @GetMapping("/workspace/conversations/{id}/triage")
    String triageFragment(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id, Model model) {
        model.addAttribute("conversation", conversations.get(me.tenantId(), id));
        model.addAttribute("triage", triage.latest(me.tenantId(), id).orElse(null));
        model.addAttribute("me", me);
        return "workspace/conversation :: triage";
    }

    /** Supervisors set the level by hand with a reason; an empty level hands it back to triage. */
    @RequiresPermission(Permission.OVERRIDE_PRIORITY)
    @PostMapping("/workspace/conversations/{id}/priority")
    ResponseEntity<Void> overridePriority(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @RequestParam(defaultValue = "") String level, @RequestParam(defaultValue = "") String reason) {
        conversations.get(me.tenantId(), id);
        if (level.isBlank()) {
            triage.clearPriorityOverride(me.tenantId(), id, reason, me.userId(), me.displayName());
        } else {
            triage.overridePriority(me.tenantId(), id, PriorityLevel.valueOf(level), reason, me.userId(),
                    me.displayName());
        }
        return changed("conv-changed, inbox-refresh");
    }

    @GetMapping("/workspace/conversations/{id}/header")
    String headerFragment(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id, Model model) {
        header(me, conversations.get(me.tenantId(), id), model);
        return "workspace/conversation :: convHeader";
    }

    @GetMapping("/workspace/conversations/{id}/timeline")
    String timelineFragment(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id, Model model) {
        model.addAttribute("conversation", conversations.get(me.tenantId(), id));
        model.addAttribute("timeline", conversations.timeline(me.tenantId(), id));
        return "workspace/conversation :: timeline";
    }

    /** Messages after the last one the page holds; the page drops any seq it already shows. */
    @GetMapping("/workspace/conversations/{id}/messages")
    String messages(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @RequestParam(defaultValue = "0") long after, Model model) {
        model.addAttribute("messages", conversations.messages(me.tenantId(), id, after, true, MESSAGE_PAGE));
        return "workspace/conversation :: messages";
    }

    @RequiresPermission(Permission.HANDLE_CONVERSATION)
    @PostMapping("/workspace/conversations/{id}/reply")
    ResponseEntity<Void> reply(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @RequestParam(defaultValue = "") String body,
            @RequestHeader(name = "HX-Request", required = false) String htmx) {
        conversations.reply(me.tenantId(), id, actor(me), body);
        return htmx == null ? backTo(id) : changed("messages-changed, conv-changed");
    }

    @RequiresPermission(Permission.HANDLE_CONVERSATION)
    @PostMapping("/workspace/conversations/{id}/note")
    ResponseEntity<Void> note(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @RequestParam(defaultValue = "") String body,
            @RequestHeader(name = "HX-Request", required = false) String htmx) {
        conversations.addNote(me.tenantId(), id, actor(me), body);
        return htmx == null ? backTo(id) : changed("messages-changed");
    }

    @RequiresPermission(Permission.TAKE_CONVERSATION)
    @PostMapping("/workspace/conversations/{id}/assign")
    ResponseEntity<Void> assign(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @RequestParam(required = false) String agentId) {
        Actor by = actor(me);
        Agent target = "me".equals(agentId) ? myAgent(me).orElseThrow()
                : agentId == null || agentId.isBlank() ? null
                        : agents.find(me.tenantId(), parseId(agentId)).orElseThrow(
                                () -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown agent"));
        Permission.toAssign(conversations.get(me.tenantId(), id).assigneeAgentId(),
                target == null ? null : target.id(), by.id()).demand(me);
        conversations.assign(me.tenantId(), id, target == null ? null : target.id(),
                target == null ? null : target.displayName(), by);
        return changed("conv-changed, inbox-refresh");
    }

    @RequiresPermission(Permission.HANDLE_CONVERSATION)
    @PostMapping("/workspace/conversations/{id}/status")
    ResponseEntity<Void> status(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @RequestParam String status) {
        ConversationStatus target = parseStatus(status);
        if (target == null) {
            throw new IllegalArgumentException("unknown status");
        }
        conversations.setStatus(me.tenantId(), id, target, actor(me));
        return changed("conv-changed, inbox-refresh");
    }

    @ExceptionHandler(ConversationNotFoundException.class)
    ResponseEntity<String> notFound() {
        // Another tenant's id looks exactly like one that never existed.
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body("Not found");
    }

    /** htmx shows these texts as they are, so they are translated here. */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<String> invalid(Locale locale) {
        return ResponseEntity.badRequest().body(text("workspace.error.body", locale));
    }

    /**
     * The text rule of {@link PlainText}: a blank or too long text gets the usual "1 to 10000 characters", an
     * unstorable or invisible one is told which.
     */
    @ExceptionHandler(PlainText.TextRefused.class)
    ResponseEntity<String> refusedText(PlainText.TextRefused e, Locale locale) {
        if (e.reason() == PlainText.Reason.BLANK || e.reason() == PlainText.Reason.TOO_LONG) {
            return ResponseEntity.badRequest().body(text("workspace.error.body", locale));
        }
        return ResponseEntity.badRequest().body(messageSource.getMessage(e.messageKey(), new Object[] { e.max() },
                locale));
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<String> conflict(Locale locale) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(text("workspace.error.state", locale));
    }

    @ExceptionHandler(NoAgentProfileException.class)
    ResponseEntity<String> noAgentProfile(Locale locale) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(text("workspace.noAgentProfile", locale));
    }

    /** ConversationManagement refuses it; the agent is told why in their language rather than given a conflict. */
    @ExceptionHandler(NotesOnlyCollaboratorException.class)
    ResponseEntity<String> notesOnly(Locale locale) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(text("moves.error.notesOnly", locale));
    }

    private String text(String key, Locale locale) {
        return messageSource.getMessage(key, new Object[] { ConversationManagement.MAX_BODY }, locale);
    }

    private void inbox(StaffPrincipal me, String view, String status, Model model) {
        Optional<Agent> mine = myAgent(me);
        InboxFilter.View v = parseView(view, mine.isPresent());
        ConversationStatus s = parseStatus(status);
        InboxFilter filter = new InboxFilter(v, mine.map(Agent::id).orElse(null), s, null);
        List<Conversation> list = v == InboxFilter.View.MINE && mine.isEmpty() ? List.of()
                : conversations.inbox(me.tenantId(), filter, 0, INBOX_PAGE);
        model.addAttribute("view", v.name().toLowerCase());
        model.addAttribute("status", s == null ? "" : s.name());
        model.addAttribute("statuses", ConversationStatus.values());
        model.addAttribute("inbox", list);
        model.addAttribute("levels", triage.latestLevels(me.tenantId(), list.stream().map(Conversation::id).toList()));
        Map<Long, String> names = customers.names(me.tenantId(), list.stream().map(Conversation::customerId)
                .distinct().toList());
        model.addAttribute("customerNames", list.stream().map(Conversation::customerId).distinct()
                .collect(Collectors.toMap(Function.identity(), cid -> names.getOrDefault(cid, "#" + cid))));
        model.addAttribute("me", me);
        model.addAttribute("myAgent", mine.orElse(null));
        model.addAttribute("agentNames", agentNames(me));
    }

    private void header(StaffPrincipal me, Conversation conversation, Model model) {
        model.addAttribute("conversation", conversation);
        model.addAttribute("agents", agents.roster(me.tenantId()));
        model.addAttribute("agentNames", agentNames(me));
        model.addAttribute("myAgent", myAgent(me).orElse(null));
        model.addAttribute("statuses", ConversationStatus.values());
    }

    private Map<Long, String> agentNames(StaffPrincipal me) {
        return agents.roster(me.tenantId()).stream().collect(Collectors.toMap(Agent::id, Agent::displayName));
    }

    private Optional<Agent> myAgent(StaffPrincipal me) {
        return agents.findByUser(me.tenantId(), me.userId());
    }

    /** Only staff with an agent profile speak in conversations; an admin without one may still look. */
    private Actor actor(StaffPrincipal me) {
        Agent agent = myAgent(me).orElseThrow(NoAgentProfileException::new);
        return Actor.agent(agent.id(), agent.displayName());
    }

    private static InboxFilter.View parseView(String view, boolean hasAgent) {
        if (view == null || view.isBlank()) {
            return hasAgent ? InboxFilter.View.MINE : InboxFilter.View.ALL;
        }
        try {
            return InboxFilter.View.valueOf(view.toUpperCase());
        }
        catch (IllegalArgumentException unknown) {
            return InboxFilter.View.ALL;
        }
    }

    private static ConversationStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ConversationStatus.valueOf(status.toUpperCase());
        }
        catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static long parseId(String id) {
        try {
            return Long.parseLong(id);
        }
        catch (NumberFormatException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown agent");
        }
    }

    /**
     * A composer submitted before the page's scripts took over (a slow connection, a quick agent) arrives as a plain
     * form post: the message is stored all the same, and the browser goes back to the conversation.
     */
    private static ResponseEntity<Void> backTo(long conversationId) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(java.net.URI.create("/workspace/conversations/" + conversationId)).build();
    }

    private static ResponseEntity<Void> changed(String triggers) {
        return ResponseEntity.noContent().header("HX-Trigger", triggers).build();
    }

    static class NoAgentProfileException extends RuntimeException {
        NoAgentProfileException() {
            super("an agent profile is needed to act on conversations");
        }
    }
}
