package io.oriole.web.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

import io.oriole.agent.AgentManagement;
import io.oriole.agent.Presence;
import io.oriole.agent.PresenceManagement;
import io.oriole.identity.StaffPrincipal;
import io.oriole.identity.UserManagement;
import io.oriole.tenant.TenantManagement;
import io.oriole.web.WebTestFixtures;

/** The workspace's routing panel on the demo tenant: the presence toggle, and offers that are not yours. */
@SpringBootTest(properties = {
        "spring.datasource.url=" + WebTestFixtures.H2_MEM + "web-mvc" + WebTestFixtures.H2_OPTIONS,
        "oriole.data-dir=${java.io.tmpdir}/oriole-web-mvc-tests" })
@AutoConfigureMockMvc
class RoutingWorkspaceIntegrationTests {

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

    @Test
    void presenceToggleSetsAwayAndTheHeartbeatKeepsIt() throws Exception {
        Authentication emma = WebTestFixtures.staff(tenants, users, "emma@demo.oriole.dev");
        StaffPrincipal me = (StaffPrincipal) emma.getPrincipal();
        long agentId = agents.findByUser(me.tenantId(), me.userId()).orElseThrow().id();

        String panel = mvc.perform(post("/workspace/presence").param("status", "AWAY").param("lang", "en")
                .with(authentication(emma)).with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        mvc.perform(post("/workspace/presence").with(authentication(emma)).with(csrf())).andExpect(status().isOk());

        assertThat(panel).contains("id=\"presence-status\"").contains("data-presence=\"AWAY\"");
        assertThat(presence.presence(me.tenantId(), agentId)).isEqualTo(Presence.AWAY);
        presence.signOff(me.tenantId(), agentId);
    }

    @Test
    void acceptingAnOfferThatIsNotYoursAnswers404() throws Exception {
        Authentication sofia = WebTestFixtures.staff(tenants, users, "sofia@demo.oriole.dev");

        mvc.perform(post("/workspace/offers/987654/accept").with(authentication(sofia)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/workspace/offers/987654/decline").with(authentication(sofia)).with(csrf()))
                .andExpect(status().isNotFound());
    }
}
