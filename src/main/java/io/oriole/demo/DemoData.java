package io.oriole.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
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
import io.oriole.customer.AccountFacts;
import io.oriole.customer.Customer;
import io.oriole.customer.CustomerKind;
import io.oriole.customer.CustomerManagement;
import io.oriole.customer.CustomerManagement.CustomerDetails;
import io.oriole.customer.TierRule;
import io.oriole.customer.VipTier;
import io.oriole.identity.Role;
import io.oriole.identity.User;
import io.oriole.identity.UserManagement;
import io.oriole.routing.RoutingManagement;
import io.oriole.sla.SlaManagement;
import io.oriole.tenant.Tenant;
import io.oriole.tenant.TenantManagement;
import io.oriole.triage.IntentExample;
import io.oriole.triage.TriageManagement;

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
    private final TriageManagement triage;
    private final SlaManagement sla;
    private final RoutingManagement routing;
    private final KnowledgeManagement knowledge;
    private final BotManagement bot;
    private final boolean shortSlaDemo;
    private final boolean botEnabled;

    DemoData(TenantManagement tenants, UserManagement users, AgentManagement agents, CustomerManagement customers,
            ConversationManagement conversations, TransactionTemplate tx, TriageManagement triage,
            SlaManagement sla, RoutingManagement routing, KnowledgeManagement knowledge, BotManagement bot,
            @Value("${oriole.sla.demo-short-policy:false}") boolean shortSlaDemo,
            @Value("${oriole.demo.bot-enabled:true}") boolean botEnabled) {
        this.triage = triage;
        this.sla = sla;
        this.routing = routing;
        this.knowledge = knowledge;
        this.bot = bot;
        this.shortSlaDemo = shortSlaDemo;
        this.botEnabled = botEnabled;
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
        // After the commit, so the background training that these start finds the examples.
        seedTriage(tenants.findBySlug(SLUG).orElseThrow().tenantId());
        log.info("Seeded demo tenant '{}': sign in at /login as admin@demo.oriole.dev / {}", SLUG, PASSWORD);
    }

    private void seed() {
        Tenant tenant = tenants.create(SLUG, "Oriole 示例公司 Demo Co.", "zh-CN", "Asia/Shanghai");
        var t = tenant.tenantId();
        sla.installDefaults(t, shortSlaDemo);
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
        Agent sofia = staff(t, "sofia@demo.oriole.dev", "Sofia Rossi", Role.AGENT, "en",
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

        seedTiers(t, liu, xinghe, northwind, olivia);
        routing.installDefaultQueues(t);
        routing.setDedicatedAgent(t, xinghe.id(), chen.id());
        routing.setDedicatedAgent(t, northwind.id(), sofia.id());

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

    /** Tier rules that give the seeded customers the tiers they were created with, from their account facts. */
    private void seedTiers(io.oriole.tenant.TenantId t, Customer liu, Customer xinghe, Customer northwind,
            Customer olivia) {
        customers.updateAccountFacts(t, liu.id(), new AccountFacts(1, new BigDecimal("80"), LocalDate.of(2026, 10, 1)));
        customers.updateAccountFacts(t, xinghe.id(), new AccountFacts(300, new BigDecimal("8000"),
                LocalDate.of(2023, 3, 1)));
        customers.updateAccountFacts(t, northwind.id(), new AccountFacts(1200, new BigDecimal("25000"),
                LocalDate.of(2019, 6, 1)));
        customers.updateAccountFacts(t, olivia.id(), new AccountFacts(1, new BigDecimal("120"),
                LocalDate.of(2022, 5, 10)));
        customers.replaceTierRules(t, List.of(
                new TierRule(VipTier.PLATINUM, null, new BigDecimal("20000"), 12),
                new TierRule(VipTier.GOLD, null, new BigDecimal("5000"), null),
                new TierRule(VipTier.SILVER, null, null, 24)));
    }

    /** A few intents of an online shop in both languages, and its products, so triage shows them at once. */
    private void seedTriage(io.oriole.tenant.TenantId t) {
        String[][] examples = {
            { "我的快递到哪了", "track_order" }, { "订单怎么还没发货", "track_order" },
            { "where is my parcel", "track_order" }, { "my order has not arrived yet", "track_order" },
            { "怎么修改收货地址", "change_address" }, { "地址填错了能改吗", "change_address" },
            { "how do I change my delivery address", "change_address" },
            { "can I update the shipping address on my order", "change_address" },
            { "我要退货退款", "refund" }, { "退款什么时候到账", "refund" },
            { "I want a refund for this order", "refund" }, { "please give me my money back", "refund" },
            { "发票怎么开", "invoice" }, { "能重新发一下上个月的发票吗", "invoice" },
            { "could you resend the invoice for October", "invoice" }, { "I need a VAT invoice", "invoice" },
            { "忘记密码了怎么办", "reset_password" }, { "登录密码怎么重置", "reset_password" },
            { "I forgot my password", "reset_password" }, { "how do I reset my password", "reset_password" },
        };
        List<IntentExample> list = new java.util.ArrayList<>();
        for (String[] e : examples) {
            list.add(new IntentExample(e[0], e[1]));
        }
        triage.replaceIntentExamples(t, list);
        triage.replaceCatalogue(t, List.of("Oriole Phone X", "Oriole Watch", "星河路由器", "云帆会员"));
    }

    private Agent staff(io.oriole.tenant.TenantId t, String email, String name, Role role, String locale,
            AgentProfile profile) {
        User user = users.create(t, email, name, PASSWORD, role, locale);
        return profile == null ? null : agents.create(t, user.id(), profile);
    }
}
