package io.oriole.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.oriole.agent.Agent;
import io.oriole.agent.AgentManagement;
import io.oriole.customer.Customer;
import io.oriole.customer.CustomerManagement;
import io.oriole.identity.UserManagement;
import io.oriole.support.Fixtures;
import io.oriole.support.MutableClock;
import io.oriole.support.OrioleIntegrationTest;
import io.oriole.tenant.Tenant;
import io.oriole.tenant.TenantId;
import io.oriole.tenant.TenantManagement;

@OrioleIntegrationTest
@RecordApplicationEvents
class ConversationIntegrationTests {

    @Autowired
    ConversationManagement conversations;
    @Autowired
    TenantManagement tenants;
    @Autowired
    CustomerManagement customers;
    @Autowired
    UserManagement users;
    @Autowired
    AgentManagement agents;
    @Autowired
    MutableClock clock;
    @Autowired
    ApplicationEvents events;

    TenantId tenant;
    Customer customer;

    @BeforeEach
    void newTenantWithCustomer() {
        Tenant t = Fixtures.tenant(tenants);
        tenant = t.tenantId();
        customer = Fixtures.customer(customers, t, "刘洋");
    }

    @Test
    void openingAConversationPublishesConversationOpenedAndMessageReceived() {
        Conversation conversation = open("我的订单还没发货");

        assertThat(events.stream(ConversationOpened.class))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.conversationId()).isEqualTo(conversation.id());
                    assertThat(e.customerId()).isEqualTo(customer.id());
                    assertThat(e.channel()).isEqualTo(Channel.CHAT);
                    assertThat(e.occurredAt()).isEqualTo(clock.instant());
                });
        assertThat(events.stream(MessageReceived.class))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.conversationId()).isEqualTo(conversation.id());
                    assertThat(e.seq()).isEqualTo(1);
                    assertThat(e.body()).isEqualTo("我的订单还没发货");
                });
        assertThat(conversation.status()).isEqualTo(ConversationStatus.OPEN);
    }

    @Test
    void chatMessagesGoToTheCurrentConversationAndOpenOneOnlyWhenNoneIsLeft() {
        Message first = conversations.receiveChatMessage(tenant, customer.id(), customer.name(), "我的订单还没发货",
                "tab-a-1");
        Message retried = conversations.receiveChatMessage(tenant, customer.id(), customer.name(), "我的订单还没发货",
                "tab-a-1");
        Message second = conversations.receiveChatMessage(tenant, customer.id(), customer.name(), "单号 A1001",
                "tab-a-2");

        assertThat(retried.id()).isEqualTo(first.id());
        assertThat(second.conversationId()).isEqualTo(first.conversationId());
        assertThat(conversations.ofCustomer(tenant, customer.id(), 10)).hasSize(1);

        conversations.setStatus(tenant, first.conversationId(), ConversationStatus.CLOSED, Actor.system());
        Message afterClose = conversations.receiveChatMessage(tenant, customer.id(), customer.name(), "还在吗", "tab-a-3");
        assertThat(afterClose.conversationId()).isNotEqualTo(first.conversationId());
        assertThat(afterClose.seq()).isOne();
    }

    @Test
    void firstMessagesFromTwoTabsAtTheSameInstantOpenOneConversation() throws Exception {
        int tabs = 6;
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(tabs);
        try {
            var sent = new java.util.ArrayList<java.util.concurrent.Future<Message>>();
            for (int i = 0; i < tabs; i++) {
                String id = "tab-" + i;
                sent.add(pool.submit(() -> {
                    start.await();
                    return conversations.receiveChatMessage(tenant, customer.id(), customer.name(), "hello from " + id,
                            id);
                }));
            }
            start.countDown();
            for (var message : sent) {
                message.get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
        finally {
            pool.shutdownNow();
        }

        assertThat(conversations.ofCustomer(tenant, customer.id(), 10)).singleElement().satisfies(c -> assertThat(
                conversations.messages(tenant, c.id(), 0, true, 50)).extracting(Message::seq)
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L));
    }

    @Test
    void messagesAreNumberedOneTwoThreeWithoutGaps() {
        Conversation conversation = open("hello");
        Agent agent = agent("Emma Clark");

        conversations.reply(tenant, conversation.id(), Actor.agent(agent.id(), agent.displayName()), "hi there");
        conversations.receiveCustomerMessage(tenant, conversation.id(), customer.id(), customer.name(), "thanks",
                null);

        assertThat(conversations.messages(tenant, conversation.id(), 0, true, 50))
                .extracting(Message::seq).containsExactly(1L, 2L, 3L);
        assertThat(conversations.get(tenant, conversation.id()).lastSeq()).isEqualTo(3);
        assertThat(conversations.messages(tenant, conversation.id(), 2, true, 50))
                .extracting(Message::body).containsExactly("thanks");
    }

    @Test
    void retriedCustomerMessageWithTheSameClientMessageIdIsStoredOnce() {
        Conversation conversation = open("hello");

        Message first = conversations.receiveCustomerMessage(tenant, conversation.id(), customer.id(),
                customer.name(), "are you there?", "client-42");
        Message retry = conversations.receiveCustomerMessage(tenant, conversation.id(), customer.id(),
                customer.name(), "are you there?", "client-42");

        assertThat(retry.id()).isEqualTo(first.id());
        assertThat(conversations.messages(tenant, conversation.id(), 0, true, 50))
                .extracting(Message::body).containsExactly("hello", "are you there?");
        assertThat(events.stream(MessageReceived.class)).hasSize(2);
    }

    @Test
    void customerMessageOnAResolvedConversationReopensIt() {
        Conversation conversation = open("hello");
        conversations.setStatus(tenant, conversation.id(), ConversationStatus.RESOLVED, Actor.system());
        clock.advance(Duration.ofHours(2));

        conversations.receiveCustomerMessage(tenant, conversation.id(), customer.id(), customer.name(),
                "it broke again", null);

        Conversation reopened = conversations.get(tenant, conversation.id());
        assertThat(reopened.status()).isEqualTo(ConversationStatus.OPEN);
        assertThat(reopened.resolvedAt()).isNull();
        assertThat(events.stream(ConversationReopened.class)).singleElement()
                .satisfies(e -> assertThat(e.reopenedBy()).isEqualTo(customer.name()));
        assertThat(conversations.timeline(tenant, conversation.id())).extracting(TimelineEntry::detail)
                .contains("RESOLVED → OPEN");
    }

    @Test
    void assignResolveAndReopenWriteTheTimelineAndAnnounceEvents() {
        Conversation conversation = open("payment fails");
        Agent lina = agent("Li Na");
        Actor supervisor = Actor.agent(lina.id(), "Supervisor");

        conversations.assign(tenant, conversation.id(), lina.id(), lina.displayName(), supervisor);
        clock.advance(Duration.ofMinutes(5));
        conversations.setStatus(tenant, conversation.id(), ConversationStatus.RESOLVED,
                Actor.agent(lina.id(), lina.displayName()));
        clock.advance(Duration.ofMinutes(5));
        conversations.setStatus(tenant, conversation.id(), ConversationStatus.OPEN,
                Actor.agent(lina.id(), lina.displayName()));

        assertThat(conversations.timeline(tenant, conversation.id()))
                .extracting(TimelineEntry::kind, TimelineEntry::detail, TimelineEntry::actor)
                .containsExactly(
                        tuple("OPENED", "CHAT", customer.name()),
                        tuple("ASSIGNED", "Li Na", "Supervisor"),
                        tuple("STATUS", "OPEN → RESOLVED", "Li Na"),
                        tuple("STATUS", "RESOLVED → OPEN", "Li Na"));
        assertThat(events.stream(ConversationAssigned.class)).singleElement()
                .satisfies(e -> {
                    assertThat(e.previousAgentId()).isNull();
                    assertThat(e.agentId()).isEqualTo(lina.id());
                });
        assertThat(events.stream(ConversationResolved.class)).singleElement()
                .satisfies(e -> assertThat(e.assigneeAgentId()).isEqualTo(lina.id()));
        assertThat(events.stream(ConversationReopened.class)).hasSize(1);
        assertThat(conversations.participants(tenant, conversation.id())).singleElement()
                .satisfies(p -> assertThat(p.role()).isEqualTo(Participant.Role.OWNER));
    }

    @Test
    void internalNotesAreExcludedForCustomers() {
        Conversation conversation = open("refund please");
        Agent agent = agent("Sofia Rossi");
        conversations.addNote(tenant, conversation.id(), Actor.agent(agent.id(), agent.displayName()),
                "VIP, approve without asking");
        conversations.reply(tenant, conversation.id(), Actor.agent(agent.id(), agent.displayName()),
                "Refund is on its way");

        assertThat(conversations.messages(tenant, conversation.id(), 0, false, 50))
                .extracting(Message::body).containsExactly("refund please", "Refund is on its way");
        assertThat(conversations.messages(tenant, conversation.id(), 0, true, 50))
                .extracting(Message::body)
                .containsExactly("refund please", "VIP, approve without asking", "Refund is on its way");
        assertThat(events.stream(InternalNoteAdded.class)).hasSize(1);
    }

    private Conversation open(String firstMessage) {
        return conversations.open(tenant, customer.id(), customer.name(), Channel.CHAT, null, firstMessage, null);
    }

    private Agent agent(String name) {
        return Fixtures.agent(users, agents, tenants.get(tenant), name);
    }
}
