package io.oriole.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.UUID;

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
import io.oriole.agent.Presence;
import io.oriole.agent.PresenceManagement;
import io.oriole.identity.UserManagement;
import io.oriole.tenant.TenantId;
import io.oriole.tenant.TenantManagement;
import io.oriole.web.WebTestFixtures;

/**
 * The demo tenant's bot in a real browser: it answers a known Chinese question with the feedback prompt, hands
 * off on "转人工" to an agent who sees the transcript and summary, hands an English question it cannot answer to
 * people after the configured two tries, and the agent inserts a suggested answer, edits it and sends it.
 */
@Tag("browser")
@ExtendWith(RequiresChromium.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=" + WebTestFixtures.H2_MEM + "web-browser" + WebTestFixtures.H2_OPTIONS,
        "oriole.data-dir=${java.io.tmpdir}/oriole-web-browser-tests" })
class BotBrowserIntegrationTests {

    @LocalServerPort
    int port;

    Playwright playwright;
    Browser browser;
    BrowserContext agentContext;
    BrowserContext customerContext;

    @BeforeAll
    void launchChromium() {
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        playwright = Playwright.create();
        browser = RequiresChromium.launch(playwright);
    }

    @Autowired
    TenantManagement tenants;
    @Autowired
    UserManagement users;
    @Autowired
    AgentManagement agents;
    @Autowired
    PresenceManagement presence;

    /**
     * 李娜 is at her desk, so the bot says it is connecting the customer (with nobody online it would say that
     * instead, and outside the demo calendar's hours that it is after hours).
     */
    @BeforeEach
    void linaIsOnline() {
        TenantId demo = tenants.findBySlug(WebTestFixtures.DEMO).orElseThrow().tenantId();
        long userId = users.findByEmail(demo, WebTestFixtures.LINA).orElseThrow().id();
        presence.heartbeat(demo, agents.findByUser(demo, userId).orElseThrow().id(), Presence.ONLINE);
    }

    @BeforeEach
    void openContexts() {
        agentContext = browser.newContext(new Browser.NewContextOptions().setLocale("en-US")
                .setViewportSize(1440, 900));
        customerContext = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
                .setViewportSize(420, 700));
    }

    @AfterEach
    void closeContexts() {
        agentContext.close();
        customerContext.close();
    }

    @AfterAll
    void closeChromium() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void knownChineseQuestionIsAnsweredThenTransferToAPersonBringsTheSummaryAlong() {
        String visitor = "访客" + shortId();
        Page customer = customerContext.newPage();
        customer.navigate(url("/widget/demo?lang=zh-CN&name=" + visitor));

        write(customer, "收货地址填错了，下单后还能改吗？");

        Locator answer = customer.locator(".bubble.from-bot").first();
        assertThat(answer).containsText("点击「修改地址」");
        assertThat(answer.locator(".bot-feedback")).containsText("这个回答解决您的问题了吗？");

        write(customer, "转人工");
        assertThat(customer.locator(".bubble.from-bot").last()).containsText("正在为您转接人工客服");

        Page agent = signedInAgent();
        agent.navigate(url("/workspace?view=unassigned"));
        agent.locator(".inbox-item", new Page.LocatorOptions().setHasText(visitor)).click();
        assertThat(agent.locator("#messages")).containsText("收货地址填错了，下单后还能改吗？");
        assertThat(agent.locator("#messages")).containsText("转人工");
        assertThat(agent.locator("#messages .msg.internal")).containsText(
                "Handed off: the customer asked for a person");
        assertThat(agent.locator("#assist .handoff-summary")).containsText("Bot answered: 怎么修改收货地址");
    }

    @Test
    void englishQuestionTheBotCannotAnswerGoesToAPersonAfterTwoTries() {
        String visitor = "Visitor " + shortId();
        Page customer = customerContext.newPage();
        customer.navigate(url("/widget/demo?lang=en&name=" + visitor.replace(' ', '+')));

        write(customer, "Do you rent out hot air balloons for weddings?");
        assertThat(customer.locator(".bubble.from-bot").last()).containsText("Sorry, I could not find an answer");

        write(customer, "I mean a balloon ride over the lake with champagne");
        assertThat(customer.locator(".bubble.from-bot").last()).containsText("Connecting you to an agent");

        Page agent = signedInAgent();
        agent.navigate(url("/workspace?view=unassigned"));
        agent.locator(".inbox-item", new Page.LocatorOptions().setHasText(visitor)).click();
        assertThat(agent.locator("#assist .handoff-summary")).containsText(
                "the bot could not answer after several tries");
    }

    @Test
    void agentInsertsASuggestedAnswerEditsItAndSendsIt() {
        String visitor = "Visitor " + shortId();
        Page customer = customerContext.newPage();
        customer.navigate(url("/widget/demo?lang=en&name=" + visitor.replace(' ', '+')));
        write(customer, "I need an invoice for my company, how do I get one?");
        Locator botAnswer = customer.locator(".bubble.from-bot").first();
        assertThat(botAnswer).containsText("Request invoice");
        botAnswer.locator(".bot-feedback button[data-helpful=true]").click();
        assertThat(botAnswer.locator(".bot-feedback")).hasText("Thank you for your feedback.");

        Page agent = signedInAgent();
        agent.navigate(url("/workspace?view=unassigned"));
        agent.locator(".inbox-item", new Page.LocatorOptions().setHasText(visitor)).click();
        Locator suggestion = agent.locator("#assist .suggestion").first();
        assertThat(suggestion).containsText("How do I get an invoice?");
        suggestion.locator(".assist-insert").click();
        Locator reply = agent.locator("#reply-form textarea");
        assertThat(reply).hasValue(java.util.regex.Pattern.compile("^After the order is completed, click.*"));
        reply.press("End");
        reply.pressSequentially(" I have also sent it to you by email.");
        agent.locator("#reply-form button[type=submit]").click();

        assertThat(customer.locator(".bubble.from-agent")).containsText(
                "The e-invoice is emailed within 1–3 business days. I have also sent it to you by email.");
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
