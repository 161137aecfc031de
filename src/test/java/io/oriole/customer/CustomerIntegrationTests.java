package io.oriole.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;


import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.oriole.conversation.Channel;
import io.oriole.conversation.Conversation;
import io.oriole.conversation.ConversationManagement;
import io.oriole.conversation.ConversationOpened;
import io.oriole.support.Fixtures;
import io.oriole.support.OrioleIntegrationTest;
import io.oriole.tenant.TenantId;
import io.oriole.tenant.TenantManagement;

/** Customers learn about their conversations from ConversationOpened, asynchronously and exactly once. */
@OrioleIntegrationTest
class CustomerIntegrationTests {

    @Autowired
    CustomerManagement customers;
    @Autowired
    ConversationManagement conversations;
    @Autowired
    TenantManagement tenants;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;

    TenantId tenant;
    Customer customer;

    @BeforeEach
    void newTenantWithCustomer() {
        var t = Fixtures.tenant(tenants);
        tenant = t.tenantId();
        customer = Fixtures.customer(customers, t, "Olivia Brown");
    }

    @Test
    void customerBecomesReturningAfterASecondConversation() {
        open("Where is my parcel?");
        await().until(() -> current().conversationCount() == 1);
        assertThat(current().isReturning()).isFalse();

        Conversation second = open("And another question");

        await().until(() -> current().isReturning());
        assertThat(current().conversationCount()).isEqualTo(2);
        assertThat(current().lastConversationAt()).isEqualTo(second.createdAt());
    }

    @Test
    void redeliveredConversationOpenedDoesNotCountTwice() {
        Conversation conversation = open("Where is my parcel?");
        await().until(() -> completedPublicationsOf(conversation) == 1);

        var redelivered = new ConversationOpened(tenant.value(), conversation.id(), customer.id(), Channel.CHAT,
                conversation.subject(), conversation.createdAt());
        tx.executeWithoutResult(status -> events.publishEvent(redelivered));

        await().until(() -> completedPublicationsOf(conversation) == 2);
        assertThat(current().conversationCount()).isEqualTo(1);
    }

    private Conversation open(String text) {
        return conversations.open(tenant, customer.id(), customer.name(), Channel.CHAT, null, text, null);
    }

    private Customer current() {
        return customers.get(tenant, customer.id());
    }

    /** Completed deliveries of this conversation's ConversationOpened to the customer module's listener. */
    private long completedPublicationsOf(Conversation conversation) {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE event_type = :type "
                + "AND completion_date IS NOT NULL "
                + "AND listener_id LIKE '%ConversationHistory%' AND serialized_event LIKE :id")
                .param("type", ConversationOpened.class.getName())
                .param("id", "%\"conversationId\":" + conversation.id() + ",%")
                .query(Long.class).single();
    }
}
