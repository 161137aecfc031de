package io.oriole.web.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

import io.oriole.agent.Agent;
import io.oriole.agent.AgentManagement;
import io.oriole.agent.AgentManagement.AgentProfile;
import io.oriole.agent.Presence;
import io.oriole.agent.PresenceManagement;
import io.oriole.agent.Tier;
import io.oriole.identity.LastAdminException;
import io.oriole.identity.Role;
import io.oriole.identity.StaffPrincipal;
import io.oriole.identity.User;
import io.oriole.identity.UserManagement;
import io.oriole.support.Fixtures;
import io.oriole.tenant.Tenant;
import io.oriole.tenant.TenantManagement;
import io.oriole.web.WebTestFixtures;

/**
 * An administrator edits and disables staff from the console: the agent profile changes together with the account,
 * a disabled person's open session ends and they go offline at once, nobody locks themselves out, the last
 * administrator stays one, and another tenant's staff cannot be seen or changed.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=" + WebTestFixtures.H2_MEM + "web-mvc" + WebTestFixtures.H2_OPTIONS,
        "oriole.data-dir=${java.io.tmpdir}/oriole-web-mvc-tests",
        "oriole.demo.bot-enabled=false" })
@AutoConfigureMockMvc
class UserConsoleIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TenantManagement tenants;
    @Autowired
    UserManagement users;
    @Autowired
    AgentManagement agents;
    @Autowired
    PresenceManagement presence;

    Tenant tenant;
    User admin;
    User agentUser;
    Agent agent;

    @BeforeEach
    void tenantWithAnAdminAndAnAgent() {
        tenant = Fixtures.tenant(tenants);
        agents.createDepartment(tenant.tenantId(), "billing", "账务 Billing");
        agents.createDepartment(tenant.tenantId(), "technical", "技术 Technical");
        admin = users.create(tenant.tenantId(), "boss@example.com", "王芳", Fixtures.PASSWORD, Role.ADMIN, "zh-CN");
        agentUser = Fixtures.user(users, tenant, "li.na@example.com");
        agent = agents.create(tenant.tenantId(), agentUser.id(), new AgentProfile("李娜", Tier.L1, 4,
                List.of("zh"), Set.of("billing"), Map.of("billing", 3)));
    }

    @Test
    void adminChangesAccountAndAgentProfileTogether() throws Exception {
        mvc.perform(get("/console/users/" + agentUser.id()).with(authentication(as(admin))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("li.na@example.com")))
                .andExpect(content().string(Matchers.containsString("billing:3")));

        mvc.perform(post("/console/users/" + agentUser.id()).with(authentication(as(admin))).with(csrf())
                .param("displayName", "李娜 Lina").param("role", "SUPERVISOR").param("locale", "en")
                .param("enabled", "true").param("tier", "L2").param("maxConcurrent", "6")
                .param("languages", "zh,en").param("departments", "billing", "technical")
                .param("skills", "billing:4, refunds:2"))
                .andExpect(redirectedUrl("/console")).andExpect(flash().attribute("saved", "li.na@example.com"));

        User saved = users.find(tenant.tenantId(), agentUser.id()).orElseThrow();
        assertThat(saved.displayName()).isEqualTo("李娜 Lina");
        assertThat(saved.role()).isEqualTo(Role.SUPERVISOR);
        assertThat(saved.locale()).isEqualTo("en");
        Agent profile = agents.find(tenant.tenantId(), agent.id()).orElseThrow();
        assertThat(profile.tier()).isEqualTo(Tier.L2);
        assertThat(profile.maxConcurrent()).isEqualTo(6);
        assertThat(profile.languageList()).containsExactly("zh", "en");
        assertThat(profile.departmentCodes()).containsExactlyInAnyOrder("billing", "technical");
        assertThat(profile.skills()).extracting(s -> s.skill() + ":" + s.level())
                .containsExactlyInAnyOrder("billing:4", "refunds:2");
    }

    @Test
    void aBadAgentProfileChangesNothing() throws Exception {
        mvc.perform(post("/console/users/" + agentUser.id()).with(authentication(as(admin))).with(csrf())
                .param("displayName", "Renamed").param("role", "AGENT").param("enabled", "true")
                .param("tier", "L3").param("maxConcurrent", "6").param("languages", "zh")
                .param("departments", "no-such-department").param("skills", "billing:3"))
                .andExpect(redirectedUrl("/console/users/" + agentUser.id()))
                .andExpect(flash().attribute("error", Matchers.containsString("no-such-department")));

        assertThat(users.find(tenant.tenantId(), agentUser.id()).orElseThrow().displayName())
                .isEqualTo("li.na@example.com");
        assertThat(agents.find(tenant.tenantId(), agent.id()).orElseThrow().tier()).isEqualTo(Tier.L1);
    }

    @Test
    void disablingEndsTheOpenSessionAndTakesTheAgentOffline() throws Exception {
        MockHttpSession session = (MockHttpSession) mvc.perform(post("/login").with(csrf())
                .param("tenant", tenant.slug()).param("email", "li.na@example.com")
                .param("password", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/workspace")).andReturn().getRequest().getSession();
        mvc.perform(get("/workspace").session(session)).andExpect(status().isOk());
        presence.heartbeat(tenant.tenantId(), agent.id(), Presence.ONLINE);

        mvc.perform(post("/console/users/" + agentUser.id()).with(authentication(as(admin))).with(csrf())
                .param("displayName", "李娜").param("role", "AGENT").param("tier", "L1").param("maxConcurrent", "4")
                .param("languages", "zh").param("departments", "billing").param("skills", "billing:3"))
                .andExpect(redirectedUrl("/console"));

        assertThat(users.find(tenant.tenantId(), agentUser.id()).orElseThrow().enabled()).isFalse();
        mvc.perform(get("/workspace").session(session)).andExpect(redirectedUrl("/login?expired"));
        await()
                .until(() -> presence.presence(tenant.tenantId(), agent.id()) == Presence.OFFLINE);
        mvc.perform(post("/login").with(csrf()).param("tenant", tenant.slug()).param("email", "li.na@example.com")
                .param("password", Fixtures.PASSWORD)).andExpect(header().string("Location", Matchers.startsWith("/login?error")));
    }

    @Test
    void nobodyDisablesOrDemotesThemselves() throws Exception {
        mvc.perform(post("/console/users/" + admin.id()).with(authentication(as(admin))).with(csrf())
                .param("displayName", "王芳").param("role", "ADMIN").param("locale", "zh-CN"))
                .andExpect(redirectedUrl("/console/users/" + admin.id()))
                .andExpect(flash().attribute("problem", "console.notYourself"));
        mvc.perform(put("/api/v1/users/" + admin.id()).with(authentication(as(admin))).with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"displayName\":\"王芳\",\"role\":\"AGENT\",\"locale\":\"zh-CN\",\"enabled\":true}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("role"));

        assertThat(users.find(tenant.tenantId(), admin.id()).orElseThrow())
                .satisfies(u -> assertThat(u.enabled()).isTrue())
                .satisfies(u -> assertThat(u.role()).isEqualTo(Role.ADMIN));
    }

    @Test
    void theLastEnabledAdministratorStaysOne() throws Exception {
        User second = users.create(tenant.tenantId(), "deputy@example.com", "张伟", Fixtures.PASSWORD, Role.ADMIN,
                "zh-CN");

        // Two administrators: one may disable the other.
        mvc.perform(put("/api/v1/users/" + second.id()).with(authentication(as(admin))).with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"displayName\":\"张伟\",\"role\":\"ADMIN\",\"locale\":\"zh-CN\",\"enabled\":false}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.enabled").value(false));

        // Now the first is the only enabled one left.
        assertThatThrownBy(() -> users.update(tenant.tenantId(), admin.id(), "王芳", Role.SUPERVISOR, "zh-CN", true))
                .isInstanceOf(LastAdminException.class);
        assertThatThrownBy(() -> users.update(tenant.tenantId(), admin.id(), "王芳", Role.ADMIN, "zh-CN", false))
                .isInstanceOf(LastAdminException.class);
        assertThat(users.find(tenant.tenantId(), admin.id()).orElseThrow().role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void anotherTenantsAdministratorCannotSeeOrChangeTheseStaff() throws Exception {
        Tenant other = Fixtures.tenant(tenants);
        User otherAdmin = users.create(other.tenantId(), "boss@other.example", "Other", Fixtures.PASSWORD,
                Role.ADMIN, "en");

        mvc.perform(get("/console/users/" + agentUser.id()).with(authentication(as(otherAdmin))))
                .andExpect(status().isNotFound());
        mvc.perform(post("/console/users/" + agentUser.id()).with(authentication(as(otherAdmin))).with(csrf())
                .param("displayName", "hijacked").param("role", "ADMIN").param("enabled", "true"))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/users/" + agentUser.id()).with(authentication(as(otherAdmin))).with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"displayName\":\"hijacked\",\"role\":\"ADMIN\",\"locale\":\"en\",\"enabled\":false}"))
                .andExpect(status().isNotFound());

        User untouched = users.find(tenant.tenantId(), agentUser.id()).orElseThrow();
        assertThat(untouched.displayName()).isEqualTo("li.na@example.com");
        assertThat(untouched.role()).isEqualTo(Role.AGENT);
        assertThat(untouched.enabled()).isTrue();
    }

    @Test
    void supervisorsCannotEditStaff() throws Exception {
        User supervisor = users.create(tenant.tenantId(), "lead@example.com", "陈静", Fixtures.PASSWORD,
                Role.SUPERVISOR, "zh-CN");

        mvc.perform(get("/console/users/" + agentUser.id()).with(authentication(as(supervisor))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/console/users/" + agentUser.id()).with(authentication(as(supervisor))).with(csrf())
                .param("displayName", "x").param("role", "ADMIN").param("enabled", "true"))
                .andExpect(status().isForbidden());
        assertThat(users.find(tenant.tenantId(), agentUser.id()).orElseThrow().role()).isEqualTo(Role.AGENT);
    }

    private Authentication as(User user) {
        StaffPrincipal principal = StaffPrincipal.of(user, tenant.id() == user.tenantId() ? tenant.slug() : "other");
        return new UsernamePasswordAuthenticationToken(principal, null, principal.authorities());
    }
}
