package io.oriole.triage.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import io.oriole.conversation.Conversation;
import io.oriole.conversation.ConversationManagement;
import io.oriole.conversation.ConversationOpened;
import io.oriole.conversation.ConversationResolved;
import io.oriole.conversation.MessageReceived;
import io.oriole.customer.Customer;
import io.oriole.customer.CustomerManagement;
import io.oriole.customer.VipTier;
import io.oriole.shared.events.ModuleListener;
import io.oriole.tenant.TenantId;
import io.oriole.triage.ConversationTriaged;
import io.oriole.triage.TriageResult;
import io.oriole.triage.model.MessageTriage;

/**
 * Triages each customer message after intake has committed, on the triage module's own executor, so intake never
 * waits for it. The models run with no database connection held: the facts are read first, each in its own short
 * read, and only the result is written, with its event, in one short transaction. Idempotent: a redelivered message
 * that already has a result is skipped.
 */
@Component
class TriageListener {

    private final TenantTriages tenants;
    private final TriageStore store;
    private final CustomerManagement customers;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TriageOperations operations;
    private final ConversationManagement conversations;
    private final TransactionTemplate tx;

    /** How far back a complaint or an angry message still counts as recent. */
    static final Duration RECENT_FEEDBACK = Duration.ofDays(30);
    /** Which resolutions tell how long an intent usually takes. */
    static final Duration HANDLING_HISTORY = Duration.ofDays(90);

    TriageListener(TenantTriages tenants, TriageStore store, CustomerManagement customers,
            ApplicationEventPublisher events, Clock clock, TriageOperations operations,
            ConversationManagement conversations, TransactionTemplate tx) {
        this.tx = tx;
        this.operations = operations;
        this.conversations = conversations;
        this.tenants = tenants;
        this.store = store;
        this.customers = customers;
        this.events = events;
        this.clock = clock;
    }

    /** A new conversation: make sure the tenant's models are loaded before its first message. */
    @Async(TriageEvents.EXECUTOR)
    @TransactionalEventListener
    void on(ConversationOpened event) {
        tenants.forTenant(event.tenantId());
    }

    @Async(TriageEvents.EXECUTOR)
    @TransactionalEventListener
    void on(MessageReceived event) {
        if (store.isTriaged(event.tenantId(), event.messageId())) {
            return;
        }
        VipTier tier = customers.find(new TenantId(event.tenantId()), event.customerId()).map(Customer::vipTier)
                .orElse(VipTier.NONE);
        Instant now = clock.instant();
        // Until surveys exist, recent negative feedback is what triage itself saw: a complaint, or a negative or
        // angry message, in another of the customer's conversations within the last 30 days.
        var earlier = conversations.ofCustomer(new TenantId(event.tenantId()), event.customerId(), 20).stream()
                .map(Conversation::id).filter(id -> id != event.conversationId()).toList();
        boolean recentNegative = store.hadNegativeContact(event.tenantId(), earlier, now.minus(RECENT_FEEDBACK));
        var context = new MessageTriage.CustomerContext(tier, recentNegative, Duration.between(event.occurredAt(), now));
        Instant since = now.minus(HANDLING_HISTORY);
        TriageResult result = tenants.forTenant(event.tenantId()).triage(event.body(), context,
                intent -> store.typicalHandling(event.tenantId(), intent, since).orElse(null));
        ConversationTriaged triaged = new ConversationTriaged(event.tenantId(), event.conversationId(),
                event.messageId(), result, now);
        tx.executeWithoutResult(s -> {
            store.save(triaged);
            // A level set by hand stays in force over later messages until someone hands it back to triage.
            events.publishEvent(new ConversationTriaged(triaged.tenantId(), triaged.conversationId(),
                    triaged.messageId(), operations.withOverride(event.tenantId(), event.conversationId(), result),
                    now));
        });
    }

    /** Learns how long the conversation's intent took to resolve, for the complexity of the next such request. */
    @ModuleListener(TriageEvents.EXECUTOR)
    void on(ConversationResolved event) {
        store.latestIntent(event.tenantId(), event.conversationId()).ifPresent(intent -> {
            Conversation c = conversations.get(new TenantId(event.tenantId()), event.conversationId());
            long seconds = Math.max(0, Duration.between(c.createdAt(), event.occurredAt()).toSeconds());
            store.recordResolution(event.tenantId(), event.conversationId(), event.occurredAt(), intent, seconds);
        });
    }
}
