package io.oriole.bot.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.oriole.bot.BotConversation;
import io.oriole.bot.BotHandoffRequested;
import io.oriole.bot.BotSettings;
import io.oriole.bot.BotTurn;
import io.oriole.bot.HandoffReason;
import io.oriole.bot.StaffAvailability;
import io.oriole.bot.TranscriptLine;
import io.oriole.bot.model.BotReplies;
import io.oriole.bot.model.HandoffDetector;
import io.oriole.bot.model.HandoffSummary;
import io.oriole.conversation.Actor;
import io.oriole.conversation.Channel;
import io.oriole.conversation.Conversation;
import io.oriole.conversation.ConversationManagement;
import io.oriole.conversation.Message;
import io.oriole.customer.Customer;
import io.oriole.customer.CustomerManagement;
import io.oriole.knowledge.KnowledgeManagement;
import io.oriole.knowledge.KnowledgeMatch;
import io.oriole.knowledge.OpenQuestion;
import io.oriole.tenant.TenantId;
import io.oriole.triage.Language;
import io.oriole.triage.TriageManagement;
import io.oriole.triage.TriageResult;
import io.oriole.triage.Urgency;
import io.oriole.triage.model.LanguageDetector;

/**
 * The bot's decisions for one customer message or one "did this help?" answer, each in one transaction holding
 * the conversation's bot-state row lock. Order of checks for a message: the customer asks for a person → VIP →
 * urgent → negative mood → the best knowledge match is confident enough → otherwise "please rephrase", and after
 * {@code maxUnhelpful} misses in a row, a handoff.
 *
 * <p>A confident match for a tenant with generative answers on is answered in two transactions with the model
 * call between them ({@link #onCustomerMessage} returns a {@link PendingAnswer}, {@link #finishAnswer} sends it), so
 * no row stays locked while the endpoint thinks; {@link #finishAnswer} checks again that the bot still owns the
 * conversation.
 */
@Component
public class BotEngine {

    static final String ACTIVE = "ACTIVE";
    static final String HANDED_OFF = "HANDED_OFF";

