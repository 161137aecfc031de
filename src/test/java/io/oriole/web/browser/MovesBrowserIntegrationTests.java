package io.oriole.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

import io.oriole.agent.Agent;
import io.oriole.agent.AgentManagement;
import io.oriole.agent.Presence;
import io.oriole.agent.PresenceManagement;
import io.oriole.conversation.Actor;
import io.oriole.conversation.Channel;
import io.oriole.conversation.Conversation;
import io.oriole.conversation.ConversationManagement;
import io.oriole.customer.Customer;
import io.oriole.customer.CustomerManagement;
import io.oriole.identity.UserManagement;
import io.oriole.routing.RoutingManagement;
import io.oriole.routing.RoutingSettings;
import io.oriole.tenant.TenantId;
import io.oriole.tenant.TenantManagement;
import io.oriole.web.WebTestFixtures;

/**
 * Moving and sharing a conversation in real browsers on the demo tenant: Emma Clark (L1) invites Sofia Rossi from
 * billing for internal notes only; Sofia finds it under "Shared with me", reads the transcript and posts a note that
 * appears live on Emma's page, with no reply box offered to her; Emma then escalates to L2, and 李娜 (L2) accepts the
 * offer in her workspace and sees the whole transcript.
 */
@Tag("browser")
@ExtendWith(RequiresChromium.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=" + WebTestFixtures.H2_MEM + "web-browser-moves" + WebTestFixtures.H2_OPTIONS,
        "oriole.data-dir=${java.io.tmpdir}/oriole-web-browser-moves-tests",
        // The conversation is an e-mail anyway; no bot round trips in this journey.
        "oriole.demo.bot-enabled=false" })
class MovesBrowserIntegrationTests {

    static final String EMMA = "emma@demo.oriole.dev";
    static final String SOFIA = "sofia@demo.oriole.dev";

    @LocalServerPort
    int port;

    @Autowired
    TenantManagement tenants;
    @Autowired
    UserManagement users;
    @Autowired
    AgentManagement agents;
    @Autowired
    PresenceManagement presence;
    @Autowired
    CustomerManagement customers;
    @Autowired
    ConversationManagement conversations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RoutingManagement routing;

    Playwright playwright;
    Browser browser;
    BrowserContext emmaContext;
    BrowserContext sofiaContext;
    BrowserContext linaContext;

    @BeforeAll
    void launchChromium() {
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        playwright = Playwright.create();
        browser = RequiresChromium.launch(playwright);
    }

    /** Offers stay open five minutes, so a slow machine's sign-in never races the default 30 s expiry. */
    @BeforeEach
    void offersWaitLongEnoughForASignIn() {
        routing.saveSettings(demo(), new RoutingSettings("sla-aware", Duration.ofMinutes(5), false));
    }

    @BeforeEach
    void openContexts() {
        emmaContext = newContext();
        sofiaContext = newContext();
        linaContext = newContext();
    }

    @AfterEach
    void closeContexts() {
        emmaContext.close();
        sofiaContext.close();
        linaContext.close();
        agents.list(demo()).forEach(a -> presence.signOff(demo(), a.id()));
    }

