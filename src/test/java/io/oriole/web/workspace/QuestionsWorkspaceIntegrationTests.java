package io.oriole.web.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

import io.oriole.identity.UserManagement;
import io.oriole.knowledge.EntryStatus;
import io.oriole.knowledge.KnowledgeManagement;
import io.oriole.knowledge.KnowledgeProposal;
import io.oriole.knowledge.OpenQuestion;
import io.oriole.tenant.TenantId;
import io.oriole.tenant.TenantManagement;
import io.oriole.web.WebTestFixtures;

/** The workspace's unanswered-questions inbox: agents propose, supervisors publish; and the 403 page. */
@SpringBootTest(properties = {
        "spring.datasource.url=" + WebTestFixtures.H2_MEM + "web-mvc" + WebTestFixtures.H2_OPTIONS,
        "oriole.data-dir=${java.io.tmpdir}/oriole-web-mvc-tests",
        "oriole.demo.bot-enabled=false" })
@AutoConfigureMockMvc
class QuestionsWorkspaceIntegrationTests {

    private static final String CHENJING = "chenjing@demo.oriole.dev";

    @Autowired
    MockMvc mvc;
    @Autowired
    TenantManagement tenants;
    @Autowired
    UserManagement users;
    @Autowired
    KnowledgeManagement knowledge;

    @Test
    void anAgentsAnswerWaitsUntilASupervisorPublishesItFromTheWorkspace() throws Exception {
        String question = "Can I pay with a voucher " + UUID.randomUUID().toString().substring(0, 6) + "?";
        long q = knowledge.recordOpenQuestion(demo(), question, OpenQuestion.Reason.NO_MATCH, null, null);

        mvc.perform(post("/workspace/questions/answer").with(authentication(staff(WebTestFixtures.LINA))).with(csrf())
                .param("questionIds", String.valueOf(q)).param("answer", "Yes, vouchers are taken at checkout.")
                .param("category", "payment")).andExpect(status().is3xxRedirection());

        KnowledgeProposal waiting = proposalFor(question);
        assertThat(waiting.entry().status()).isEqualTo(EntryStatus.DRAFT);
        assertThat(waiting.proposedBy()).isEqualTo(WebTestFixtures.LINA);
        mvc.perform(get("/workspace/questions").param("lang", "en").with(authentication(staff(WebTestFixtures.LINA))))
                .andExpect(status().isOk()).andExpect(content().string(containsString(question)))
                .andExpect(content().string(containsString("Waiting to be published")))
                .andExpect(content().string(not(containsString("/publish"))));
        mvc.perform(post("/workspace/questions/proposals/" + waiting.entry().id() + "/publish")
                .with(authentication(staff(WebTestFixtures.LINA))).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/workspace/questions").param("lang", "zh-CN").with(authentication(staff(CHENJING))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("等待发布")))
                .andExpect(content().string(containsString(
                        "/workspace/questions/proposals/" + waiting.entry().id() + "/publish")));
        mvc.perform(get("/console/knowledge").param("lang", "en").with(authentication(staff(CHENJING))))
                .andExpect(status().isOk()).andExpect(content().string(containsString(
                        "/console/knowledge/proposals/" + waiting.entry().id() + "/publish")));

        mvc.perform(post("/workspace/questions/proposals/" + waiting.entry().id() + "/publish")
                .with(authentication(staff(CHENJING))).with(csrf())).andExpect(status().is3xxRedirection());

        assertThat(knowledge.get(demo(), waiting.entry().id()).status()).isEqualTo(EntryStatus.PUBLISHED);
        assertThat(knowledge.proposals(demo())).noneMatch(p -> p.entry().id() == waiting.entry().id());
    }

    @Test
    void agentsSeeNoControlsTheirRoleCannotUse() throws Exception {
        mvc.perform(get("/workspace").param("lang", "en").with(authentication(staff(WebTestFixtures.LINA))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("/workspace/questions")))
                .andExpect(content().string(not(containsString("href=\"/console\""))))
                .andExpect(content().string(not(containsString("/console/knowledge"))));
        mvc.perform(get("/workspace").param("lang", "en").with(authentication(staff(CHENJING))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("/console/knowledge")));
    }

    @Test
    void aRefusedPageIsTheTranslated403Page() throws Exception {
        for (String[] lang : new String[][] { { "en", "Not for your role" }, { "zh-CN", "你的角色无权访问" } }) {
            mvc.perform(get("/error").param("lang", lang[0]).accept(MediaType.TEXT_HTML)
                    .with(authentication(staff(WebTestFixtures.LINA)))
                    .requestAttr("jakarta.servlet.error.status_code", 403)
                    .requestAttr("jakarta.servlet.error.request_uri", "/console/users/1"))
                    .andExpect(status().isForbidden()).andExpect(content().string(containsString(lang[1])));
        }
    }

    private KnowledgeProposal proposalFor(String question) {
        return knowledge.proposals(demo()).stream()
                .filter(p -> p.questions().stream().anyMatch(oq -> oq.question().equals(question))).findFirst()
                .orElseThrow();
    }

    private Authentication staff(String email) {
        return WebTestFixtures.staff(tenants, users, email);
    }

    private TenantId demo() {
        return tenants.findBySlug(WebTestFixtures.DEMO).orElseThrow().tenantId();
    }
}
