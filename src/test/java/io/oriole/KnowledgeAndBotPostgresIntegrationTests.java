package io.oriole;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.oriole.bot.BotManagement;
import io.oriole.bot.BotSettings;
import io.oriole.conversation.AuthorType;
import io.oriole.conversation.Channel;
import io.oriole.conversation.Conversation;
import io.oriole.conversation.ConversationManagement;
import io.oriole.customer.Customer;
import io.oriole.customer.CustomerManagement;
import io.oriole.knowledge.EntryDraft;
import io.oriole.knowledge.EntryStatus;
import io.oriole.knowledge.KnowledgeEntry;
import io.oriole.knowledge.KnowledgeManagement;
import io.oriole.knowledge.OpenQuestion;
import io.oriole.support.Fixtures;
import io.oriole.support.RequiresPostgres;
import io.oriole.tenant.Tenant;
import io.oriole.tenant.TenantManagement;
import io.oriole.triage.Language;

/** The knowledge and bot SQL (versions, imports, open questions, settings, turns) on PostgreSQL. */
@RequiresPostgres
@SpringBootTest(properties = { "oriole.demo.enabled=false", "oriole.data-dir=target/test-data" })
class KnowledgeAndBotPostgresIntegrationTests {

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

    @Test
    void entriesKeepTheirHistoryImportAndAnswerOnPostgres() {
        Tenant tenant = Fixtures.tenant(tenants);
        KnowledgeEntry entry = knowledge.create(tenant.tenantId(), new EntryDraft("怎么开发票", "在订单详情中点击「申请发票」。",
                List.of("我需要开发票"), "invoices", Language.ZH, List.of("发票"), EntryStatus.PUBLISHED), "a@example.com");
        knowledge.update(tenant.tenantId(), entry.id(), new EntryDraft("怎么开发票", "在订单详情中点击「申请发票」并填写税号。",
                List.of("我需要开发票"), "invoices", Language.ZH, List.of("发票"), EntryStatus.PUBLISHED), "b@example.com");
        int imported = knowledge.importCsv(tenant.tenantId(), ("title,phrasings,category,language,tags,status,body\n"
                + "How do I reset my password?,forgot password,accounts,en,,PUBLISHED,Click Forgot password.\n")
                .getBytes(StandardCharsets.UTF_8), "a@example.com");
        long question = knowledge.recordOpenQuestion(tenant.tenantId(), "发票可以寄纸质的吗", OpenQuestion.Reason.NO_MATCH,
                null, null);
        knowledge.extendWithQuestions(tenant.tenantId(), entry.id(), List.of(question), "c@example.com");

        assertThat(imported).isEqualTo(1);
        assertThat(knowledge.history(tenant.tenantId(), entry.id())).extracting(v -> v.changedBy())
                .containsExactly("c@example.com", "b@example.com", "a@example.com");
        assertThat(knowledge.search(tenant.tenantId(), "我要开发票", 1).get(0).entry().id()).isEqualTo(entry.id());
        assertThat(knowledge.openQuestionGroups(tenant.tenantId())).isEmpty();

        bot.updateSettings(tenant.tenantId(), BotSettings.DEFAULT.withEnabled(true));
        bot.updateSettings(tenant.tenantId(), new BotSettings(true, 0.5, 3, false, true, true));
        Customer customer = Fixtures.customer(customers, tenant, "王芳");
        Conversation c = conversations.open(tenant.tenantId(), customer.id(), customer.name(), Channel.CHAT, null,
                "我需要开发票，怎么弄？", null);

        Awaitility.await().until(() -> conversations
                .messages(tenant.tenantId(), c.id(), 0, false, 50).stream()
                .anyMatch(m -> m.authorType() == AuthorType.BOT));
        long seq = bot.turns(tenant.tenantId(), c.id()).get(0).replySeq();
        assertThat(bot.recordFeedback(tenant.tenantId(), customer.id(), c.id(), seq, true)).isTrue();
        assertThat(bot.turns(tenant.tenantId(), c.id()).get(0).helpful()).isTrue();
        assertThat(bot.settings(tenant.tenantId()).maxUnhelpful()).isEqualTo(3);
    }
}
