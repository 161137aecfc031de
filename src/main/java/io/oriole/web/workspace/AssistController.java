package io.oriole.web.workspace;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.oriole.agent.AgentManagement;
import io.oriole.bot.BotManagement;
import io.oriole.bot.BotTurn;
import io.oriole.conversation.Actor;
import io.oriole.conversation.ConversationManagement;
import io.oriole.conversation.Message;
import io.oriole.identity.Permission;
import io.oriole.identity.RequiresPermission;
import io.oriole.identity.StaffPrincipal;
import io.oriole.knowledge.KnowledgeManagement;

/**
 * The agent-assist panel of a conversation: knowledge entries suggested for the customer's latest message (to insert
 * into the reply box and edit), the bot's handoff summary, and the bot's answers for the agent to mark right or
 * wrong. A self-contained fragment loaded by htmx.
 */
@Controller
class AssistController {

    static final int SUGGESTIONS = 3;

    private final ConversationManagement conversations;
    private final KnowledgeManagement knowledge;
    private final BotManagement bot;
    private final AgentManagement agents;

    AssistController(ConversationManagement conversations, KnowledgeManagement knowledge, BotManagement bot,
            AgentManagement agents) {
        this.conversations = conversations;
        this.knowledge = knowledge;
        this.bot = bot;
        this.agents = agents;
    }

    @RequiresPermission(Permission.USE_KNOWLEDGE)
    @GetMapping("/workspace/conversations/{id}/assist")
    String assist(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id, Model model) {
        var conversation = conversations.get(me.tenantId(), id);
        String question = conversations.lastCustomerMessage(me.tenantId(), id).map(Message::body).orElse(null);
        List<BotTurn> answers = bot.turns(me.tenantId(), id).stream().filter(BotTurn::answered).toList();
        Map<Long, String> titles = answers.stream().map(BotTurn::entryId).filter(e -> e != null).distinct()
                .collect(Collectors.toMap(Function.identity(), e -> {
                    try {
                        return knowledge.get(me.tenantId(), e).title();
                    }
                    catch (RuntimeException gone) {
                        return "#" + e;
                    }
                }));
        model.addAttribute("conversation", conversation);
        model.addAttribute("suggestions", question == null ? List.of() : knowledge.search(me.tenantId(), question,
                SUGGESTIONS));
        model.addAttribute("botState", bot.state(me.tenantId(), id).orElse(null));
        model.addAttribute("botAnswers", answers);
        model.addAttribute("entryTitles", titles);
        return "workspace/assist :: assist";
    }

    @RequiresPermission(Permission.HANDLE_CONVERSATION)
    @PostMapping("/workspace/conversations/{id}/bot-verdict")
    ResponseEntity<Void> verdict(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @RequestParam long seq, @RequestParam boolean right) {
        conversations.get(me.tenantId(), id);
        bot.markAnswer(me.tenantId(), id, seq, right);
        return ResponseEntity.noContent().header("HX-Trigger", "conv-changed").build();
    }

    @RequiresPermission(Permission.HANDLE_CONVERSATION)
    @PostMapping("/workspace/conversations/{id}/bot-resume")
    ResponseEntity<Void> resume(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id) {
        conversations.get(me.tenantId(), id);
        Actor by = agents.findByUser(me.tenantId(), me.userId()).map(a -> Actor.agent(a.id(), a.displayName()))
                .orElse(Actor.system());
        bot.returnToBot(me.tenantId(), id, by);
        return ResponseEntity.noContent().header("HX-Trigger", "conv-changed, messages-changed").build();
    }
}
