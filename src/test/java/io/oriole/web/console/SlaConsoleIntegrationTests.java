package io.oriole.web.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import io.oriole.conversation.ConversationManagement;
import io.oriole.conversation.InboxFilter;
import io.oriole.identity.UserManagement;
import io.oriole.sla.SlaManagement;
import io.oriole.tenant.TenantId;
import io.oriole.tenant.TenantManagement;
import io.oriole.web.WebTestFixtures;

/** The SLA console page and the workspace's SLA panel on the seeded demo tenant. */
@SpringBootTest(properties = {
        "spring.datasource.url=" + WebTestFixtures.H2_MEM + "web-mvc" + WebTestFixtures.H2_OPTIONS,
        "oriole.data-dir=${java.io.tmpdir}/oriole-web-mvc-tests" })
@AutoConfigureMockMvc
class SlaConsoleIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired TenantManagement tenants;
    @Autowired UserManagement users;
    @Autowired SlaManagement sla;
    @Autowired ConversationManagement conversations;
    @Autowired io.oriole.customer.CustomerManagement customers;

    @Test
    void supervisorSeesTheDemoPoliciesCalendarAndRiskLists() throws Exception {
        mvc.perform(get("/console/sla").with(authentication(WebTestFixtures.staff(tenants, users,
                "chenjing@demo.oriole.dev")))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Urgent P1 (24x7)")))
                .andExpect(content().string(Matchers.containsString("Security incident (24x7)")))
                .andExpect(content().string(Matchers.containsString("Shanghai office hours")))
                .andExpect(content().string(Matchers.containsString("id=\"sla-breached\"")))
                .andExpect(content().string(Matchers.containsString("id=\"sla-atRisk\"")));
    }

    @Test
    void agentsCannotOpenTheSlaConsole() throws Exception {
        mvc.perform(get("/console/sla").with(authentication(WebTestFixtures.staff(tenants, users,
                WebTestFixtures.LINA)))).andExpect(status().isForbidden());
    }

    @Test
    void adminSavesAPolicyFromTheForm() throws Exception {
        mvc.perform(post("/console/sla/policies").with(authentication(WebTestFixtures.staff(tenants, users,
                WebTestFixtures.ADMIN))).with(csrf()).param("name", "Billing email").param("position", "60")
                .param("enabled", "true").param("channels", "email").param("firstResponse", "90")
                .param("warnAt", "80").param("escalateOn", "NEVER")).andExpect(status().is3xxRedirection());

        assertThat(sla.policies(demo())).anySatisfy(p -> {
            assertThat(p.name()).isEqualTo("Billing email");
            assertThat(p.targets().firstResponse()).isEqualTo(Duration.ofMinutes(90));
            assertThat(p.conditions().channels()).hasSize(1);
        });
    }

    @Test
    void workspaceShowsTheSlaPanelWithItsPolicyAndHistory() throws Exception {
        long id = conversations.inbox(demo(), new InboxFilter(InboxFilter.View.ALL, null, null, null), 0, 50).stream()
                .filter(c -> c.subject().contains("订单 20261118-5521")).findFirst().orElseThrow().id();
        Awaitility.await().until(() -> sla.status(demo(), id)
                .map(s -> s.policyName() != null).orElse(false));

        mvc.perform(get("/workspace/conversations/{id}/sla", id).with(authentication(WebTestFixtures.staff(tenants,
                users, WebTestFixtures.LINA)))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"sla-policy\"")))
                .andExpect(content().string(Matchers.containsString("data-kind=\"APPLIED\"")));
        mvc.perform(get("/workspace").with(authentication(WebTestFixtures.staff(tenants, users,
                WebTestFixtures.LINA))).param("view", "all")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("sla-countdown")));
    }

    @Test
    void anotherTenantsConversationSlaAndPoliciesStayOutOfReach() throws Exception {
        var other = WebTestFixtures.otherTenantConversation(tenants, customers, conversations);
        TenantId otherTenant = new TenantId(other.tenantId());
        sla.installDefaults(otherTenant, false);
        var theirs = sla.policies(otherTenant).get(0);

        mvc.perform(get("/workspace/conversations/{id}/sla", other.id()).with(authentication(
                WebTestFixtures.staff(tenants, users, WebTestFixtures.LINA)))).andExpect(status().isNotFound());
        mvc.perform(post("/console/sla/policies").with(authentication(WebTestFixtures.staff(tenants, users,
                WebTestFixtures.ADMIN))).with(csrf()).param("id", String.valueOf(theirs.id()))
                .param("name", "Hijacked").param("position", "1").param("firstResponse", "1")
                .param("escalateOn", "NEVER")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/console/sla/policies/{id}/delete", theirs.id()).with(authentication(
                WebTestFixtures.staff(tenants, users, WebTestFixtures.ADMIN))).with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(sla.policy(otherTenant, theirs.id())).hasValue(theirs);
        assertThat(sla.policies(demo())).noneMatch(p -> p.name().equals("Hijacked"));
    }

    private TenantId demo() {
        return tenants.findBySlug(WebTestFixtures.DEMO).orElseThrow().tenantId();
    }
}
