package io.oriole.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import io.oriole.identity.Role;
import io.oriole.identity.StaffPrincipal;
import io.oriole.identity.User;
import io.oriole.identity.UserManagement;
import io.oriole.support.Fixtures;
import io.oriole.support.OrioleIntegrationTest;
import io.oriole.tenant.Tenant;
import io.oriole.tenant.TenantManagement;
import io.oriole.tenant.WidgetSites;

@OrioleIntegrationTest
@AutoConfigureMockMvc
@TestPropertySource(properties = { "oriole.management.scrape-token=scrape-secret-123",
        "oriole.platform.operator-token=operator-secret-456-at-least-24" })
class HeadersAndExposureIntegrationTests {

    private static final String CSP = "Content-Security-Policy";

    @Autowired
    MockMvc mvc;
    @Autowired
    TenantManagement tenants;
    @Autowired
    UserManagement users;
    @Autowired
    WidgetSites sites;

    Tenant tenant;

    @BeforeEach
    void tenant() {
        tenant = Fixtures.tenant(tenants);
    }

    @Test
    void everyPageCarriesAPolicyAllowingOnlyOriolesOwnScriptsAndStyles() throws Exception {
        for (String page : List.of("/login", "/widget/" + tenant.slug(), "/embed-demo.html")) {
            mvc.perform(get(page)).andExpect(status().isOk())
                    .andExpect(header().string(CSP, containsString("script-src 'self'")))
                    .andExpect(header().string(CSP, containsString("style-src 'self'")))
                    .andExpect(header().string(CSP, containsString("object-src 'none'")))
                    .andExpect(header().string(CSP, not(containsString("unsafe"))));
        }
        mvc.perform(get("/workspace").with(authentication(staff(Role.AGENT))))
                .andExpect(header().string(CSP, containsString("script-src 'self'")));
    }

    @Test
    void staffPagesMayBeFramedByOrioleOnly() throws Exception {
        mvc.perform(get("/login")).andExpect(header().string(CSP, containsString("frame-ancestors 'self'")));
    }

    @Test
    void theWidgetMayBeFramedByAnySiteUntilTheTenantListsItsOwn() throws Exception {
        mvc.perform(get("/widget/" + tenant.slug())).andExpect(header().string(CSP, containsString("frame-ancestors *")));

        sites.allow(tenant.tenantId(), "https://shop.example.com\nhttps://*.example.org");

        mvc.perform(get("/widget/" + tenant.slug())).andExpect(header().string(CSP,
                containsString("frame-ancestors https://shop.example.com https://*.example.org;")));
    }

    @Test
    void anAdminListsTheAllowedSitesInTheConsole() throws Exception {
        Authentication admin = staff(Role.ADMIN);
        mvc.perform(get("/console/embedding").with(authentication(admin))).andExpect(status().isOk());

        mvc.perform(post("/console/embedding").param("sites", "https://shop.example.com, http://localhost:3000")
                .with(authentication(admin)).with(csrf())).andExpect(status().is3xxRedirection());

        assertThat(sites.allowed(tenant.tenantId())).containsExactly("https://shop.example.com",
                "http://localhost:3000");
    }

    @Test
    void aSiteThatIsNotAnOriginIsRefusedAndNothingChanges() throws Exception {
        sites.allow(tenant.tenantId(), "https://shop.example.com");

        Authentication admin = staff(Role.ADMIN);
        for (String bad : List.of("https://a.example.com; script-src *", "javascript:alert(1)", "'unsafe-inline'",
                "https://a.example.com/path")) {
            mvc.perform(post("/console/embedding").param("sites", bad).param("lang", "en")
                    .with(authentication(admin)).with(csrf()))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(content().string(containsString("is not a site address")));
        }

        assertThat(sites.allowed(tenant.tenantId())).containsExactly("https://shop.example.com");
    }

    @Test
    void onlyAdminsChangeTheAllowedSites() throws Exception {
        mvc.perform(post("/console/embedding").param("sites", "https://evil.example.com")
                .with(authentication(staff(Role.SUPERVISOR))).with(csrf())).andExpect(status().isForbidden());

        assertThat(sites.allowed(tenant.tenantId())).isEmpty();
    }

    @Test
    void healthStaysOpenToAnyone() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
    }

    @Test
    void prometheusNeedsTheScrapeTokenOrTheOperatorToken() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer wrong"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(authentication(staff(Role.ADMIN))))
                .andExpect(status().is4xxClientError());

        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer scrape-secret-123"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("jvm_")));
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer operator-secret-456-at-least-24"))
                .andExpect(status().isOk());
    }

    @Test
    void apiDocumentationAndSwaggerUiNeedASignedInStaffMember() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isUnauthorized());
        mvc.perform(get("/swagger-ui/index.html").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection());

        Authentication agent = staff(Role.AGENT);
        mvc.perform(get("/v3/api-docs").with(authentication(agent))).andExpect(status().isOk());
        mvc.perform(get("/swagger-ui/index.html").with(authentication(agent))).andExpect(status().isOk())
                .andExpect(header().string(CSP, containsString("script-src 'self'")));
    }

    private Authentication staff(Role role) {
        User user = users.create(tenant.tenantId(), role.name().toLowerCase() + "@example.com", role.name(),
                Fixtures.PASSWORD, role, "en");
        StaffPrincipal principal = StaffPrincipal.of(user, tenant.slug());
        return new UsernamePasswordAuthenticationToken(principal, null, principal.authorities());
    }
}
