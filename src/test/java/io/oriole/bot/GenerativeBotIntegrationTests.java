package io.oriole.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.oriole.bot.FakeChatModelServer.HoldUntil;
import io.oriole.bot.FakeChatModelServer.Reply;
import io.oriole.conversation.AuthorType;
import io.oriole.conversation.Channel;
import io.oriole.conversation.Conversation;
import io.oriole.conversation.ConversationManagement;
import io.oriole.conversation.Message;
import io.oriole.customer.Customer;
import io.oriole.customer.CustomerManagement;
import io.oriole.knowledge.EntryDraft;
import io.oriole.knowledge.EntryStatus;
import io.oriole.knowledge.KnowledgeEntry;
import io.oriole.knowledge.KnowledgeManagement;
import io.oriole.support.Fixtures;
import io.oriole.support.OrioleIntegrationTest;
import io.oriole.tenant.Tenant;
import io.oriole.tenant.TenantId;
import io.oriole.tenant.TenantManagement;
import io.oriole.triage.Language;

/**
 * Generative answers through the whole bot: real retrieval, real events and transactions, and the tenant's model
 * played by a local HTTP server ({@link FakeChatModelServer}).
 */
@OrioleIntegrationTest
class GenerativeBotIntegrationTests {

    static final String GENERATED = "您可以在「我的订单」中选择该订单，点击「修改地址」修改收货地址[1]。";

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

    final FakeChatModelServer model = new FakeChatModelServer();
    final CountDownLatch release = new CountDownLatch(1);

    TenantId t;
    Customer customer;
    KnowledgeEntry address;

    @BeforeEach
    void tenantWithBotAndModel() {
        Tenant tenant = Fixtures.tenant(tenants);
        t = tenant.tenantId();
        customer = Fixtures.customer(customers, tenant, "刘洋");
        address = knowledge.create(t, new EntryDraft("怎么修改收货地址", "打开「我的订单」，选择订单，点击「修改地址」。",
                List.of("收货地址填错了怎么办", "下单后还能改地址吗"), "delivery", Language.ZH, List.of("地址"),
                EntryStatus.PUBLISHED), "admin@example.com");
        bot.updateSettings(t, BotSettings.DEFAULT.withEnabled(true));
        model.answer(new Reply(GENERATED));
    }

    @AfterEach
    void stopModel() {
        release.countDown();
        model.close();
    }

    @Test
    void aKnownQuestionGetsAGeneratedAnswerCitingTheEntryAndTheFeedbackPrompt() {
        generative(true);

        Conversation c = chat("收货地址填错了怎么办");
        Message answer = awaitBotMessage(c.id(), 1);

        assertThat(answer.body()).isEqualTo(GENERATED + "\n\n参考条目：\n[1] 怎么修改收货地址");
        assertThat(bot.awaitingFeedback(t, c.id())).containsExactly(answer.seq());
        BotTurn turn = bot.turns(t, c.id()).get(0);
        assertThat(turn.generated()).isTrue();
        assertThat(turn.citedEntryIds()).containsExactly(address.id());
        assertThat(turn.entryId()).isEqualTo(address.id());
        assertThat(model.received()).hasSize(1);
        assertThat(model.received().get(0).prompt()).contains("收货地址填错了怎么办")
                .contains("[1] 怎么修改收货地址\n打开「我的订单」，选择订单，点击「修改地址」。")
                .contains("Simplified Chinese");
    }

    @Test
    void theModelIsAskedOutsideAnyTransactionSoACustomerAskingForAPersonMeanwhileIsHandedOffAndTheLateAnswerDropped() {
        // A timeout far beyond the test's steps, so only the release below ends the model's turn.
        generative(true, 60);
        model.answer(new HoldUntil(release, new Reply(GENERATED)));
        Conversation c = chat("收货地址填错了怎么办");
        Awaitility.await().until(() -> model.received().size() == 1);

        // Handing off takes the conversation's bot-state lock: this only completes if the first message's
        // processing is not holding it while the model thinks.
        conversations.receiveCustomerMessage(t, c.id(), customer.id(), customer.name(), "转人工", null);
        Awaitility.await()
                .until(() -> bot.state(t, c.id()).map(BotConversation::handedOff).orElse(false));
        release.countDown();

        Awaitility.await().until(() -> bot.turns(t, c.id()).size() == 2);
        assertThat(bot.turns(t, c.id())).extracting(BotTurn::question, BotTurn::outcome).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("转人工", "HANDOFF"),
                org.assertj.core.groups.Tuple.tuple("收货地址填错了怎么办", "SILENT"));
        assertThat(botMessages(c.id())).hasSize(1).noneMatch(m -> m.body().contains("参考条目"));
    }

    @Test
    void withGenerativeAnswersOffTheDefaultTheModelIsNeverAskedAndTheEntryIsTheAnswer() {
        assertThat(bot.generativeSettings(t).enabled()).isFalse();
        generative(false);

        Conversation c = chat("收货地址填错了怎么办");
        Message answer = awaitBotMessage(c.id(), 1);

        assertThat(answer.body()).isEqualTo("打开「我的订单」，选择订单，点击「修改地址」。");
        assertThat(bot.turns(t, c.id()).get(0).generated()).isFalse();
        assertThat(model.received()).isEmpty();
    }

    @Test
    void aQuestionTheBotIsNotConfidentAboutNeverReachesTheModel() {
        generative(true);

        Conversation c = chat("Do you sell submarines for the weekend?");
        Message reply = awaitBotMessage(c.id(), 1);

        assertThat(reply.body()).startsWith("Sorry, I could not find an answer");
        assertThat(model.received()).isEmpty();
    }

    void generative(boolean enabled) {
        generative(enabled, 5);
    }

    void generative(boolean enabled, int timeoutSeconds) {
        bot.updateGenerativeSettings(t, new GenerativeSettingsChange(enabled, model.baseUrl(), "test-model",
                "sk-test-key", timeoutSeconds, 3));
    }

    Conversation chat(String text) {
        return conversations.open(t, customer.id(), customer.name(), Channel.CHAT, null, text, null);
    }

    List<Message> botMessages(long conversationId) {
        return conversations.messages(t, conversationId, 0, false, 200).stream()
                .filter(m -> m.authorType() == AuthorType.BOT).toList();
    }

    Message awaitBotMessage(long conversationId, int count) {
        Awaitility.await().until(() -> botMessages(conversationId).size() >= count);
        return botMessages(conversationId).get(count - 1);
    }
}
