package io.oriole.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.oriole.identity.UserManagement;
import io.oriole.support.Fixtures;
import io.oriole.support.MutableClock;
import io.oriole.support.OrioleIntegrationTest;
import io.oriole.tenant.Tenant;
import io.oriole.tenant.TenantManagement;

@OrioleIntegrationTest
class PresenceIntegrationTests {

    @Autowired
    PresenceManagement presence;
    @Autowired
    TenantManagement tenants;
    @Autowired
    UserManagement users;
    @Autowired
    AgentManagement agents;
    @Autowired
    CapacityWeights weights;
    @Autowired
    MutableClock clock;

    @Test
    void agentWhoseHeartbeatStopsIsOfflineAfterAMinuteWithoutAnythingFiring() {
        Tenant tenant = Fixtures.tenant(tenants);
        Agent agent = Fixtures.agent(users, agents, tenant, "Hart Beat");
        assertThat(presence.presence(tenant.tenantId(), agent.id())).isEqualTo(Presence.OFFLINE);

        assertThat(presence.heartbeat(tenant.tenantId(), agent.id(), null)).isEqualTo(Presence.ONLINE);
        clock.advance(Duration.ofSeconds(59));
        assertThat(presence.online(tenant.tenantId())).containsExactly(agent.id());

        clock.advance(Duration.ofSeconds(2));
        assertThat(presence.presence(tenant.tenantId(), agent.id())).isEqualTo(Presence.OFFLINE);
        assertThat(presence.online(tenant.tenantId())).isEmpty();
        assertThat(presence.heartbeat(tenant.tenantId(), agent.id(), null)).isEqualTo(Presence.ONLINE);
    }

    @Test
    void awayAgentsArePresentButTakeNoWork() {
        Tenant tenant = Fixtures.tenant(tenants);
        Agent agent = Fixtures.agent(users, agents, tenant, "Away Ann");

        presence.heartbeat(tenant.tenantId(), agent.id(), Presence.AWAY);
        presence.heartbeat(tenant.tenantId(), agent.id(), null);

        assertThat(presence.presence(tenant.tenantId(), agent.id())).isEqualTo(Presence.AWAY);
        assertThat(presence.present(tenant.tenantId())).containsEntry(agent.id(), Presence.AWAY);
        assertThat(presence.online(tenant.tenantId())).isEmpty();
        presence.signOff(tenant.tenantId(), agent.id());
        assertThat(presence.present(tenant.tenantId())).isEmpty();
    }

    @Test
    void aPhoneCallWeighsMoreThanAChatUnlessTheTenantSaysOtherwise() {
        Tenant tenant = Fixtures.tenant(tenants);

        assertThat(weights.weight(tenant.tenantId(), "CHAT")).isEqualTo(1);
        assertThat(weights.weight(tenant.tenantId(), "PHONE")).isEqualTo(2);
        weights.set(tenant.tenantId(), "PHONE", 3);
        assertThat(weights.weight(tenant.tenantId(), "phone")).isEqualTo(3);
    }
}
