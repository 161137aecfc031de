package io.oriole.web.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.oriole.bot.BotManagement;
import io.oriole.bot.BotSettings;
import io.oriole.bot.GenerativeSettings;
import io.oriole.bot.GenerativeSettingsChange;
import io.oriole.identity.Permission;
import io.oriole.identity.RequiresPermission;
import io.oriole.identity.StaffPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The tenant's optional generative bot answers: which OpenAI-compatible endpoint phrases the bot's answers from the
 * retrieved entries. Admins only, both ways, since the settings name where customers' messages are sent. The API key
 * is write-only: responses say {@code apiKeySet} and never carry it.
 */
@RequiresPermission(Permission.MANAGE_BOT)
@RestController
@RequestMapping("/api/v1/bot/generative")
@Tag(name = "Bot", description = "The tenant's bot settings (ADMIN to change) and the bot's part in a conversation")
class BotGenerativeController {

    private final BotManagement bot;

    BotGenerativeController(BotManagement bot) {
        this.bot = bot;
    }

    /**
     * {@code apiKey}: omit or null to keep the stored key, {@code ""} to remove it, any other value to replace it.
     * {@code timeoutSeconds} 1..60, {@code maxCitations} 1..5; {@code baseUrl} e.g. {@code https://api.openai.com/v1}.
     */
    record GenerativeRequest(@NotNull Boolean enabled, String baseUrl, String model, String apiKey,
            @NotNull Integer timeoutSeconds, @NotNull Integer maxCitations) {

        @Override
        public String toString() {
            return "GenerativeRequest[enabled=" + enabled + ", baseUrl=" + baseUrl + ", model=" + model
                    + ", apiKey=" + (apiKey == null ? "absent" : "given") + "]";
        }
    }

    @GetMapping
    @Operation(summary = "Generative answer settings (the API key only as apiKeySet)")
    GenerativeSettings settings(@AuthenticationPrincipal StaffPrincipal me) {
        return bot.generativeSettings(me.tenantId());
    }

    @PutMapping
    @Operation(summary = "Change the generative answer settings; all or nothing")
    GenerativeSettings update(@AuthenticationPrincipal StaffPrincipal me, @Valid @RequestBody GenerativeRequest r) {
        return bot.updateGenerativeSettings(me.tenantId(), new GenerativeSettingsChange(r.enabled(), r.baseUrl(),
                r.model(), r.apiKey(), r.timeoutSeconds(), r.maxCitations()));
    }

    @ExceptionHandler(BotSettings.InvalidBotSettingException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ProblemDetail invalidSetting(BotSettings.InvalidBotSettingException e) {
        return KnowledgeController.fieldProblem(e.field(), e.getMessage());
    }
}
