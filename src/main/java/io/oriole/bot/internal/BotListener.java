package io.oriole.bot.internal;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.oriole.conversation.MessageReceived;
import io.oriole.tenant.TenantId;

/**
 * Lets the bot see each customer message after intake has committed, on the bot module's own executor.
 *
 * <p>Runs without a transaction around it: the engine's steps each commit their own, and a generative answer is
 * phrased between them, so a slow endpoint (up to the tenant's timeout, 10 s by default) never holds the
 * conversation's bot-state lock or a database connection. Not even a {@code NOT_SUPPORTED} scope: it would keep the
 * first connection touched bound to the thread while the next step's transaction takes a second. The event still
 * counts as handled only when this method returns, so a crash mid-way redelivers it.
 */
@Component
class BotListener {

    private final BotEngine engine;
    private final AnswerPhrasing phrasing;
    private final BotStore store;

    BotListener(BotEngine engine, AnswerPhrasing phrasing, BotStore store) {
        this.engine = engine;
        this.phrasing = phrasing;
        this.store = store;
    }

    /** Whether the tenant's bot is on (its settings are cached for a few seconds; see {@link BotStore}). */
    public boolean isOn(long tenantId) {
        return store.settings(tenantId).enabled();
    }

    /**
     * Asked when the message is published: a tenant without the bot records no delivery for it at all, which is
     * most tenants and one write in three per message saved.
     */
    @Async(BotEvents.EXECUTOR)
    @TransactionalEventListener(condition = "@botListener.isOn(#event.tenantId())")
    void on(MessageReceived event) {
        engine.onCustomerMessage(new TenantId(event.tenantId()), event.conversationId(), event.messageId(),
                event.body(), event.occurredAt())
                .ifPresent(pending -> engine.finishAnswer(pending, phrasing.answer(event.tenantId(),
                        pending.generative(), pending.question(), pending.matches())));
    }
}
