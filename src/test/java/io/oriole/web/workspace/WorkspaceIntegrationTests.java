package io.oriole.web.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.awaitility.Awaitility;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

import io.oriole.conversation.Conversation;
import io.oriole.conversation.ConversationManagement;
import io.oriole.conversation.ConversationStatus;
import io.oriole.conversation.InboxFilter;
import io.oriole.conversation.Message;
import io.oriole.conversation.Channel;
import io.oriole.customer.Customer;
import io.oriole.customer.CustomerKind;
import io.oriole.customer.CustomerManagement;
import io.oriole.customer.VipTier;
import io.oriole.identity.UserManagement;
import io.oriole.tenant.TenantId;
import io.oriole.tenant.TenantManagement;
import io.oriole.triage.PriorityLevel;
import io.oriole.triage.TriageManagement;
import io.oriole.web.WebTestFixtures;

@SpringBootTest(properties = {
        "spring.datasource.url=" + WebTestFixtures.H2_MEM + "web-mvc" + WebTestFixtures.H2_OPTIONS,
        "oriole.data-dir=${java.io.tmpdir}/oriole-web-mvc-tests",
        // Exact message counts and seqs here; the demo bot's own flows are BotBrowserIntegrationTests'.
        "oriole.demo.bot-enabled=false" })
