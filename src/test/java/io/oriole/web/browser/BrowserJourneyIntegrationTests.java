package io.oriole.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

import io.oriole.agent.AgentManagement;
import io.oriole.agent.AgentManagement.AgentProfile;
import io.oriole.agent.Tier;
import io.oriole.conversation.Channel;
import io.oriole.conversation.ConversationManagement;
import io.oriole.customer.CustomerKind;
import io.oriole.customer.CustomerManagement;
import io.oriole.customer.CustomerManagement.CustomerDetails;
import io.oriole.customer.VipTier;
import io.oriole.identity.Role;
import io.oriole.identity.UserManagement;
import io.oriole.tenant.TenantId;
import io.oriole.tenant.TenantManagement;
import io.oriole.web.WebTestFixtures;

/**
 * A customer on the widget and an agent in the workspace, in two real browser contexts against the running app.
 * Every wait is Playwright's auto-waiting assertion: the live path (WebSocket push, fetch after seq) must deliver
 * within the assertion timeout without any reload.
 */
@Tag("browser")
@ExtendWith(RequiresChromium.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=" + WebTestFixtures.H2_MEM + "web-browser" + WebTestFixtures.H2_OPTIONS,
        "oriole.data-dir=${java.io.tmpdir}/oriole-web-browser-tests" })
class BrowserJourneyIntegrationTests {

    static final Path SCREENSHOT = Path.of(System.getProperty("java.io.tmpdir"), "oriole-workspace.png");

    @LocalServerPort
    int port;

    @Autowired
    TenantManagement tenants;
    @Autowired
    UserManagement users;
    @Autowired
    AgentManagement agents;
    @Autowired
    CustomerManagement customers;
    @Autowired
    ConversationManagement conversations;

    Playwright playwright;
    Browser browser;
    BrowserContext agentContext;
    BrowserContext customerContext;
    /** What the browser refused to run or load because of the page's Content-Security-Policy. */
    final List<String> refusedByPolicy = new CopyOnWriteArrayList<>();

    @BeforeAll
    void launchChromium() {
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        playwright = Playwright.create();
        browser = RequiresChromium.launch(playwright);
    }

    @BeforeEach
    void openContexts() {
        agentContext = browser.newContext(new Browser.NewContextOptions().setLocale("en-US")
                .setViewportSize(1440, 900));
        customerContext = browser.newContext(new Browser.NewContextOptions().setLocale("en-US")
                .setViewportSize(420, 700));
        refusedByPolicy.clear();
        for (BrowserContext context : List.of(agentContext, customerContext)) {
            context.onConsoleMessage(message -> {
                if (message.text().contains("Content Security Policy")) {
                    refusedByPolicy.add(message.text());
                }
            });
        }
    }

    @AfterEach
    void closeContexts() {
        agentContext.close();
        customerContext.close();
        assertThat(refusedByPolicy).as("refused by the Content-Security-Policy")
                .isEmpty();
    }

