package io.oriole.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import io.oriole.conversation.Actor;
import io.oriole.conversation.Channel;
import io.oriole.conversation.ConversationManagement;
import io.oriole.sla.SlaManagement;
import io.oriole.support.MutableClock;
import io.oriole.support.MutableClockConfiguration;
import io.oriole.web.api.ApiClient.Reply;
import io.oriole.web.api.ApiFixture.TenantSetup;
import tools.jackson.databind.JsonNode;

/** SLA policies, calendars, conversation status and attainment through the REST API, with a moved clock. */
@ApiIntegrationTest
@Import(MutableClockConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlaApiIntegrationTests {

    static final String CALENDAR = "{\"name\": \"Berlin office\", \"timeZone\": \"Europe/Berlin\", \"week\": {"
            + "\"MONDAY\": {\"open\": \"09:00\", \"close\": \"17:00\"}, \"FRIDAY\": {\"open\": \"09:00\", "
            + "\"close\": \"15:00\"}}, \"holidays\": [\"2026-12-25\"]}";

    @Autowired ApiFixture fixture;
    @Autowired ApiClient api;
    @Autowired MutableClock clock;
    @Autowired SlaManagement sla;
    @Autowired ConversationManagement conversations;

    TenantSetup a;
    TenantSetup b;

    @BeforeAll
    void tenants() {
        clock.set(Instant.parse("2026-11-18T02:00:00Z"));
        a = fixture.tenant("sla-a");
        b = fixture.tenant("sla-b");
    }

    @Test
    void adminCreatesACalendarAndAPolicyUsingIt() {
        Reply calendar = api.post(a.adminToken(), "/api/v1/sla/calendars", CALENDAR);
        assertThat(calendar.status()).isEqualTo(201);
        long calendarId = calendar.body().path("id").asLong();
        assertThat(calendar.body().path("week").path("FRIDAY").path("close").asString()).startsWith("15:00");

        Reply policy = api.post(a.adminToken(), "/api/v1/sla/policies", "{\"name\": \"Gold chat\", \"position\": 5,"
                + " \"conditions\": {\"vipTiers\": [\"GOLD\"], \"channels\": [\"CHAT\"]}, \"firstResponseMinutes\": 30,"
                + " \"calendarId\": " + calendarId + ", \"warnAtPercent\": 80, \"reminderMinutes\": 5,"
                + " \"escalateOn\": \"BREACH\", \"l2JoinMinutes\": 10}");

        assertThat(policy.status()).isEqualTo(201);
        JsonNode read = api.get(a.adminToken(), "/api/v1/sla/policies/" + policy.body().path("id").asLong()).body();
        assertThat(read.path("conditions").path("vipTiers").path(0).asString()).isEqualTo("GOLD");
        assertThat(read.path("calendarId").asLong()).isEqualTo(calendarId);
        assertThat(read.path("l2JoinMinutes").asInt()).isEqualTo(10);
    }

    @Test
    void invalidPolicyNamesTheFieldAndWritesNothing() {
        long before = fixture.rows("sla_policy", a.id());

        Reply percent = api.post(a.adminToken(), "/api/v1/sla/policies",
                "{\"name\": \"Bad\", \"position\": 1, \"warnAtPercent\": 120}");
        Reply calendar = api.post(a.adminToken(), "/api/v1/sla/policies",
                "{\"name\": \"Bad\", \"position\": 1, \"calendarId\": 999999}");
        Reply zone = api.post(a.adminToken(), "/api/v1/sla/calendars", CALENDAR.replace("Europe/Berlin", "Mars/Base"));

        assertThat(percent.status()).isEqualTo(400);
        assertThat(percent.errorField(0)).isEqualTo("warnAtPercent");
        assertThat(percent.contentType()).startsWith("application/problem+json");
        assertThat(calendar.status()).isEqualTo(400);
        assertThat(calendar.errorField(0)).isEqualTo("calendarId");
        assertThat(zone.status()).isEqualTo(400);
        assertThat(zone.errorField(0)).isEqualTo("timeZone");
        assertThat(fixture.rows("sla_policy", a.id())).isEqualTo(before);
    }

    @Test
    void agentsNeitherReadNorChangePolicies() {
        assertThat(api.get(a.agentToken(), "/api/v1/sla/policies").status()).isEqualTo(403);
        assertThat(api.post(a.agentToken(), "/api/v1/sla/policies", "{\"name\": \"Mine\", \"position\": 1}").status())
                .isEqualTo(403);
    }

    @Test
    void supervisorsDigestsAreNotForAgents() {
        long supervisor = fixture.user(a.id(), "digest-supervisor@" + a.adminUserId() + ".test",
                io.oriole.identity.Role.SUPERVISOR).id();

        Reply byAgent = api.get(a.agentToken(), "/api/v1/sla/digests");
        Reply bySupervisor = api.get(fixture.tokenFor(a.id(), supervisor), "/api/v1/sla/digests");

        assertThat(byAgent.status()).isEqualTo(403);
        assertThat(byAgent.contentType()).startsWith("application/problem+json");
        assertThat(byAgent.body().path("permission").asString()).isEqualTo("VIEW_SLA_DIGESTS");
        assertThat(bySupervisor.status()).isEqualTo(200);
    }

    @Test
    void tenantACannotSeeOrChangeTenantBPoliciesCalendarsOrConversationSla() {
        long policy = api.post(b.adminToken(), "/api/v1/sla/policies",
                "{\"name\": \"B only\", \"position\": 1, \"firstResponseMinutes\": 60}").body().path("id").asLong();
        long calendar = api.post(b.adminToken(), "/api/v1/sla/calendars", CALENDAR).body().path("id").asLong();
        JsonNode before = api.get(b.adminToken(), "/api/v1/sla/policies/" + policy).body();

        assertThat(api.get(a.adminToken(), "/api/v1/sla/policies/" + policy).status()).isEqualTo(404);
        assertThat(api.put(a.adminToken(), "/api/v1/sla/policies/" + policy,
                "{\"name\": \"Hijacked\", \"position\": 1}").status()).isEqualTo(404);
        assertThat(api.delete(a.adminToken(), "/api/v1/sla/policies/" + policy).status()).isEqualTo(404);
        assertThat(api.get(a.adminToken(), "/api/v1/sla/calendars/" + calendar).status()).isEqualTo(404);
        assertThat(api.delete(a.adminToken(), "/api/v1/sla/calendars/" + calendar).status()).isEqualTo(404);
        assertThat(api.post(a.adminToken(), "/api/v1/sla/policies", "{\"name\": \"Borrow\", \"position\": 1,"
                + " \"calendarId\": " + calendar + "}").status()).isEqualTo(400);
        assertThat(api.get(a.adminToken(), "/api/v1/conversations/" + b.conversationId() + "/sla").status())
                .isEqualTo(404);

        assertThat(api.get(b.adminToken(), "/api/v1/sla/policies/" + policy).body()).isEqualTo(before);
        assertThat(api.get(b.adminToken(), "/api/v1/sla/calendars/" + calendar).status()).isEqualTo(200);
    }

    @Test
    void attainmentCountsAnsweredInTimeAsMetAndABreachAsMissed() {
        TenantSetup t = fixture.tenant("sla-figures");
        api.post(t.adminToken(), "/api/v1/sla/policies", "{\"name\": \"All\", \"position\": 1,"
                + " \"firstResponseMinutes\": 15, \"resolutionMinutes\": 600}");
        Instant start = clock.instant();
        long answered = conversations.open(t.id(), t.customerId(), "Casey", Channel.API, null, "Where is my parcel?",
                null).id();
        long ignored = conversations.open(t.id(), t.customerId(), "Casey", Channel.API, null, "Hello? Anyone?",
                null).id();
        awaitRunning(t, answered);
        awaitRunning(t, ignored);
        clock.advance(Duration.ofMinutes(5));
        conversations.reply(t.id(), answered, Actor.agent(t.agentId(), "Alex Agent"), "On its way.");
        Awaitility.await().until(() -> sla.status(t.id(), answered).orElseThrow()
                .firstResponseDue() == null);
        clock.advance(Duration.ofMinutes(20));
        sla.scanNow();

        JsonNode sla = api.get(t.agentToken(), "/api/v1/conversations/" + ignored + "/sla").body();
        Reply figures = api.get(t.adminToken(), "/api/v1/sla/attainment?from=" + start + "&to="
                + clock.instant().plusSeconds(1));

        assertThat(sla.path("status").path("state").asString()).isEqualTo("BREACHED");
        assertThat(sla.path("events").valueStream().map(e -> e.path("kind").asString())).contains("APPLIED",
                "WARNING", "BREACHED");
        assertThat(figures.status()).isEqualTo(200);
        long met = 0;
        long missed = 0;
        for (JsonNode f : figures.body().path("figures")) {
            if (f.path("metric").asString().equals("FIRST_RESPONSE")) {
                met += f.path("met").asLong();
                missed += f.path("missed").asLong();
            }
        }
        // The fixture's own opening conversation was never answered either.
        assertThat(met).isEqualTo(1);
        assertThat(missed).isEqualTo(2);
        assertThat(api.get(t.adminToken(), "/api/v1/sla/attainment?from=" + start + "&to=" + start).errorField(0))
                .isEqualTo("to");
    }

    private void awaitRunning(TenantSetup t, long conversationId) {
        Awaitility.await().until(() -> sla.status(t.id(), conversationId)
                .map(s -> "All".equals(s.policyName()) && s.firstResponseDue() != null).orElse(false));
    }
}
