package io.oriole.web.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.oriole.agent.AgentManagement;
import io.oriole.bot.BotConversation;
import io.oriole.bot.BotManagement;
import io.oriole.bot.BotSettings;
import io.oriole.bot.BotTurn;
import io.oriole.conversation.Actor;
import io.oriole.conversation.ConversationManagement;
import io.oriole.identity.Permission;
import io.oriole.identity.RequiresPermission;
import io.oriole.identity.StaffPrincipal;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Bot", description = "The tenant's bot settings (ADMIN to change) and the bot's part in a conversation")
class BotController {

    private final BotManagement bot;
    private final ConversationManagement conversations;
    private final AgentManagement agents;

    BotController(BotManagement bot, ConversationManagement conversations, AgentManagement agents) {
        this.bot = bot;
        this.conversations = conversations;
        this.agents = agents;
    }

    record SettingsRequest(@NotNull Boolean enabled, @NotNull @DecimalMin("0") @DecimalMax("1") Double minConfidence,
            @NotNull @Min(1) @Max(10) Integer maxUnhelpful, @NotNull Boolean handoffOnVip,
            @NotNull Boolean handoffOnUrgent, @NotNull Boolean handoffOnNegative) {
    }

    /** {@code state} ACTIVE or HANDED_OFF (null before the bot saw the conversation). */
    record ConversationBotResponse(String state, String handoffReason, String handoffSummary, List<BotTurn> turns) {
    }

    /** An agent's mark on the bot's answer at {@code seq}. */
    record Verdict(@NotNull Long seq, @NotNull Boolean right) {
    }

    @RequiresPermission(Permission.VIEW_SETTINGS)
    @GetMapping("/bot/settings")
    BotSettings settings(@AuthenticationPrincipal StaffPrincipal me) {
        return bot.settings(me.tenantId());
    }

    @RequiresPermission(Permission.MANAGE_BOT)
    @PutMapping("/bot/settings")
    BotSettings updateSettings(@AuthenticationPrincipal StaffPrincipal me, @Valid @RequestBody SettingsRequest r) {
        return bot.updateSettings(me.tenantId(), new BotSettings(r.enabled(), r.minConfidence(), r.maxUnhelpful(),
                r.handoffOnVip(), r.handoffOnUrgent(), r.handoffOnNegative()));
    }

    @RequiresPermission(Permission.VIEW_CONVERSATIONS)
    @GetMapping("/conversations/{id}/bot")
    ConversationBotResponse conversationBot(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id) {
        List<BotTurn> turns = bot.turns(me.tenantId(), id);
        var state = bot.state(me.tenantId(), id);
        return new ConversationBotResponse(state.map(BotConversation::state).orElse(null),
                state.map(s -> s.handoffReason() == null ? null : s.handoffReason().name()).orElse(null),
                state.map(BotConversation::handoffSummary).orElse(null), turns);
    }

    @RequiresPermission(Permission.HANDLE_CONVERSATION)
    @PostMapping("/conversations/{id}/bot/verdicts")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void verdict(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id, @Valid @RequestBody Verdict v) {
        conversations.get(me.tenantId(), id);
        if (!bot.markAnswer(me.tenantId(), id, v.seq(), v.right())) {
            throw new InvalidFieldException("seq", "is not a bot answer in this conversation");
        }
    }

    /** Hands a conversation back to the bot and out of the caller's hands. */
    @RequiresPermission(Permission.HANDLE_CONVERSATION)
    @PostMapping("/conversations/{id}/bot/resume")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resume(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id) {
        conversations.get(me.tenantId(), id);
        Actor by = agents.findByUser(me.tenantId(), me.userId())
                .map(a -> Actor.agent(a.id(), a.displayName())).orElse(Actor.system());
        bot.returnToBot(me.tenantId(), id, by);
    }

    @ExceptionHandler(BotSettings.InvalidBotSettingException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ProblemDetail invalidSetting(BotSettings.InvalidBotSettingException e) {
        return KnowledgeController.fieldProblem(e.field(), e.getMessage());
    }
}
