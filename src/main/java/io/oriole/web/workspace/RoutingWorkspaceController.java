package io.oriole.web.workspace;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

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
import io.oriole.agent.Presence;
import io.oriole.agent.PresenceManagement;
import io.oriole.conversation.Conversation;
import io.oriole.conversation.ConversationManagement;
import io.oriole.customer.CustomerManagement;
import io.oriole.identity.Permission;
import io.oriole.identity.RequiresPermission;
import io.oriole.identity.StaffPrincipal;
import io.oriole.routing.Offer;
import io.oriole.routing.OfferNotFoundException;
import io.oriole.routing.RoutingManagement;

/**
 * The workspace's routing panel: the agent's presence (toggle plus the page's heartbeat every 20 s) and incoming
 * offers with accept and decline. Accepting opens the conversation.
 */
@Controller
class RoutingWorkspaceController {

    private final RoutingManagement routing;
    private final PresenceManagement presence;
    private final AgentManagement agents;
    private final ConversationManagement conversations;
    private final CustomerManagement customers;
    private final MessageSource messages;

    RoutingWorkspaceController(RoutingManagement routing, PresenceManagement presence, AgentManagement agents,
            ConversationManagement conversations, CustomerManagement customers, MessageSource messages) {
        this.routing = routing;
        this.presence = presence;
        this.agents = agents;
        this.conversations = conversations;
        this.customers = customers;
        this.messages = messages;
    }

    /** One offer as the panel shows it. */
    record OfferView(long id, long conversationId, String customer, String subject, java.time.Instant expiresAt) {
    }

    @RequiresPermission(Permission.ANSWER_OFFERS)
    @GetMapping("/workspace/routing")
    String panel(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        Optional<Agent> mine = agents.findByUser(me.tenantId(), me.userId());
        model.addAttribute("routingAgent", mine.orElse(null));
        model.addAttribute("presence", mine.map(a -> presence.presence(me.tenantId(), a.id())).orElse(null));
        model.addAttribute("presences", Presence.values());
        List<Offer> open = mine.map(a -> routing.openOffers(me.tenantId(), a.id())).orElse(List.of());
        model.addAttribute("offers", open.stream().map(o -> view(me, o)).toList());
        return "workspace/routing :: panel";
    }

    /**
     * The heartbeat (no {@code status}) or the toggle. Answers with the panel so the toggle shows the result.
     */
    @RequiresPermission(Permission.ANSWER_OFFERS)
    @PostMapping("/workspace/presence")
    String presence(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(required = false) Presence status,
            Model model) {
        agents.findByUser(me.tenantId(), me.userId()).ifPresent(a -> {
            if (status == Presence.OFFLINE) {
                presence.signOff(me.tenantId(), a.id());
            }
            else {
                presence.heartbeat(me.tenantId(), a.id(), status);
            }
        });
        return panel(me, model);
    }

    @RequiresPermission(Permission.ANSWER_OFFERS)
    @PostMapping("/workspace/offers/{id}/accept")
    ResponseEntity<Void> accept(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id) {
        Agent agent = agents.findByUser(me.tenantId(), me.userId()).orElseThrow(() -> new OfferNotFoundException(id));
        Offer offer = routing.accept(me.tenantId(), id, agent.id());
        return ResponseEntity.noContent()
                .header("HX-Redirect", "/workspace/conversations/" + offer.conversationId()).build();
    }

    @RequiresPermission(Permission.ANSWER_OFFERS)
    @PostMapping("/workspace/offers/{id}/decline")
    ResponseEntity<Void> decline(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id) {
        Agent agent = agents.findByUser(me.tenantId(), me.userId()).orElseThrow(() -> new OfferNotFoundException(id));
        routing.decline(me.tenantId(), id, agent.id(), null);
        return ResponseEntity.noContent().header("HX-Trigger", "offers-changed, inbox-refresh").build();
    }

    @ExceptionHandler(OfferNotFoundException.class)
    ResponseEntity<String> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body("Not found");
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<String> gone(Locale locale) {
        return ResponseEntity.status(HttpStatus.CONFLICT).header("HX-Trigger", "offers-changed")
                .body(messages.getMessage("routing.offer.gone", null, locale));
    }

    private OfferView view(StaffPrincipal me, Offer o) {
        Conversation c = conversations.get(me.tenantId(), o.conversationId());
        String customer = customers.find(me.tenantId(), c.customerId()).map(x -> x.name()).orElse("#" + c.customerId());
        return new OfferView(o.id(), o.conversationId(), customer, c.subject(), o.expiresAt());
    }
}
