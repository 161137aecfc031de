package io.oriole.triage.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.oriole.conversation.ConversationOpened;
import io.oriole.conversation.MessageReceived;
import io.oriole.customer.Customer;
import io.oriole.customer.CustomerManagement;
import io.oriole.customer.VipTier;
import io.oriole.tenant.TenantId;
import io.oriole.triage.ConversationTriaged;
import io.oriole.triage.TriageResult;
import io.oriole.triage.model.MessageTriage;

/**
 * Triages each customer message after intake has committed, on the module listener's own thread and
 * transaction, so intake never waits for it. Idempotent: a redelivered message that already has a
 * result is skipped.
 */
@Component
class TriageListener {

    private final TenantTriages tenants;
    private final TriageStore store;
    private final CustomerManagement customers;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TriageOperations operations;

    TriageListener(TenantTriages tenants, TriageStore store, CustomerManagement customers,
            ApplicationEventPublisher events, Clock clock, TriageOperations operations) {
        this.operations = operations;
        this.tenants = tenants;
        this.store = store;
        this.customers = customers;
        this.events = events;
        this.clock = clock;
    }

    /** A new conversation: make sure the tenant's models are loaded before its first message. */
    @ApplicationModuleListener
    void on(ConversationOpened event) {
        tenants.forTenant(event.tenantId());
    }

    @ApplicationModuleListener
    void on(MessageReceived event) {
        if (store.isTriaged(event.tenantId(), event.messageId())) {
            return;
        }
        VipTier tier = customers.find(new TenantId(event.tenantId()), event.customerId()).map(Customer::vipTier)
                .orElse(VipTier.NONE);
        Instant now = clock.instant();
        // Recent negative feedback comes with the survey module; until then it never adds points.
        var context = new MessageTriage.CustomerContext(tier, false, Duration.between(event.occurredAt(), now));
        TriageResult result = tenants.forTenant(event.tenantId()).triage(event.body(), context);
        ConversationTriaged triaged = new ConversationTriaged(event.tenantId(), event.conversationId(),
                event.messageId(), result, now);
        store.save(triaged);
        // A level set by hand stays in force over later messages until someone hands it back to triage.
        events.publishEvent(new ConversationTriaged(triaged.tenantId(), triaged.conversationId(), triaged.messageId(),
                operations.withOverride(event.tenantId(), event.conversationId(), result), now));
    }
}
