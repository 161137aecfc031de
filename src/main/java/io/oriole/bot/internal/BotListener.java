package io.oriole.bot.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.oriole.conversation.MessageReceived;
import io.oriole.tenant.TenantId;

/** Lets the bot see each customer message after intake has committed, on the module listener's own thread. */
@Component
class BotListener {

    private final BotEngine engine;

    BotListener(BotEngine engine) {
        this.engine = engine;
    }

    @ApplicationModuleListener
    void on(MessageReceived event) {
        engine.onCustomerMessage(new TenantId(event.tenantId()), event.conversationId(), event.messageId(),
                event.body(), event.occurredAt());
    }
}
