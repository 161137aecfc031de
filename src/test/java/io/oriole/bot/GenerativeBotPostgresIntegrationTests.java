package io.oriole.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.oriole.conversation.Channel;
import io.oriole.conversation.Conversation;
import io.oriole.conversation.ConversationManagement;
import io.oriole.customer.Customer;
import io.oriole.customer.CustomerManagement;
import io.oriole.knowledge.EntryDraft;
import io.oriole.knowledge.EntryStatus;
import io.oriole.knowledge.KnowledgeEntry;
import io.oriole.knowledge.KnowledgeManagement;
import io.oriole.support.Fixtures;
import io.oriole.support.RequiresPostgres;
import io.oriole.tenant.Tenant;
import io.oriole.tenant.TenantId;
import io.oriole.tenant.TenantManagement;
import io.oriole.triage.Language;

/** The V8 table and columns on PostgreSQL: settings with a write-only key, and a generated turn with citations. */
@RequiresPostgres
@SpringBootTest(properties = { "oriole.demo.enabled=false", "oriole.data-dir=target/test-data",
        "oriole.outbound.allowed-hosts=127.0.0.1" })
class GenerativeBotPostgresIntegrationTests {

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
    void settingsKeepOrDropTheKeyAndAGeneratedTurnRecordsItsCitationsOnPostgres() {
        Tenant tenant = Fixtures.tenant(tenants);
        TenantId t = tenant.tenantId();
        KnowledgeEntry entry = knowledge.create(t, new EntryDraft("怎么开发票", "在订单详情中点击「申请发票」。",
                List.of("我需要开发票"), "invoices", Language.ZH, List.of("发票"), EntryStatus.PUBLISHED), "a@example.com");
        bot.updateSettings(t, BotSettings.DEFAULT.withEnabled(true));

        try (FakeChatModelServer model = new FakeChatModelServer()) {
            model.answer(new FakeChatModelServer.Reply("在订单详情中点击「申请发票」即可[1]。"));
            bot.updateGenerativeSettings(t, new GenerativeSettingsChange(true, model.baseUrl(), "m", "sk-pg", 10, 3));
            bot.updateGenerativeSettings(t, new GenerativeSettingsChange(true, model.baseUrl(), "m", null, 10, 3));
            assertThat(bot.generativeSettings(t).apiKeySet()).isTrue();

            Customer customer = Fixtures.customer(customers, tenant, "王芳");
            Conversation c = conversations.open(t, customer.id(), customer.name(), Channel.CHAT, null,
                    "我需要开发票，怎么弄？", null);
            Awaitility.await().until(() -> !bot.turns(t, c.id()).isEmpty());

            BotTurn turn = bot.turns(t, c.id()).get(0);
            assertThat(turn.generated()).isTrue();
            assertThat(turn.citedEntryIds()).containsExactly(entry.id());
        }

        bot.updateGenerativeSettings(t, new GenerativeSettingsChange(false, "", "", "", 10, 3));
        assertThat(bot.generativeSettings(t).apiKeySet()).isFalse();
        assertThat(bot.generativeSettings(t).enabled()).isFalse();
    }
}