@AutoConfigureMockMvc
class WorkspaceIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TenantManagement tenants;
    @Autowired
    UserManagement users;
    @Autowired
    CustomerManagement customers;
    @Autowired
    ConversationManagement conversations;
    @Autowired
    TriageManagement triage;

    @Test
    void workspaceRequiresLogin() throws Exception {
        mvc.perform(get("/workspace").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/workspace/inbox").header("HX-Request", "true")).andExpect(status().isUnauthorized());
    }

    @Test
    void agentOfOneTenantGetsNotFoundForAnotherTenantsConversation() throws Exception {
        Conversation foreign = WebTestFixtures.otherTenantConversation(tenants, customers, conversations);
        Authentication lina = lina();

        mvc.perform(get("/workspace/conversations/{id}", foreign.id()).with(authentication(lina)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/workspace/conversations/{id}/messages", foreign.id()).with(authentication(lina)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/workspace/conversations/{id}/reply", foreign.id()).param("body", "hi")
                .with(authentication(lina)).with(csrf())).andExpect(status().isNotFound());
        assertThat(conversations.messages(new TenantId(foreign.tenantId()), foreign.id(), 0, true, 10)).hasSize(1);
    }

    @Test
    void agentSeesTheConversationWithCustomerProfileAndInternalNotes() throws Exception {
        Conversation payment = demoConversation("支付");

        mvc.perform(get("/workspace/conversations/{id}", payment.id()).param("lang", "en").with(authentication(lina())))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("星河科技有限公司")))
                .andExpect(content().string(Matchers.containsString("VIP Gold")))
                .andExpect(content().string(Matchers.containsString("Internal note")))
                .andExpect(content().string(Matchers.containsString("疑似支付网关超时")));
    }

    @Test
    void conversationOfAVipWhoseSystemIsDownShowsP1WithItsFactors() throws Exception {
        Customer gold = customers.create(demo(), new CustomerManagement.CustomerDetails(CustomerKind.ENTERPRISE,
                "王总", "云帆物流有限公司", null, null, VipTier.GOLD, "zh-CN", "ws-" + UUID.randomUUID()));
        Conversation down = conversations.open(demo(), gold.id(), gold.name(), Channel.CHAT, null,
                "我们公司整个系统都登不上了，所有员工都用不了！", null);
        Awaitility.await().until(() -> triage.latest(demo(), down.id()).isPresent());

        mvc.perform(get("/workspace/conversations/{id}", down.id()).param("lang", "en").with(authentication(lina())))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("priority-p1")))
                .andExpect(content().string(Matchers.containsString("P1: system down (+50)")))
                .andExpect(content().string(Matchers.containsString("VIP gold (+")))
                .andExpect(content().string(Matchers.containsString("System down")));
        mvc.perform(get("/workspace/conversations/{id}/triage", down.id()).param("lang", "zh-CN")
                .with(authentication(lina())))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("系统瘫痪")));
        assertThat(triage.latestLevels(demo(), java.util.List.of(down.id()))).containsEntry(down.id(), PriorityLevel.P1);
        mvc.perform(get("/workspace/inbox").param("view", "all").with(authentication(lina())))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("priority-p1")));
    }

    @Test
    void replyStoresTheMessageAndTellsThePageWhatChanged() throws Exception {
        Conversation payment = demoConversation("支付");

        mvc.perform(post("/workspace/conversations/{id}/reply", payment.id()).param("body", "已经修复，请再试一次。")
                .header("HX-Request", "true").with(authentication(lina())).with(csrf()))
                .andExpect(status().isNoContent())
                .andExpect(header().string("HX-Trigger", Matchers.containsString("messages-changed")));

        Message last = conversations.messages(demo(), payment.id(), payment.lastSeq(), true, 10).get(0);
        assertThat(last.body()).isEqualTo("已经修复，请再试一次。");
        assertThat(last.authorName()).isEqualTo("李娜");
    }

    @Test
    void replySentBeforeThePageScriptsLoadedIsStoredAndLeadsBackToTheConversation() throws Exception {
        Conversation payment = demoConversation("支付");

        mvc.perform(post("/workspace/conversations/{id}/reply", payment.id()).param("body", "请刷新后再试。")
                .with(authentication(lina())).with(csrf()))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", "/workspace/conversations/" + payment.id()));
        mvc.perform(post("/workspace/conversations/{id}/note", payment.id()).param("body", "客户已确认收到")
                .with(authentication(lina())).with(csrf()))
                .andExpect(status().isSeeOther());

        assertThat(conversations.messages(demo(), payment.id(), payment.lastSeq(), true, 10))
                .extracting(Message::body).containsExactly("请刷新后再试。", "客户已确认收到");
    }

    @Test
    void blankReplyIsRefusedWithATranslatedMessage() throws Exception {
        Conversation payment = demoConversation("支付");

        mvc.perform(post("/workspace/conversations/{id}/reply", payment.id()).param("body", "  ").param("lang", "zh-CN")
                .with(authentication(lina())).with(csrf())).andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("请输入")));
    }

    @Test
    void replyOrNoteWithANulIsRefusedInTheAgentsLanguageAndNotStored() throws Exception {
        Conversation payment = demoConversation("支付");
        int before = conversations.messages(new io.oriole.tenant.TenantId(payment.tenantId()), payment.id(), 0, true,
                500).size();

        mvc.perform(post("/workspace/conversations/{id}/reply", payment.id()).param("body", "好的\u0000")
                .param("lang", "zh-CN").with(authentication(lina())).with(csrf())).andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("无法保存的字符")));
        mvc.perform(post("/workspace/conversations/{id}/note", payment.id()).param("body", "\u200b\u202e")
                .param("lang", "en").with(authentication(lina())).with(csrf())).andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("no visible characters")));

        assertThat(conversations.messages(new io.oriole.tenant.TenantId(payment.tenantId()), payment.id(), 0, true,
                500)).hasSize(before);
    }

    @Test
    void adminWithoutAgentProfileCanReadButNotReply() throws Exception {
        Conversation payment = demoConversation("支付");
        Authentication admin = WebTestFixtures.staff(tenants, users, WebTestFixtures.ADMIN);

        mvc.perform(get("/workspace/conversations/{id}", payment.id()).param("lang", "en").with(authentication(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("You have no agent profile")));
        mvc.perform(post("/workspace/conversations/{id}/reply", payment.id()).param("body", "hello")
                .with(authentication(admin)).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void resolvingAndReopeningChangeTheStatus() throws Exception {
        Conversation order = demoConversation("20261118-5521");

        mvc.perform(post("/workspace/conversations/{id}/status", order.id()).param("status", "RESOLVED")
                .with(authentication(lina())).with(csrf())).andExpect(status().isNoContent());
        assertThat(conversations.get(demo(), order.id()).status()).isEqualTo(ConversationStatus.RESOLVED);

        mvc.perform(post("/workspace/conversations/{id}/status", order.id()).param("status", "OPEN")
                .with(authentication(lina())).with(csrf())).andExpect(status().isNoContent());
        assertThat(conversations.get(demo(), order.id()).status()).isEqualTo(ConversationStatus.OPEN);
    }

    @Test
    void loginPageExplainsTheErrorInTheChosenLanguageAndKeepsTheInput() throws Exception {
        mvc.perform(get("/login").param("error", "bad").param("tenant", "demo").param("email", "x@y.z")
                .param("lang", "zh-CN")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("工作空间、邮箱或密码错误")))
                .andExpect(content().string(Matchers.containsString("value=\"x@y.z\"")));
        mvc.perform(get("/login").param("error", "locked").param("lang", "en"))
                .andExpect(content().string(Matchers.containsString("Wrong workspace, e-mail or password.")));
    }

    @Test
    void consoleIsForSupervisorsAndAdminsOnly() throws Exception {
        mvc.perform(get("/console").with(authentication(lina()))).andExpect(status().isForbidden());
        mvc.perform(get("/console").with(authentication(WebTestFixtures.staff(tenants, users, WebTestFixtures.ADMIN))))
                .andExpect(status().isOk());
    }

    private Conversation demoConversation(String subjectContains) {
        return conversations.inbox(demo(), new InboxFilter(InboxFilter.View.ALL, null, null, null), 0, 200).stream()
                .filter(c -> c.subject().contains(subjectContains)).findFirst().orElseThrow();
    }

    private TenantId demo() {
        return tenants.findBySlug(WebTestFixtures.DEMO).orElseThrow().tenantId();
    }

    private Authentication lina() {
        return WebTestFixtures.staff(tenants, users, WebTestFixtures.LINA);
    }
}
