package io.oriole.web.console;

import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;


import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

import io.oriole.identity.UserManagement;
import io.oriole.tenant.TenantManagement;
import io.oriole.web.WebTestFixtures;

/** The demo tenant's routing page: supervisors see every decision with its reasons, agents do not get in. */
@SpringBootTest(properties = {
        "spring.datasource.url=" + WebTestFixtures.H2_MEM + "web-mvc" + WebTestFixtures.H2_OPTIONS,
        "oriole.data-dir=${java.io.tmpdir}/oriole-web-mvc-tests" })
@AutoConfigureMockMvc
class RoutingConsoleIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TenantManagement tenants;
    @Autowired
    UserManagement users;

    @Test
    void supervisorSeesRoutingDecisionsWithTheirReasons() {
        Authentication supervisor = WebTestFixtures.staff(tenants, users, "chenjing@demo.oriole.dev");

        // The demo's unassigned conversation is queued by routing's listener shortly after start-up.
        await().until(() -> mvc.perform(get("/console/routing").param("lang", "en")
                .with(authentication(supervisor))).andReturn().getResponse().getContentAsString()
                .contains("queued in"));
    }

    @Test
    void agentsCannotOpenTheRoutingPage() throws Exception {
        Authentication agent = WebTestFixtures.staff(tenants, users, "lina@demo.oriole.dev");

        mvc.perform(get("/console/routing").with(authentication(agent))).andExpect(status().isForbidden());
    }
}
