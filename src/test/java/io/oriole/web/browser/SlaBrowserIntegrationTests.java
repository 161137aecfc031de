package io.oriole.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

import io.oriole.agent.Agent;
import io.oriole.agent.AgentManagement;
import io.oriole.conversation.Actor;
import io.oriole.conversation.Channel;
import io.oriole.conversation.ConversationManagement;
import io.oriole.customer.Customer;
import io.oriole.customer.CustomerManagement;
import io.oriole.identity.UserManagement;
import io.oriole.sla.SlaManagement;
import io.oriole.support.MutableClock;
import io.oriole.support.MutableClockConfiguration;
import io.oriole.tenant.TenantId;
import io.oriole.tenant.TenantManagement;
import io.oriole.web.WebTestFixtures;

/**
 * An L1 agent watches an unanswered P1 from a gold VIP in the workspace while the server's clock is moved: the SLA
 * panel and the inbox show the warning, the reminders, the breach and the escalation to L2 live, without a reload.
 */
@Tag("browser")
@ExtendWith(RequiresChromium.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=" + WebTestFixtures.H2_MEM + "web-sla-browser" + WebTestFixtures.H2_OPTIONS,
        "oriole.data-dir=${java.io.tmpdir}/oriole-web-sla-browser-tests" })
@Import(MutableClockConfiguration.class)
class SlaBrowserIntegrationTests {

    static final Path SCREENSHOT = Path.of(System.getProperty("java.io.tmpdir"), "oriole-sla-breach.png");

    @LocalServerPort int port;
    @Autowired MutableClock clock;
    @Autowired TenantManagement tenants;
    @Autowired UserManagement users;
    @Autowired AgentManagement agents;
    @Autowired CustomerManagement customers;
    @Autowired ConversationManagement conversations;
    @Autowired SlaManagement sla;

    Playwright playwright;
    Browser browser;

    @BeforeAll
    void launchChromium() {
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        playwright = Playwright.create();
        browser = RequiresChromium.launch(playwright);
    }

    @AfterAll
    void closeChromium() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void unansweredVipP1IsWarnedRemindedBreachedAndEscalatedInTheWorkspace() {
        TenantId demo = tenants.findBySlug(WebTestFixtures.DEMO).orElseThrow().tenantId();
        Agent wang = agents.list(demo).stream().filter(a -> a.displayName().equals("王强")).findFirst().orElseThrow();
        Customer zhao = customers.list(demo, 0, 50).stream().filter(c -> c.name().equals("赵敏")).findFirst()
                .orElseThrow();
        long id = conversations.open(demo, zhao.id(), zhao.name(), Channel.CHAT, "系统全部瘫痪",
                "我们公司整个系统都登不上了，所有门店都用不了！", null).id();
        conversations.assign(demo, id, wang.id(), wang.displayName(), Actor.system());
        Instant opened = clock.instant();
        Awaitility.await().until(() -> sla.status(demo, id)
                .map(s -> "Urgent P1 (24x7)".equals(s.policyName()) && wang.id().equals(s.assigneeAgentId()))
                .orElse(false));

        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US")
                .setViewportSize(1440, 900));
        Page page = signIn(context, "wangqiang@demo.oriole.dev");
        page.navigate(url("/workspace/conversations/" + id + "?view=all&lang=en"));
        page.evaluate("window.neverReloaded = true");
        assertThat(page.locator("#sla-policy")).hasText("Urgent P1 (24x7)");
        assertThat(page.locator("#sla-state")).hasText("On track");
        Locator item = page.locator(".inbox-item[data-conversation-id='" + id + "']");
        assertThat(item.locator(".sla-countdown")).hasText(java.util.regex.Pattern.compile("^1[45]:\\d\\d$"));

        moveTo(opened, 9);
        assertThat(page.locator("#sla-state")).hasText("At risk");
        assertThat(page.locator("#sla-history [data-kind=WARNING]")).hasCount(1);
        assertThat(page.locator("#sla-alert")).containsText("close to its deadline");

        moveTo(opened, 11);
        moveTo(opened, 13);
        assertThat(page.locator("#sla-history [data-kind=REMINDER]")).hasCount(2);

        moveTo(opened, 15);
        assertThat(page.locator("#sla-state")).hasText("Breached");
        assertThat(page.locator("#sla-history [data-kind=BREACHED]")).hasCount(1);
        assertThat(page.locator("#sla-history [data-kind=ESCALATED]")).containsText("L2");
        assertThat(page.locator("#sla-panel .sla-escalated")).hasText("Escalated to L2");
        assertThat(item).hasClass(java.util.regex.Pattern.compile("sla-overdue"));
        assertThat(page.locator("#inbox-list > .inbox-item").first()).hasAttribute("data-conversation-id",
                String.valueOf(id));
        assertThat(page.evaluate("window.neverReloaded")).isEqualTo(true);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOT));
        context.close();
    }

    private void moveTo(Instant opened, int minutes) {
        clock.set(opened.plus(Duration.ofMinutes(minutes)));
        sla.scanNow();
    }

    private Page signIn(BrowserContext context, String email) {
        Page page = context.newPage();
        page.navigate(url("/login?lang=en"));
        page.locator("input[name=tenant]").fill(WebTestFixtures.DEMO);
        page.locator("input[name=email]").fill(email);
        page.locator("input[name=password]").fill(WebTestFixtures.PASSWORD);
        page.locator("button[type=submit]").click();
        page.waitForURL(u -> u.contains("/workspace"));
        return page;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
