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
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.oriole.agent.AgentManagement;
import io.oriole.agent.Tier;
import io.oriole.identity.ApiToken;
import io.oriole.identity.ApiTokenManagement;
import io.oriole.identity.Role;
import io.oriole.identity.StaffPrincipal;
import io.oriole.identity.User;
import io.oriole.identity.UserManagement;
import io.oriole.tenant.TenantId;
import io.oriole.tenant.TenantManagement;
import io.oriole.web.WebTestFixtures;

@SpringBootTest(properties = {
        "spring.datasource.url=" + WebTestFixtures.H2_MEM + "web-mvc" + WebTestFixtures.H2_OPTIONS,
        "oriole.data-dir=${java.io.tmpdir}/oriole-web-mvc-tests",
        // Exact message counts and seqs here; the demo bot's own flows are BotBrowserIntegrationTests'.
        "oriole.demo.bot-enabled=false" })
@AutoConfigureMockMvc
class ConsoleIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TenantManagement tenants;
    @Autowired
    UserManagement users;
    @Autowired
    AgentManagement agents;
    @Autowired
    ApiTokenManagement tokens;

    @Test
    void adminCreatesAUserWithAnAgentProfile() throws Exception {
        String email = "new-" + UUID.randomUUID().toString().substring(0, 6) + "@demo.oriole.dev";

        mvc.perform(post("/console/users").with(authentication(admin())).with(csrf()).param("email", email)
                .param("displayName", "周杰").param("password", "long-enough-password").param("role", "AGENT")
                .param("locale", "zh-CN").param("agent", "true").param("tier", "L2").param("maxConcurrent", "7")
                .param("languages", "zh,en").param("departments", "billing").param("skills", "billing:4, refunds"))
                .andExpect(status().is3xxRedirection());

        User user = users.findByEmail(demo(), email).orElseThrow();
        assertThat(user.role()).isEqualTo(Role.AGENT);
        assertThat(agents.findByUser(demo(), user.id())).hasValueSatisfying(agent -> {
            assertThat(agent.tier()).isEqualTo(Tier.L2);
            assertThat(agent.maxConcurrent()).isEqualTo(7);
            assertThat(agent.departmentCodes()).containsExactly("billing");
            assertThat(agent.skills()).hasSize(2);
        });
    }

    @Test
    void invalidAgentProfileLeavesNoUserBehind() throws Exception {
        String email = "half-" + UUID.randomUUID().toString().substring(0, 6) + "@demo.oriole.dev";

        mvc.perform(post("/console/users").with(authentication(admin())).with(csrf()).param("email", email)
                .param("displayName", "Half").param("password", "long-enough-password").param("role", "AGENT")
                .param("agent", "true").param("departments", "no-such-department"))
                .andExpect(status().is3xxRedirection());

        assertThat(users.findByEmail(demo(), email)).isEmpty();
    }

    @Test
    void supervisorSeesTheConsoleButCannotCreateUsers() throws Exception {
        Authentication supervisor = WebTestFixtures.staff(tenants, users, "chenjing@demo.oriole.dev");

        mvc.perform(get("/console").param("lang", "en").with(authentication(supervisor))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("李娜")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Create user"))));
        mvc.perform(post("/console/users").with(authentication(supervisor)).with(csrf()).param("email", "x@y.z")
                .param("password", "long-enough-password")).andExpect(status().isForbidden());
    }

    @Test
    void newTokenIsShownOnceThenOnlyItsPrefix() throws Exception {
        Authentication lina = WebTestFixtures.staff(tenants, users, WebTestFixtures.LINA);

        MvcResult issued = mvc.perform(post("/account/tokens").param("name", "ci").with(authentication(lina))
                .with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
        String plaintext = (String) issued.getFlashMap().get("issued");
        assertThat(plaintext).startsWith("ori_");
        mvc.perform(get("/account/tokens").with(authentication(lina)).flashAttr("issued", plaintext))
                .andExpect(content().string(Matchers.containsString(plaintext)));
        mvc.perform(get("/account/tokens").with(authentication(lina)))
                .andExpect(content().string(Matchers.not(Matchers.containsString(plaintext))))
                .andExpect(content().string(Matchers.containsString(plaintext.substring(0, 10))));
    }

    @Test
    void staffRevokeTheirOwnTokensButNotSomeoneElses() throws Exception {
        StaffPrincipal lina = (StaffPrincipal) WebTestFixtures.staff(tenants, users, WebTestFixtures.LINA)
                .getPrincipal();
        ApiToken linas = tokens.issue(demo(), lina.userId(), "mine").token();
        Authentication emma = WebTestFixtures.staff(tenants, users, "emma@demo.oriole.dev");

        mvc.perform(post("/account/tokens/{id}/revoke", linas.id()).with(authentication(emma)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(tokens.find(demo(), linas.id()).orElseThrow().active()).isTrue();

        mvc.perform(post("/account/tokens/{id}/revoke", linas.id())
                .with(authentication(WebTestFixtures.staff(tenants, users, WebTestFixtures.LINA))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(tokens.find(demo(), linas.id()).orElseThrow().active()).isFalse();
    }

    private Authentication admin() {
        return WebTestFixtures.staff(tenants, users, WebTestFixtures.ADMIN);
    }

    private TenantId demo() {
        return tenants.findBySlug(WebTestFixtures.DEMO).orElseThrow().tenantId();
    }
}