    private final BotStore store;
    private final ConversationManagement conversations;
    private final CustomerManagement customers;
    private final KnowledgeManagement knowledge;
    private final TriageManagement triage;
    private final StaffAvailability staff;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BotEngine(BotStore store, ConversationManagement conversations, CustomerManagement customers,
            KnowledgeManagement knowledge, TriageManagement triage, StaffAvailability staff,
            ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.conversations = conversations;
        this.customers = customers;
        this.knowledge = knowledge;
        this.triage = triage;
        this.staff = staff;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A confident answer still to be phrased by the tenant's generative model, outside any transaction; nothing about
     * the message is stored yet, so a crash before {@link #finishAnswer} leaves it to be handled again.
     * {@code matches}: best first, all published, the first confident.
     */
    public record PendingAnswer(TenantId tenant, long conversationId, long messageId, String question,
            List<KnowledgeMatch> matches, GenerativeConfig generative) {
    }

    /**
     * Handles a customer's chat message once (a redelivered message finds its turn and stops); messages received
     * before the bot was switched on are left to people.
     *
     * @return the answer to phrase when the tenant has generative answers on and the bot is confident; empty when
     *         the bot has already done everything it will do with this message
     */
    @Transactional
    public Optional<PendingAnswer> onCustomerMessage(TenantId tenant, long conversationId, long messageId,
            String text, Instant receivedAt) {
        BotSettings settings = store.settings(tenant.value());
        Optional<Instant> enabledAt = store.enabledAt(tenant.value());
        // Switching the bot on never makes it answer the backlog that people are already handling.
        if (!settings.enabled() || enabledAt.isEmpty() || receivedAt.isBefore(enabledAt.get())
                || store.hasTurn(tenant.value(), messageId)) {
            return Optional.empty();
        }
        Optional<Conversation> found = conversations.find(tenant, conversationId);
        if (found.isEmpty() || found.get().channel() != Channel.CHAT) {
            return Optional.empty();
        }
        Conversation conversation = found.get();
        Instant now = clock.instant();
        BotConversation state = store.lockConversation(tenant.value(), conversationId, now);
        // People own the conversation once handed off, assigned, or answered by an agent; the bot never cuts in.
        if (state.handedOff() || conversation.assigneeAgentId() != null || conversation.firstResponseAt() != null) {
            store.insertTurn(tenant.value(), conversationId, messageId, text, "SILENT", null, null, null, now);
            return Optional.empty();
        }
        Language language = LanguageDetector.detect(text);
        if (HandoffDetector.asksForHuman(text)) {
            handOff(tenant, conversation, messageId, text, HandoffReason.CUSTOMER_ASKED, language, null, now);
            return Optional.empty();
        }
        if (settings.handoffOnVip() && customers.find(tenant, conversation.customerId()).map(Customer::isVip)
                .orElse(false)) {
            handOff(tenant, conversation, messageId, text, HandoffReason.VIP, language, null, now);
            return Optional.empty();
        }
        TriageResult preview = triage.preview(tenant, text);
        if (settings.handoffOnUrgent() && preview.urgency() != Urgency.ORDINARY) {
            handOff(tenant, conversation, messageId, text, HandoffReason.URGENT, language, preview, now);
            return Optional.empty();
        }
        if (settings.handoffOnNegative() && preview.sentiment().isNegative()) {
            handOff(tenant, conversation, messageId, text, HandoffReason.NEGATIVE_SENTIMENT, language, preview, now);
            return Optional.empty();
        }
        GenerativeConfig generative = store.generative(tenant.value());
        List<KnowledgeMatch> matches = knowledge.search(tenant, text,
                generative.enabled() ? generative.maxCitations() : 1);
        if (!matches.isEmpty() && matches.get(0).confidence() >= settings.minConfidence()) {
            if (generative.enabled()) {
                return Optional.of(new PendingAnswer(tenant, conversationId, messageId, text, matches, generative));
            }
            send(tenant, conversationId, messageId, text, BotAnswer.plain(matches.get(0)), now);
            return Optional.empty();
        }
        knowledge.recordOpenQuestion(tenant, text, OpenQuestion.Reason.NO_MATCH, conversationId, null);
        int streak = state.unhelpfulStreak() + 1;
        if (streak >= settings.maxUnhelpful()) {
            handOff(tenant, conversation, messageId, text, HandoffReason.NOT_ANSWERED, language, preview, now);
            return Optional.empty();
        }
        Message reply = conversations.reply(tenant, conversationId, Actor.bot(), BotReplies.noMatch(language));
        store.insertTurn(tenant.value(), conversationId, messageId, text, "NO_MATCH",
                matches.isEmpty() ? null : matches.get(0).entry().id(),
                matches.isEmpty() ? null : matches.get(0).confidence(), reply.seq(), now);
        store.updateConversation(tenant.value(), conversationId, ACTIVE, streak, null, null, now);
        return Optional.empty();
    }

    /**
     * Sends an answer phrased outside the transaction, unless the message was handled meanwhile (a redelivery) or
     * people took the conversation over while the model was thinking (handoff, assignment, an agent's reply): then
     * the bot stays silent, as it would have had the message arrived a moment later.
     */
    @Transactional
    public void finishAnswer(PendingAnswer pending, BotAnswer answer) {
        TenantId tenant = pending.tenant();
        long conversationId = pending.conversationId();
        Optional<Conversation> found = conversations.find(tenant, conversationId);
        if (found.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        BotConversation state = store.lockConversation(tenant.value(), conversationId, now);
        if (store.hasTurn(tenant.value(), pending.messageId())) {
            return;
        }
        Conversation conversation = conversations.get(tenant, conversationId);
        if (state.handedOff() || conversation.assigneeAgentId() != null || conversation.firstResponseAt() != null) {
            store.insertTurn(tenant.value(), conversationId, pending.messageId(), pending.question(), "SILENT", null,
                    null, null, now);
            return;
        }
        send(tenant, conversationId, pending.messageId(), pending.question(), answer, now);
    }

    private void send(TenantId tenant, long conversationId, long messageId, String question, BotAnswer answer,
            Instant now) {
        Message reply = conversations.reply(tenant, conversationId, Actor.bot(), answer.text());
        store.insertTurn(tenant.value(), conversationId, messageId, question, "ANSWERED",
                answer.answered().entry().id(), answer.answered().confidence(), reply.seq(), now, answer.generated(),
                answer.citedEntryIds());
    }

    /**
     * The customer's answer to "Did this solve your problem?" under the bot reply at {@code replySeq}. A "no" files
     * the question for the unanswered inbox and counts as a miss; the first answer given counts, later ones are
     * ignored.
     *
     * @return false when there is no such bot answer in the customer's conversation
     */
    @Transactional
    public boolean onFeedback(TenantId tenant, long conversationId, long replySeq, boolean helpful) {
        Optional<BotTurn> turn = store.answerAt(tenant.value(), conversationId, replySeq);
        if (turn.isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        BotConversation state = store.lockConversation(tenant.value(), conversationId, now);
        if (turn.get().helpful() != null) {
            return true;
        }
        store.setHelpful(tenant.value(), turn.get().id(), helpful);
        if (helpful) {
            store.updateConversation(tenant.value(), conversationId, state.state(), 0, state.handoffReason(),
                    state.handoffSummary(), now);
            return true;
        }
        knowledge.recordOpenQuestion(tenant, turn.get().question(), OpenQuestion.Reason.UNHELPFUL, conversationId,
                turn.get().entryId());
        if (state.handedOff()) {
            return true;
        }
        Language language = LanguageDetector.detect(turn.get().question());
        int streak = state.unhelpfulStreak() + 1;
        BotSettings settings = store.settings(tenant.value());
        Conversation conversation = conversations.get(tenant, conversationId);
        if (streak >= settings.maxUnhelpful()) {
            handOff(tenant, conversation, null, turn.get().question(), HandoffReason.NOT_ANSWERED, language, null, now);
        }
        else {
            conversations.reply(tenant, conversationId, Actor.bot(), BotReplies.notHelpful(language));
            store.updateConversation(tenant.value(), conversationId, ACTIVE, streak, null, null, now);
        }
        return true;
    }

    /** An agent hands the conversation back: the bot answers again from the next customer message. */
    @Transactional
    public void returnToBot(TenantId tenant, long conversationId, Actor by) {
        Instant now = clock.instant();
        conversations.get(tenant, conversationId);
        store.lockConversation(tenant.value(), conversationId, now);
        store.updateConversation(tenant.value(), conversationId, ACTIVE, 0, null, null, now);
        conversations.assign(tenant, conversationId, null, null, by);
        conversations.addNote(tenant, conversationId, by, "Sent back to the bot by " + by.name() + ".");
    }

    private void handOff(TenantId tenant, Conversation conversation, Long messageId, String text, HandoffReason reason,
            Language language, TriageResult preview, Instant now) {
        long conversationId = conversation.id();
        StaffAvailability.Availability availability = staff.availability(tenant, now);
        Message reply = conversations.reply(tenant, conversationId, Actor.bot(),
                BotReplies.handoff(language, availability));
        if (messageId != null) {
            store.insertTurn(tenant.value(), conversationId, messageId, text, "HANDOFF", null, null, reply.seq(), now);
        }
        List<HandoffSummary.Turn> turns = new ArrayList<>();
        for (BotTurn t : store.turns(tenant.value(), conversationId)) {
            String title = t.answered() && t.entryId() != null
                    ? safeTitle(tenant, t.entryId()) : null;
            turns.add(new HandoffSummary.Turn(t.question(), title, t.confidence(), t.helpful()));
        }
        String summary = HandoffSummary.of(reason, turns);
        store.updateConversation(tenant.value(), conversationId, HANDED_OFF, 0, reason, summary, now);
        conversations.addNote(tenant, conversationId, Actor.bot(), summary);
        List<TranscriptLine> transcript = conversations
                .messages(tenant, conversationId, 0, false, ConversationManagement.MAX_PAGE).stream()
                .map(m -> new TranscriptLine(m.seq(), m.authorType().name().toLowerCase(java.util.Locale.ROOT),
                        m.authorName(), m.body(), m.createdAt()))
                .toList();
        TriageResult triaged = triage.latest(tenant, conversationId)
                .orElseGet(() -> preview != null ? preview : triage.preview(tenant, text));
        events.publishEvent(new BotHandoffRequested(tenant.value(), conversationId, conversation.customerId(), reason,
                transcript, triaged, summary, availability == StaffAvailability.Availability.AVAILABLE, now));
    }

    private String safeTitle(TenantId tenant, long entryId) {
        try {
            return knowledge.get(tenant, entryId).title();
        }
        catch (RuntimeException deleted) {
            return "entry " + entryId;
        }
    }
}
