package io.oriole.web.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import io.oriole.identity.Role;
import io.oriole.identity.StaffPrincipal;
import io.oriole.identity.User;
import io.oriole.identity.UserManagement;
import io.oriole.tenant.Tenant;
import io.oriole.tenant.TenantManagement;
import io.oriole.web.WebTestFixtures;

/**
 * The console's what-if page on the demo tenant, whose seeded two weeks of history replay under every policy; a
 * malformed upload shows the simulator's line-numbered error; another company sees none of the demo's history.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=" + WebTestFixtures.H2_MEM + "web-mvc" + WebTestFixtures.H2_OPTIONS,
        "oriole.data-dir=${java.io.tmpdir}/oriole-web-mvc-tests" })
@AutoConfigureMockMvc
class SimulationConsoleIntegrationTests {

    private static final String HEADER = "arrived_at,priority,queue,handling_seconds,abandoned_after_seconds,"
            + "waited_seconds,agent";

    @Autowired
    MockMvc mvc;
    @Autowired
    TenantManagement tenants;
    @Autowired
    UserManagement users;

    private Authentication supervisor() {
        return WebTestFixtures.staff(tenants, users, "chenjing@demo.oriole.dev");
    }

    private String run(Authentication who, String lang, MockMultipartFile upload) throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart("/console/simulation");
        if (upload != null) {
            request.file(upload);
        }
        return mvc.perform(request.param("policy", "all").param("staffing", "trace").param("lang", lang)
                .with(authentication(who)).with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void supervisorReplaysTheDemoHistoryUnderAllThreePolicies() throws Exception {
        for (String lang : new String[] { "en", "zh-CN" }) {
            String html = run(supervisor(), lang, null);

            assertThat(html).as(lang).contains("id=\"whatif-result-fifo\"", "id=\"whatif-result-priority\"",
                    "id=\"whatif-result-sla-aware\"", "id=\"whatif-charts\"", "data-report=\"{", "whatif-chart-queue")
                    .doesNotContain("id=\"whatif-empty\"").doesNotContain("id=\"whatif-rejected\"")
                    .doesNotContain("??");
        }
        assertThat(run(supervisor(), "en", null)).contains("conversations asked for an agent. Staffing: trace (");
    }

    @Test
    void theConsoleLinksToTheWhatIfPageWhichOpensWithTheLastThirtyDays() throws Exception {
        String index = mvc.perform(get("/console").param("lang", "en").with(authentication(supervisor())))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String page = mvc.perform(get("/console/simulation").param("lang", "zh-CN").with(authentication(supervisor())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(index).contains("id=\"whatif-console-link\"", "href=\"/console/simulation\"");
        assertThat(page).contains("id=\"whatif-form\"", "假如？").doesNotContain("??")
                .doesNotContain("id=\"whatif-result-fifo\"");
    }

    @Test
    void malformedUploadShowsTheSimulatorsErrorWithItsLine() throws Exception {
        MockMultipartFile bad = new MockMultipartFile("trace", "bad.csv", "text/csv", (HEADER
                + "\n2026-11-02T09:00:00Z,P3,technical,600,,0,agent-1\n2026-11-02T09:00:10Z,P3,technical\n")
                .getBytes(StandardCharsets.UTF_8));

        String html = run(supervisor(), "en", bad);

        assertThat(html).contains("id=\"whatif-rejected\"")
                .contains("bad.csv line 3: expected 7 comma-separated fields, found 3 (truncated?)")
                .doesNotContain("id=\"whatif-result-fifo\"");
    }

    @Test
    void anUploadedFileIsReplayedInsteadOfTheHistory() throws Exception {
        MockMultipartFile file = new MockMultipartFile("trace", "march.csv", "text/csv", (HEADER
                + "\n2026-03-02T09:00:00Z,P2,billing,300,,20,anna\n2026-03-02T09:01:00Z,P2,billing,,90,,\n")
                .getBytes(StandardCharsets.UTF_8));

        String html = run(supervisor(), "en", file);

        assertThat(html).contains("File march.csv: 2 conversations asked for an agent",
                "id=\"whatif-result-sla-aware\"");
    }

    @Test
    void anotherCompanySeesNoneOfTheDemosHistory() throws Exception {
        String slug = "whatif-" + UUID.randomUUID().toString().substring(0, 8);
        Tenant other = tenants.create(slug, "Other Co.", "en", "UTC");
        User lead = users.create(other.tenantId(), "lead@" + slug + ".test", "Lead", WebTestFixtures.PASSWORD,
                Role.SUPERVISOR, "en");
        StaffPrincipal principal = StaffPrincipal.of(lead, slug);

        String html = run(new UsernamePasswordAuthenticationToken(principal, null, principal.authorities()), "en",
                null);

        assertThat(html).contains("id=\"whatif-empty\"").doesNotContain("id=\"whatif-result-fifo\"");
    }

    @Test
    void agentsCannotOpenTheWhatIfPage() throws Exception {
        Authentication agent = WebTestFixtures.staff(tenants, users, WebTestFixtures.LINA);

        mvc.perform(get("/console/simulation").with(authentication(agent))).andExpect(status().isForbidden());
        mvc.perform(multipart("/console/simulation").with(authentication(agent)).with(csrf()))
                .andExpect(status().isForbidden());
    }
}