    @AfterAll
    void closeChromium() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void customerWritesAgentSeesItLiveRepliesAndResolves() {
        Page agent = signedInAgent();
        agent.navigate(url("/workspace?view=unassigned"));
        // Survives only if the page is never reloaded.
        agent.evaluate("window.neverReloaded = true");
        Page customer = customerContext.newPage();
        customer.navigate(url("/widget/demo?lang=en"));
        String question = "My parcel has not arrived " + shortId();

        write(customer, question);

        Locator item = agent.locator(".inbox-item", new Page.LocatorOptions().setHasText(question));
        assertThat(item).isVisible();
        assertThat(agent.evaluate("window.neverReloaded")).isEqualTo(true);
        item.click();
        assertThat(agent.locator("#messages")).containsText(question);
        String answer = "Sorry about that, I am checking with the courier " + shortId();
        agent.locator("#reply-form textarea").fill(answer);
        agent.locator("#reply-form button[type=submit]").click();

        assertThat(customer.locator(".bubble.from-agent")).containsText(answer);
        assertThat(agent.locator("#messages .msg.from-agent", new Page.LocatorOptions().setHasText(answer)))
                .hasCount(1);
        agent.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOT));

        agent.locator("#resolve").click();
        assertThat(agent.locator("#conv-status")).hasText("Resolved");
        assertThat(customer.locator("#chat-status")).hasText("Resolved");
    }

    @Test
    void wrongPasswordShowsAClearErrorAndKeepsWhatWasTyped() {
        Page page = agentContext.newPage();
        page.navigate(url("/login?lang=en"));
        page.locator("input[name=tenant]").fill("demo");
        page.locator("input[name=email]").fill(WebTestFixtures.LINA);
        page.locator("input[name=password]").fill("not-the-password");
        page.locator("button[type=submit]").click();

        assertThat(page.locator(".alert.error"))
                .hasText("Wrong workspace, e-mail or password. After several failed attempts, wait a few minutes "
                        + "before trying again.");
        assertThat(page.locator("input[name=tenant]")).hasValue("demo");
        assertThat(page.locator("input[name=email]")).hasValue(WebTestFixtures.LINA);
    }

    @Test
    void replySentWhileCustomerIsOfflineAppearsExactlyOnceWhenBackOnline() {
        Page customer = customerContext.newPage();
        customer.navigate(url("/widget/demo?lang=en"));
        String question = "Can I change my address " + shortId();
        write(customer, question);
        Page agent = signedInAgent();
        agent.navigate(url("/workspace?view=unassigned"));
        agent.locator(".inbox-item", new Page.LocatorOptions().setHasText(question)).click();
        assertThat(agent.locator("#messages")).containsText(question);

        customerContext.setOffline(true);
        String answer = "Yes, until it ships " + shortId();
        agent.locator("#reply-form textarea").fill(answer);
        agent.locator("#reply-form button[type=submit]").click();
        assertThat(agent.locator("#messages")).containsText(answer);
        customerContext.setOffline(false);

        Locator replies = customer.locator(".bubble", new Page.LocatorOptions().setHasText(answer));
        assertThat(replies).hasCount(1);
        // The demo bot may have answered the question first; people's messages are still there exactly once.
        assertThat(customer.locator("#chat [data-seq]:not(.from-bot)")).hasCount(2);
    }

    /**
     * Routing: an agent of a tenant of their own (so no other test's agent or conversation competes) opens the
     * workspace, which makes them online; a conversation arrives, the offer appears live, and accepting it opens it.
     */
    @Test
    void agentReceivesAnOfferAcceptsItAndSeesTheConversation() {
        TenantId tenant = tenants.create("route-" + shortId(), "Routing Co", "en", "UTC").tenantId();
        String email = "ana@route.test";
        var user = users.create(tenant, email, "Ana Agent", WebTestFixtures.PASSWORD, Role.AGENT, "en");
        agents.create(tenant, user.id(), new AgentProfile("Ana Agent", Tier.L1, 3, List.of("en"), Set.of(), Map.of()));
        Page agent = agentContext.newPage();
        agent.navigate(url("/login?lang=en"));
        agent.locator("input[name=tenant]").fill(tenants.find(tenant).orElseThrow().slug());
        agent.locator("input[name=email]").fill(email);
        agent.locator("input[name=password]").fill(WebTestFixtures.PASSWORD);
        agent.locator("button[type=submit]").click();
        agent.waitForURL("**/workspace");
        assertThat(agent.locator("#presence-status")).hasValue("ONLINE");

        var customer = customers.create(tenant, new CustomerDetails(CustomerKind.PERSONAL, "Casey", null, null, null,
                VipTier.NONE, "en", null));
        String question = "The blender I bought stopped working " + shortId();
        long conversationId = conversations.open(tenant, customer.id(), customer.name(), Channel.CHAT, null, question,
                null).id();

        Locator offer = agent.locator(".offer[data-conversation-id='" + conversationId + "']");
        assertThat(offer).isVisible();
        assertThat(offer).containsText("Casey");
        offer.locator(".accept-offer").click();

        agent.waitForURL("**/workspace/conversations/" + conversationId);
        assertThat(agent.locator("#messages")).containsText(question);
        assertThat(agent.locator(".offer")).hasCount(0);
    }

    private Page signedInAgent() {
        Page page = agentContext.newPage();
        page.navigate(url("/login?lang=en"));
        page.locator("input[name=tenant]").fill(WebTestFixtures.DEMO);
        page.locator("input[name=email]").fill(WebTestFixtures.LINA);
        page.locator("input[name=password]").fill(WebTestFixtures.PASSWORD);
        page.locator("button[type=submit]").click();
        page.waitForURL("**/workspace");
        return page;
    }

    private static void write(Page customer, String text) {
        customer.locator("#text").fill(text);
        customer.locator("#composer button[type=submit]").click();
        assertThat(customer.locator("#chat [data-seq]", new Page.LocatorOptions().setHasText(text))).hasCount(1);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
