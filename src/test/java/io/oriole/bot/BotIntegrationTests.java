package io.oriole.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;

import io.oriole.conversation.Actor;
import io.oriole.conversation.AuthorType;
import io.oriole.conversation.BotReplied;
import io.oriole.conversation.Channel;
import io.oriole.conversation.Conversation;
import io.oriole.conversation.ConversationManagement;
import io.oriole.conversation.Message;
import io.oriole.customer.Customer;
import io.oriole.customer.CustomerManagement;
import io.oriole.knowledge.EntryDraft;
import io.oriole.knowledge.EntryStatus;
import io.oriole.knowledge.KnowledgeManagement;
import io.oriole.support.Fixtures;
import io.oriole.support.OrioleIntegrationTest;
import io.oriole.tenant.Tenant;
import io.oriole.tenant.TenantId;
import io.oriole.tenant.TenantManagement;
import io.oriole.triage.Language;

/** The bot in live chat, end to end: real retrieval, real triage, real events. */
@OrioleIntegrationTest
@Import(BotIntegrationTests.Wiring.class)
class BotIntegrationTests {

    @TestConfiguration
    static class Wiring {

        @Bean
        @Primary
        SwitchableStaff switchableStaff() {
            return new SwitchableStaff();
        }

        @Bean
        Handoffs handoffs() {
            return new Handoffs();
        }
    }

    static class SwitchableStaff implements StaffAvailability {
        volatile Availability now = Availability.AVAILABLE;

        @Override
        public Availability availability(TenantId tenant, Instant at) {
            return now;
        }
    }

    static class Handoffs {
        final List<BotHandoffRequested> handoffs = new CopyOnWriteArrayList<>();
        final List<BotReplied> replies = new CopyOnWriteArrayList<>();

        @EventListener
        void on(BotHandoffRequested e) {
            handoffs.add(e);
        }

        @EventListener
        void on(BotReplied e) {
            replies.add(e);
        }

        BotHandoffRequested of(long conversationId) {
            return handoffs.stream().filter(h -> h.conversationId() == conversationId).findFirst().orElse(null);
        }
    }

    @Autowired
    TenantManagement tenants;

    @Autowired
    CustomerManagement customers;

    @Autowired
    ConversationManagement conversations;

    @Autowired
    KnowledgeManagement knowledge;

    @Autowired
    BotManagement bot;

    @Autowired
    SwitchableStaff staff;

    @Autowired
    Handoffs events;

    Tenant tenant;
    TenantId t;
    Customer customer;

    @BeforeEach
    void tenantWithFaq() {
        staff.now = StaffAvailability.Availability.AVAILABLE;
        tenant = Fixtures.tenant(tenants);
        t = tenant.tenantId();
        customer = Fixtures.customer(customers, tenant, "刘洋");
        knowledge.create(t, new EntryDraft("怎么修改收货地址", "打开「我的订单」，选择订单，点击「修改地址」。",
                List.of("收货地址填错了怎么办", "下单后还能改地址吗"), "delivery", Language.ZH, List.of("地址"),
                EntryStatus.PUBLISHED), "admin@example.com");
        knowledge.create(t, new EntryDraft("How do I request a refund?", "Open My orders and click Refund.",
                List.of("I want my money back", "refund my order"), "refunds", Language.EN, List.of(),
                EntryStatus.PUBLISHED), "admin@example.com");
        bot.updateSettings(t, BotSettings.DEFAULT.withEnabled(true));
    }

    @Test
    void knownChineseQuestionGetsTheEntryAsABotAnswerAwaitingFeedback() {
        Conversation c = chat("收货地址填错了，怎么改？");

        Message answer = awaitBotMessage(c.id(), 1);

        assertThat(answer.body()).isEqualTo("打开「我的订单」，选择订单，点击「修改地址」。");
        assertThat(bot.awaitingFeedback(t, c.id())).containsExactly(answer.seq());
        assertThat(events.replies).anyMatch(r -> r.conversationId() == c.id() && r.seq() == answer.seq());
        assertThat(conversations.get(t, c.id()).firstResponseAt()).as("a bot answer is not a person's first response")
                .isNull();
    }

    @Test
    void askingForAPersonHandsOffWithTranscriptTriageAndSummaryAndTheBotStaysQuietAfterwards() {
        Conversation c = chat("收货地址填错了怎么办");
        Message answer = awaitBotMessage(c.id(), 1);
        conversations.receiveCustomerMessage(t, c.id(), customer.id(), customer.name(), "转人工", null);

        Awaitility.await().until(() -> events.of(c.id()) != null);
        BotHandoffRequested handoff = events.of(c.id());

        assertThat(handoff.reason()).isEqualTo(HandoffReason.CUSTOMER_ASKED);
        assertThat(handoff.transcript()).extracting(TranscriptLine::text)
                .containsSubsequence("收货地址填错了怎么办", answer.body(), "转人工");
        assertThat(handoff.triage()).isNotNull();
        assertThat(handoff.summary()).contains("the customer asked for a person").contains("收货地址填错了怎么办")
                .contains("Bot answered: 怎么修改收货地址");
        assertThat(handoff.staffAvailable()).isTrue();
        assertThat(lastBotMessage(c.id()).body()).contains("正在为您转接人工客服");
        assertThat(conversations.messages(t, c.id(), 0, true, 200)).anyMatch(m -> m.internal()
                && m.body().equals(handoff.summary()));

        conversations.receiveCustomerMessage(t, c.id(), customer.id(), customer.name(), "下单后还能改地址吗", null);
        Awaitility.await()
                .until(() -> bot.turns(t, c.id()).stream().anyMatch(turn -> turn.outcome().equals("SILENT")));
        assertThat(botMessages(c.id())).hasSize(2);
        assertThat(events.handoffs.stream().filter(h -> h.conversationId() == c.id())).hasSize(1);
    }

