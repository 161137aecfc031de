package io.oriole.bot;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.oriole.bot.internal.BotEngine;
import io.oriole.bot.internal.BotStore;
import io.oriole.conversation.Actor;
import io.oriole.conversation.ConversationManagement;
import io.oriole.knowledge.KnowledgeManagement;
import io.oriole.knowledge.OpenQuestion;
import io.oriole.shared.outbound.OutboundHttp;
import io.oriole.tenant.TenantId;

/** Questions and commands about the bot: its settings, its answers and the customer's and agents' verdicts. */
@Service
public class BotManagement {

    private final BotStore store;
    private final BotEngine engine;
    private final ConversationManagement conversations;
    private final KnowledgeManagement knowledge;
    private final OutboundHttp outbound;
    private final TransactionTemplate tx;
    private final Clock clock;

    BotManagement(BotStore store, BotEngine engine, ConversationManagement conversations,
            KnowledgeManagement knowledge, OutboundHttp outbound, PlatformTransactionManager transactions,
            Clock clock) {
        this.outbound = outbound;
        this.tx = new TransactionTemplate(transactions);
        this.store = store;
        this.engine = engine;
        this.conversations = conversations;
        this.knowledge = knowledge;
        this.clock = clock;
    }

    /**
     * Whether the bot, rather than a person, answers this conversation now: the tenant has the bot on since before
     * the conversation began, it is a live chat, and it has not been handed off, assigned or answered by an agent.
     * Routing holds such a conversation back until {@link BotHandoffRequested}.
     */
    public boolean answers(TenantId tenant, long conversationId) {
        if (!store.settings(tenant.value()).enabled()) {
            return false;
        }
        Optional<java.time.Instant> enabledAt = store.enabledAt(tenant.value());
        return conversations.find(tenant, conversationId)
                .filter(c -> c.channel() == io.oriole.conversation.Channel.CHAT)
                .filter(c -> enabledAt.isPresent() && !c.createdAt().isBefore(enabledAt.get()))
                .filter(c -> c.assigneeAgentId() == null && c.firstResponseAt() == null)
                .filter(c -> store.conversation(tenant.value(), conversationId).map(b -> !b.handedOff()).orElse(true))
                .isPresent();
    }

    public BotSettings settings(TenantId tenant) {
        return store.settings(tenant.value());
    }

    /** @throws BotSettings.InvalidBotSettingException naming the field out of range */
    @Transactional
    public BotSettings updateSettings(TenantId tenant, BotSettings settings) {
        settings.validate();
        store.saveSettings(tenant.value(), settings, clock.instant());
        return settings;
    }

    /** The tenant's generative-answer settings, without the API key (only whether one is set). */
    public GenerativeSettings generativeSettings(TenantId tenant) {
        return store.generative(tenant.value()).view();
    }

    /**
     * Changes the tenant's generative-answer settings; all or nothing.
     *
     * @throws BotSettings.InvalidBotSettingException naming the wrong field
     * @throws io.oriole.shared.outbound.OutboundRefused naming {@code baseUrl} when it leads into the platform's
     *         own networks (loopback, private, link-local, metadata…) and the operator did not allow that host
     */
    public GenerativeSettings updateGenerativeSettings(TenantId tenant, GenerativeSettingsChange change) {
        change.validate();
        GenerativeSettingsChange normalized = change.normalized();
        if (!normalized.baseUrl().isEmpty()) {
            // Before the transaction: the DNS lookup may take seconds and must not hold a pooled connection.
            outbound.addresses().checkSetting(normalized.baseUrl(), "baseUrl");
        }
        return tx.execute(status -> {
            store.saveGenerative(tenant.value(), normalized, clock.instant());
            return store.generative(tenant.value()).view();
        });
    }

    /**
     * Records the customer's answer to "Did this solve your problem?" for the bot reply at {@code replySeq} of
     * their own conversation.
     *
     * @return false when the customer has no such bot answer (another customer's conversation included)
     */
    public boolean recordFeedback(TenantId tenant, long customerId, long conversationId, long replySeq,
            boolean helpful) {
        boolean own = conversations.find(tenant, conversationId).map(c -> c.customerId() == customerId).orElse(false);
        return own && engine.onFeedback(tenant, conversationId, replySeq, helpful);
    }

    /** Seqs of the bot's answers in this conversation that still wait for the customer's "did this help?". */
    public Set<Long> awaitingFeedback(TenantId tenant, long conversationId) {
        return store.turns(tenant.value(), conversationId).stream()
                .filter(t -> t.answered() && t.helpful() == null && t.replySeq() != null).map(BotTurn::replySeq)
                .collect(Collectors.toSet());
    }

    /** What the bot did in the conversation, oldest first. */
    public List<BotTurn> turns(TenantId tenant, long conversationId) {
        conversations.get(tenant, conversationId);
        return store.turns(tenant.value(), conversationId);
    }

    public Optional<BotConversation> state(TenantId tenant, long conversationId) {
        return store.conversation(tenant.value(), conversationId);
    }

    /**
     * An agent marks the bot's answer at {@code replySeq} right or wrong; a wrong answer files the question in the
     * unanswered inbox.
     *
     * @return false when there is no bot answer at that seq in this tenant's conversation
     */
    @Transactional
    public boolean markAnswer(TenantId tenant, long conversationId, long replySeq, boolean right) {
        Optional<BotTurn> turn = store.answerAt(tenant.value(), conversationId, replySeq);
        if (turn.isEmpty()) {
            return false;
        }
        String verdict = right ? "RIGHT" : "WRONG";
        if (verdict.equals(turn.get().verdict())) {
            return true;
        }
        store.setVerdict(tenant.value(), turn.get().id(), verdict);
        if (!right) {
            knowledge.recordOpenQuestion(tenant, turn.get().question(), OpenQuestion.Reason.WRONG, conversationId,
                    turn.get().entryId());
        }
        return true;
    }

    /** An agent hands a handed-off conversation back to the bot (and out of their own hands). */
    public void returnToBot(TenantId tenant, long conversationId, Actor by) {
        engine.returnToBot(tenant, conversationId, by);
    }
}
