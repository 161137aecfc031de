package io.oriole.demo;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.oriole.agent.Agent;
import io.oriole.agent.AgentManagement;
import io.oriole.bot.BotManagement;
import io.oriole.bot.BotSettings;
import io.oriole.knowledge.KnowledgeManagement;
import io.oriole.agent.AgentManagement.AgentProfile;
import io.oriole.agent.Tier;
import io.oriole.conversation.Actor;
import io.oriole.conversation.Channel;
import io.oriole.conversation.Conversation;
import io.oriole.conversation.ConversationManagement;
import io.oriole.conversation.ConversationStatus;
import io.oriole.customer.Customer;
import io.oriole.customer.CustomerKind;
import io.oriole.customer.CustomerManagement;
import io.oriole.customer.CustomerManagement.CustomerDetails;
import io.oriole.customer.VipTier;
import io.oriole.identity.Role;
import io.oriole.identity.User;
import io.oriole.identity.UserManagement;
import io.oriole.tenant.Tenant;
import io.oriole.tenant.TenantManagement;

/**
 * Seeds the demo tenant {@value #SLUG} once. Staff sign in with workspace {@value #SLUG} and password
 * {@value #PASSWORD}; the README lists the accounts.
 */
@Component
@ConditionalOnProperty(name = "oriole.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    static final String SLUG = "demo";
    static final String PASSWORD = "oriole-demo-2026";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final TenantManagement tenants;
    private final UserManagement users;
    private final AgentManagement agents;
    private final CustomerManagement customers;
    private final ConversationManagement conversations;
    private final TransactionTemplate tx;
    private final KnowledgeManagement knowledge;
    private final BotManagement bot;
    private final boolean botEnabled;

    DemoData(TenantManagement tenants, UserManagement users, AgentManagement agents, CustomerManagement customers,
            ConversationManagement conversations, TransactionTemplate tx, KnowledgeManagement knowledge,
            BotManagement bot, @Value("${oriole.demo.bot-enabled:true}") boolean botEnabled) {
        this.botEnabled = botEnabled;
        this.knowledge = knowledge;
        this.bot = bot;
        this.tenants = tenants;
        this.users = users;
        this.agents = agents;
        this.customers = customers;
        this.conversations = conversations;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (tenants.findBySlug(SLUG).isPresent()) {
            return;
        }
        tx.executeWithoutResult(s -> seed());
        log.info("Seeded demo tenant '{}': sign in at /login as admin@demo.oriole.dev / {}", SLUG, PASSWORD);
    }

    private void seed() {
        Tenant tenant = tenants.create(SLUG, "Oriole 示例公司 Demo Co.", "zh-CN", "Asia/Shanghai");
        var t = tenant.tenantId();
        agents.createDepartment(t, "pre-sales", "售前 Pre-sales");
        agents.createDepartment(t, "after-sales", "售后 After-sales");
        agents.createDepartment(t, "technical", "技术支持 Technical support");
        agents.createDepartment(t, "billing", "账务 Billing");

        staff(t, "admin@demo.oriole.dev", "管理员 Admin", Role.ADMIN, "zh-CN", null);
        Agent chen = staff(t, "chenjing@demo.oriole.dev", "陈静", Role.SUPERVISOR, "zh-CN",
                new AgentProfile("陈静", Tier.L3, 6, List.of("zh", "en"), Set.of("after-sales", "technical"),
                        Map.of("after-sales", 5, "technical", 4)));
        Agent lina = staff(t, "lina@demo.oriole.dev", "李娜", Role.AGENT, "zh-CN",
                new AgentProfile("李娜", Tier.L2, 4, List.of("zh", "en"), Set.of("after-sales"),
                        Map.of("after-sales", 4, "billing", 2)));
        staff(t, "wangqiang@demo.oriole.dev", "王强", Role.AGENT, "zh-CN",
                new AgentProfile("王强", Tier.L1, 5, List.of("zh"), Set.of("pre-sales"), Map.of("pre-sales", 3)));
        Agent emma = staff(t, "emma@demo.oriole.dev", "Emma Clark", Role.AGENT, "en",
                new AgentProfile("Emma Clark", Tier.L1, 5, List.of("en", "zh"), Set.of("technical", "pre-sales"),
                        Map.of("technical", 3, "pre-sales", 2)));
        staff(t, "zhangwei@demo.oriole.dev", "张伟", Role.AGENT, "zh-CN",
                new AgentProfile("张伟", Tier.L3, 3, List.of("zh", "en"), Set.of("technical"), Map.of("technical", 5)));
        staff(t, "sofia@demo.oriole.dev", "Sofia Rossi", Role.AGENT, "en",
                new AgentProfile("Sofia Rossi", Tier.L2, 4, List.of("en"), Set.of("billing"), Map.of("billing", 4)));

        Customer liu = customers.create(t, new CustomerDetails(CustomerKind.PERSONAL, "刘洋", null,
                "liuyang@example.cn", "+86 138 0013 8000", VipTier.NONE, "zh-CN", "shop-user-1001"));
        Customer xinghe = customers.create(t, new CustomerDetails(CustomerKind.ENTERPRISE, "赵敏", "星河科技有限公司",
                "zhaomin@xinghe.example.cn", "+86 21 5555 0101", VipTier.GOLD, "zh-CN", "shop-user-2001"));
        Customer northwind = customers.create(t, new CustomerDetails(CustomerKind.ENTERPRISE, "James Miller",
                "Northwind Trading Ltd", "james.miller@northwind.example.com", "+44 20 7946 0001", VipTier.PLATINUM,
                "en", "shop-user-3001"));
        Customer olivia = customers.create(t, new CustomerDetails(CustomerKind.PERSONAL, "Olivia Brown", null,
                "olivia.brown@example.com", null, VipTier.SILVER, "en", "shop-user-4001"));

        conversations.open(t, liu.id(), liu.name(), Channel.CHAT, null, "你好，我昨天下的订单 20261118-5521 什么时候发货？",
                null);
        Conversation payment = conversations.open(t, xinghe.id(), xinghe.name(), Channel.CHAT, null,
                "我们公司后台的支付一直失败，提示“交易超时”，影响所有门店收款，请尽快处理！", null);
        conversations.assign(t, payment.id(), lina.id(), lina.displayName(), Actor.system());
        conversations.reply(t, payment.id(), Actor.agent(lina.id(), lina.displayName()),
                "赵女士您好，我是李娜，已经收到，正在联系技术同事排查，请稍等。");
        conversations.addNote(t, payment.id(), Actor.agent(lina.id(), lina.displayName()),
                "影响全部门店收款，疑似支付网关超时，已通知技术支持。");

        Conversation invoice = conversations.open(t, northwind.id(), northwind.name(), Channel.EMAIL,
                "Invoice for October", "Hi, could you resend the invoice for our October order? We can't find it.",
                null);
        conversations.assign(t, invoice.id(), emma.id(), emma.displayName(), Actor.system());

        Conversation address = conversations.open(t, olivia.id(), olivia.name(), Channel.CHAT, null,
                "How do I change my delivery address for an order I placed this morning?", null);
        conversations.assign(t, address.id(), chen.id(), chen.displayName(), Actor.system());
        conversations.reply(t, address.id(), Actor.agent(chen.id(), chen.displayName()),
                "Hi Olivia, open My orders, choose the order and click \"Change address\" before it ships.");
        conversations.setStatus(t, address.id(), ConversationStatus.RESOLVED, Actor.agent(chen.id(),
                chen.displayName()));
        seedKnowledge(t);
    }

    /** A bilingual FAQ (orders, delivery, refunds, invoices, accounts, product) and the bot answering chat first. */
    private void seedKnowledge(io.oriole.tenant.TenantId t) {
        try (var in = DemoData.class.getResourceAsStream("/demo/knowledge-demo.csv")) {
            knowledge.importCsv(t, in.readAllBytes(), "admin@demo.oriole.dev");
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        bot.updateSettings(t, BotSettings.DEFAULT.withEnabled(botEnabled));
    }

    private Agent staff(io.oriole.tenant.TenantId t, String email, String name, Role role, String locale,
            AgentProfile profile) {
        User user = users.create(t, email, name, PASSWORD, role, locale);
        return profile == null ? null : agents.create(t, user.id(), profile);
    }
}