    @AfterAll
    void closeChromium() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void l1AgentSharesWithANotesOnlySpecialistThenEscalatesToL2WhoSeesTheWholeTranscript() {
        String subject = "Return " + UUID.randomUUID().toString().substring(0, 8);
        Conversation c = emailOwnedBy(EMMA, subject, "我上周买的鞋子尺码不对，想退货退款");
        Agent sofia = agent(SOFIA);

        Page emma = signIn(emmaContext, EMMA);
        emma.locator(".inbox-item", new Page.LocatorOptions().setHasText(subject)).click();
        emma.waitForURL("**/workspace/conversations/" + c.id() + "**");
        emma.locator("#invite-form select[name=agentId]").selectOption(String.valueOf(sofia.id()));
        emma.locator("#invite-form input[name=access][value=notes]").check();
        emma.locator("#invite-form button[type=submit]").click();
        assertThat(emma.locator("#moves .collaborator")).containsText("Sofia Rossi");
        assertThat(emma.locator("#moves .collaborator")).containsText("Internal notes only");

        Page specialist = signIn(sofiaContext, SOFIA);
        specialist.locator("nav.views a[data-view=shared]").click();
        specialist.locator(".inbox-item", new Page.LocatorOptions().setHasText(subject)).click();
        assertThat(specialist.locator("#messages")).containsText("我上周买的鞋子尺码不对，想退货退款");
        assertThat(specialist.locator("#reply-form")).hasCount(0);
        assertThat(specialist.locator(".composer .notes-only-notice")).containsText("internal notes only");
        specialist.locator("#note-form textarea[name=body]").fill("Billing: the refund is allowed, order paid by card.");
        specialist.locator("#note-form button[type=submit]").click();
        assertThat(note(specialist, "Billing: the refund is allowed, order paid by card.")).hasCount(1);

        // Live: Emma's open page receives Sofia's note without a reload.
        assertThat(note(emma, "Billing: the refund is allowed, order paid by card.")).containsText("Sofia Rossi");

        // Sofia (L2 too) goes home, so the escalation's only senior at work is 李娜.
        sofiaContext.close();
        presence.signOff(demo(), sofia.id());
        presence.heartbeat(demo(), agent(WebTestFixtures.LINA).id(), Presence.ONLINE);

        emma.locator("#escalate-form input[name=reason]").fill("Refund above my limit, please approve");
        emma.locator("#escalate-form button[type=submit]").click();
        assertThat(note(emma, "escalated L1 → L2")).containsText("Refund above my limit, please approve");
        assertThat(emma.locator("#moves .moves-error")).isHidden();

        Page lina = signIn(linaContext, WebTestFixtures.LINA);
        lina.locator(".offer[data-conversation-id=\"" + c.id() + "\"] .accept-offer").click();
        lina.waitForURL("**/workspace/conversations/" + c.id());
        assertThat(lina.locator("#conv-assignee")).hasText("李娜");
        assertThat(lina.locator("#messages")).containsText("我上周买的鞋子尺码不对，想退货退款");
        assertThat(lina.locator("#messages")).containsText("Billing: the refund is allowed, order paid by card.");
        assertThat(lina.locator("#messages")).containsText("Refund above my limit, please approve");
    }

    /** An internal note on the page's transcript with the given text. */
    private static Locator note(Page page, String text) {
        return page.locator("#messages .msg.internal", new Page.LocatorOptions().setHasText(text));
    }

    private Conversation emailOwnedBy(String ownerEmail, String subject, String text) {
        Customer customer = customers.visitor(demo(), UUID.randomUUID().toString(), "王女士", "zh-CN");
        Conversation c = conversations.open(demo(), customer.id(), customer.name(), Channel.EMAIL, subject, text,
                null);
        Agent owner = agent(ownerEmail);
        conversations.assign(demo(), c.id(), owner.id(), owner.displayName(), Actor.system());
        // Routing learns of the opening and the owner asynchronously; a move made before that would be undone by
        // the late news, so wait until routing counts the conversation on its owner.
        Awaitility.await().until(() -> jdbc.sql("SELECT COUNT(*) FROM routing_work "
                + "WHERE conversation_id = :c AND status = 'ASSIGNED' AND agent_id = :a").param("c", c.id())
                .param("a", owner.id()).query(Long.class).single() == 1);
        return c;
    }

    private Page signIn(BrowserContext context, String email) {
        Page page = context.newPage();
        page.navigate(url("/login?lang=en"));
        page.locator("input[name=tenant]").fill(WebTestFixtures.DEMO);
        page.locator("input[name=email]").fill(email);
        page.locator("input[name=password]").fill(WebTestFixtures.PASSWORD);
        page.locator("button[type=submit]").click();
        page.waitForURL("**/workspace");
        return page;
    }

    private BrowserContext newContext() {
        return browser.newContext(new Browser.NewContextOptions().setLocale("en-US").setViewportSize(1440, 900));
    }

    private Agent agent(String email) {
        TenantId demo = demo();
        return agents.findByUser(demo, users.findByEmail(demo, email).orElseThrow().id()).orElseThrow();
    }

    private TenantId demo() {
        return tenants.findBySlug(WebTestFixtures.DEMO).orElseThrow().tenantId();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
