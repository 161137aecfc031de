package io.oriole.web.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import io.oriole.conversation.Channel;
import io.oriole.conversation.Conversation;
import io.oriole.conversation.ConversationManagement;
import io.oriole.customer.CustomerManagement;
import io.oriole.identity.UserManagement;
import io.oriole.knowledge.EntryStatus;
import io.oriole.knowledge.KnowledgeManagement;
import io.oriole.support.Fixtures;
import io.oriole.tenant.TenantId;
import io.oriole.tenant.TenantManagement;
import io.oriole.web.WebTestFixtures;

/** The knowledge console pages and the workspace's assist panel on the demo tenant. */
@SpringBootTest(properties = {
        "spring.datasource.url=" + WebTestFixtures.H2_MEM + "web-mvc" + WebTestFixtures.H2_OPTIONS,
        "oriole.data-dir=${java.io.tmpdir}/oriole-web-mvc-tests",
        // Exact message counts and seqs here; the demo bot's own flows are BotBrowserIntegrationTests'.
        "oriole.demo.bot-enabled=false" })
@AutoConfigureMockMvc
class KnowledgeConsoleIntegrationTests {

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
    KnowledgeManagement knowledge;

    @Test
    void supervisorSearchesTheDemoKnowledgeBaseAndTriesACustomerQuestion() throws Exception {
        mvc.perform(get("/console/knowledge").param("lang", "en").param("ask", "I forgot my password")
                .with(authentication(staff("chenjing@demo.oriole.dev")))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("怎么修改收货地址")))
                .andExpect(content().string(Matchers.containsString("id=\"knowledge-matches\"")))
                .andExpect(content().string(Matchers.containsString("Unanswered questions")));
    }

    @Test
    void adminCreatesAnEntryAndItsPageShowsTheHistory() throws Exception {
        String title = "Do you sell gift cards " + UUID.randomUUID().toString().substring(0, 6) + "?";

        String location = mvc.perform(post("/console/knowledge").with(authentication(staff(WebTestFixtures.ADMIN)))
                .with(csrf()).param("title", title).param("body", "Yes, from 10 to 500 euros.")
                .param("phrasings", "gift card\ncan I buy a voucher").param("category", "product")
                .param("language", "EN").param("tags", "gift,voucher").param("status", "PUBLISHED"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();

        mvc.perform(get(location).param("lang", "en").with(authentication(staff(WebTestFixtures.ADMIN))))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString(title)))
                .andExpect(content().string(Matchers.containsString("admin@demo.oriole.dev changed created")));
        assertThat(knowledge.search(demo(), "can I buy a voucher", 1).get(0).entry().title()).isEqualTo(title);
    }

    @Test
    void anEntryWithoutATitleIsRefusedAndNothingIsCreated() throws Exception {
        long before = knowledge.count(demo());

        mvc.perform(post("/console/knowledge").with(authentication(staff(WebTestFixtures.ADMIN))).with(csrf())
                .param("title", "").param("body", "text").param("category", "product").param("language", "EN")
                .param("status", EntryStatus.PUBLISHED.name())).andExpect(status().is3xxRedirection());

        assertThat(knowledge.count(demo())).isEqualTo(before);
    }

    @Test
    void agentsCannotOpenTheKnowledgeConsole() throws Exception {
        mvc.perform(get("/console/knowledge").with(authentication(staff(WebTestFixtures.LINA))))
                .andExpect(status().isForbidden());
    }

    @Test
    void assistPanelSuggestsEntriesForTheCustomersLastMessage() throws Exception {
        var customer = Fixtures.customer(customers, tenants.findBySlug("demo").orElseThrow(), "Assist Test");
        Conversation c = conversations.open(demo(), customer.id(), customer.name(), Channel.CHAT, null,
                "退款多久能到账？", null);

        mvc.perform(get("/workspace/conversations/" + c.id() + "/assist").param("lang", "en")
                .with(authentication(staff(WebTestFixtures.LINA)))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Suggested answers")))
                .andExpect(content().string(Matchers.containsString("退款多久能到账")))
                .andExpect(content().string(Matchers.containsString("data-assist-insert=")));
    }

    private org.springframework.security.core.Authentication staff(String email) {
        return WebTestFixtures.staff(tenants, users, email);
    }

    private TenantId demo() {
        return tenants.findBySlug("demo").orElseThrow().tenantId();
    }
}
