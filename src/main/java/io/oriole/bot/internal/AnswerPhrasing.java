package io.oriole.bot.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.oriole.bot.model.AnswerPrompt;
import io.oriole.bot.model.GroundedAnswer;
import io.oriole.knowledge.KnowledgeMatch;
import io.oriole.shared.outbound.OutboundHttp;
import io.oriole.triage.Language;
import io.oriole.triage.model.LanguageDetector;

/**
 * Phrases a confident bot answer with the tenant's generative model (any OpenAI-compatible chat-completions
 * endpoint, through LangChain4j's {@link OpenAiChatModel}) from the top retrieved entries, or falls back to the best
 * entry's own text. The model never widens what the bot may say: it gets only entries the retrieval already found
 * confident enough to answer with, and a reply that cites none of them, says it cannot answer, is empty, fails or is
 * late becomes the plain answer.
 *
 * <p>A call blocks its caller for up to the tenant's timeout, so it must never run inside a transaction (the bot
 * calls it between two, see {@code BotListener}). It also occupies a thread of the shared event-listener pool, so at
 * most {@code oriole.bot.generative.max-concurrent-calls} (default 4) run at once per node; a message arriving when
 * all are busy gets the plain answer at once rather than queueing behind a slow endpoint.
 */
@Component
public class AnswerPhrasing {

    private static final Logger log = LoggerFactory.getLogger(AnswerPhrasing.class);

    private final Semaphore calls;

    private final OutboundHttp outbound;

    /** One client per tenant, rebuilt when its settings change; building one per message would waste connections. */
    private final Map<Long, TenantModel> models = new ConcurrentHashMap<>();

    private record TenantModel(String baseUrl, String model, String apiKey, int timeoutSeconds, ChatModel chat) {

        boolean matches(GenerativeConfig c) {
            return baseUrl.equals(c.baseUrl()) && model.equals(c.model()) && java.util.Objects.equals(apiKey,
                    c.apiKey()) && timeoutSeconds == c.timeoutSeconds();
        }
    }

    AnswerPhrasing(@Value("${oriole.bot.generative.max-concurrent-calls:4}") int maxConcurrentCalls,
            OutboundHttp outbound) {
        this.calls = new Semaphore(Math.max(1, maxConcurrentCalls));
        this.outbound = outbound;
    }

    /**
     * The answer to send for {@code question}, given confident {@code matches} (best first): generated and citing
     * entries when the tenant turned generative answers on and the model gave a grounded reply, otherwise the best
     * entry's own text.
     */
    public BotAnswer answer(long tenantId, GenerativeConfig config, String question, List<KnowledgeMatch> matches) {
        BotAnswer plain = BotAnswer.plain(matches.get(0));
        if (!config.enabled()) {
            return plain;
        }
        if (!calls.tryAcquire()) {
            log.warn("All generative calls busy; tenant {} gets the plain answer", tenantId);
            return plain;
        }
        try {
            List<KnowledgeMatch> given = matches.subList(0, Math.min(matches.size(), config.maxCitations()));
            Language language = LanguageDetector.detect(question);
            List<AnswerPrompt.Source> sources = given.stream()
                    .map(m -> new AnswerPrompt.Source(m.entry().title(), m.entry().body())).toList();
            ChatResponse response = model(tenantId, config).chat(
                    SystemMessage.from(AnswerPrompt.instructions(language)),
                    UserMessage.from(AnswerPrompt.question(question, sources)));
            String text = response == null || response.aiMessage() == null ? null : response.aiMessage().text();
            Optional<GroundedAnswer> grounded = GroundedAnswer.of(text, given.size());
            if (grounded.isEmpty()) {
                log.info("Generative reply for tenant {} cited no given entry or declined; plain answer sent",
                        tenantId);
                return plain;
            }
            List<Integer> citations = grounded.get().citations();
            List<Long> cited = citations.stream().map(n -> given.get(n - 1).entry().id()).toList();
            List<String> titles = given.stream().map(m -> m.entry().title()).toList();
            return new BotAnswer(grounded.get().reply(titles, language), given.get(citations.get(0) - 1), true,
                    cited);
        }
        catch (RuntimeException failed) {
            // Timeouts, refused connections, 4xx/5xx (a redirect included: it is not followed), an endpoint that now
            // resolves to a forbidden address, and unreadable bodies all end here; the customer still gets
            // the entry. The message names the endpoint's complaint, never the key.
            log.warn("Generative call for tenant {} failed, plain answer sent: {}", tenantId, failed.toString());
            return plain;
        }
        finally {
            calls.release();
        }
    }

    private ChatModel model(long tenantId, GenerativeConfig config) {
        return models.compute(tenantId, (id, cached) -> cached != null && cached.matches(config) ? cached
                : new TenantModel(config.baseUrl(), config.model(), config.apiKey(), config.timeoutSeconds(),
                        // The tenant chose the URL: each call is checked against the platform's own networks.
                        OpenAiChatModel.builder().httpClientBuilder(new CheckedHttpClientBuilder(outbound))
                                .baseUrl(config.baseUrl()).apiKey(config.apiKey())
                                .modelName(config.model()).timeout(config.timeout())
                                // One attempt: a retry would multiply the customer's wait past the timeout.
                                .maxRetries(0).build()))
                .chat();
    }
}