    @Test
    void unansweredEnglishQuestionGoesToAPersonAfterTheConfiguredNumberOfTries() {
        Conversation c = chat("Do you sell submarines for the weekend?");
        Message rephrase = awaitBotMessage(c.id(), 1);
        assertThat(rephrase.body()).startsWith("Sorry, I could not find an answer");
        assertThat(events.of(c.id())).isNull();

        conversations.receiveCustomerMessage(t, c.id(), customer.id(), customer.name(),
                "What colours do your submarines come in?", null);

        Awaitility.await().until(() -> events.of(c.id()) != null);
        assertThat(events.of(c.id()).reason()).isEqualTo(HandoffReason.NOT_ANSWERED);
        assertThat(lastBotMessage(c.id()).body()).startsWith("Connecting you to an agent");
        assertThat(knowledge.openQuestionGroups(t)).flatExtracting(g -> g.questions())
                .extracting(q -> q.question())
                .contains("Do you sell submarines for the weekend?", "What colours do your submarines come in?");
    }

    @Test
    void outsideBusinessHoursTheBotSaysSoAndTheConversationStillWaitsInTheQueue() {
        staff.now = StaffAvailability.Availability.OUTSIDE_BUSINESS_HOURS;
        Conversation c = chat("agent please");

        Awaitility.await().until(() -> events.of(c.id()) != null);

        assertThat(events.of(c.id()).staffAvailable()).isFalse();
        assertThat(lastBotMessage(c.id()).body()).contains("outside our business hours").contains("in the queue");
        Conversation after = conversations.get(t, c.id());
        assertThat(after.status().isActive()).isTrue();
        assertThat(after.assigneeAgentId()).isNull();
    }

    @Test
    void sayingTheAnswerDidNotHelpCountsAsAMissAndFilesTheQuestion() {
        bot.updateSettings(t, new BotSettings(true, 0.6, 1, true, true, true));
        Conversation c = chat("I want my money back");
        Message answer = awaitBotMessage(c.id(), 1);

        assertThat(bot.recordFeedback(t, customer.id(), c.id(), answer.seq(), false)).isTrue();

        assertThat(events.of(c.id())).isNotNull();
        assertThat(events.of(c.id()).summary()).contains("customer said it did not help");
        assertThat(bot.turns(t, c.id()).get(0).helpful()).isFalse();
        assertThat(knowledge.openQuestionGroups(t)).flatExtracting(g -> g.questions())
                .anyMatch(q -> q.reason().equals("UNHELPFUL") && q.question().equals("I want my money back"));
    }

    @Test
    void anotherCustomerCannotAnswerTheFeedbackPrompt() {
        Conversation c = chat("refund my order");
        Message answer = awaitBotMessage(c.id(), 1);
        Customer stranger = Fixtures.customer(customers, tenant, "Stranger");

        assertThat(bot.recordFeedback(t, stranger.id(), c.id(), answer.seq(), false)).isFalse();
        assertThat(bot.turns(t, c.id()).get(0).helpful()).isNull();
    }

    @Test
    void anAgentSendingTheConversationBackLetsTheBotAnswerAgain() {
        Conversation c = chat("转人工");
        Awaitility.await().until(() -> events.of(c.id()) != null);

        bot.returnToBot(t, c.id(), Actor.system());
        conversations.receiveCustomerMessage(t, c.id(), customer.id(), customer.name(), "收货地址填错了怎么办", null);

        Message answer = awaitBotMessage(c.id(), 2);
        assertThat(answer.body()).startsWith("打开「我的订单」");
    }

    @Test
    void aTenantThatNeverTurnedTheBotOnGetsNoBotReplies() {
        Tenant quiet = Fixtures.tenant(tenants);
        Customer someone = Fixtures.customer(customers, quiet, "Quiet");
        Conversation c = conversations.open(quiet.tenantId(), someone.id(), someone.name(), Channel.CHAT, null,
                "转人工", null);

        assertThat(bot.settings(quiet.tenantId()).enabled()).isFalse();
        // Triage runs on the same event; once it has finished, the bot has had its chance too.
        Awaitility.await().until(() -> conversations.timeline(quiet.tenantId(),
                c.id()) != null && triaged(quiet.tenantId(), c.id()));
        assertThat(conversations.messages(quiet.tenantId(), c.id(), 0, true, 200))
                .noneMatch(m -> m.authorType() == AuthorType.BOT);
        assertThat(events.of(c.id())).isNull();
    }

    @Autowired
    io.oriole.triage.TriageManagement triage;

    boolean triaged(TenantId tenantId, long conversationId) {
        return triage.latest(tenantId, conversationId).isPresent();
    }

    Conversation chat(String text) {
        return conversations.open(t, customer.id(), customer.name(), Channel.CHAT, null, text, null);
    }

    List<Message> botMessages(long conversationId) {
        return conversations.messages(t, conversationId, 0, false, 200).stream()
                .filter(m -> m.authorType() == AuthorType.BOT).toList();
    }

    Message lastBotMessage(long conversationId) {
        List<Message> bots = botMessages(conversationId);
        return bots.get(bots.size() - 1);
    }

    Message awaitBotMessage(long conversationId, int count) {
        Awaitility.await().until(() -> botMessages(conversationId).size() >= count);
        return botMessages(conversationId).get(count - 1);
    }
}
