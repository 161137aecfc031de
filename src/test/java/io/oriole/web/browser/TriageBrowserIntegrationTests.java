package io.oriole.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

import io.oriole.tenant.TenantManagement;
import io.oriole.web.WebTestFixtures;

/**
 * Triage as a supervisor and an admin see it in a real browser: a VIP enterprise customer's outage message arrives
 * through the widget and shows up as P1 with its urgency and VIP factors, the supervisor overrides it with a reason,
 * and an admin teaches the tenant an intent from a CSV file in the console.
 */
@Tag("browser")
@ExtendWith(RequiresChromium.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=" + WebTestFixtures.H2_MEM + "web-browser" + WebTestFixtures.H2_OPTIONS,
        "oriole.data-dir=${java.io.tmpdir}/oriole-web-browser-tests" })
class TriageBrowserIntegrationTests {

    static final String OUTAGE = "我们公司整个系统都登不上了，所有员工都用不了！";
    /** 赵敏 of 星河科技, the demo tenant's GOLD enterprise customer, as the tenant's own site identifies her. */
    static final String ZHAO_MIN = "shop-user-2001";
    static final String CHEN_JING = "chenjing@demo.oriole.dev";

    @LocalServerPort
    int port;

    @Autowired
    TenantManagement tenants;

    Playwright playwright;
    Browser browser;
    BrowserContext staffContext;
    BrowserContext customerContext;

    @BeforeAll
    void launchChromium() {
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(RequiresChromium.CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync")));
    }

    @BeforeEach
    void openContexts() {
        staffContext = browser.newContext(new Browser.NewContextOptions().setLocale("en-US")
                .setViewportSize(1440, 900));
        customerContext = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
                .setViewportSize(420, 700));
    }

    @AfterEach
    void closeContexts() {
        staffContext.close();
        customerContext.close();
    }

    @AfterAll
    void closeChromium() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void vipEnterpriseOutageShowsAsP1WithItsFactorsAndASupervisorOverridesIt() {
        Page customer = customerContext.newPage();
        String secret = tenants.findBySlug(WebTestFixtures.DEMO).orElseThrow().widgetSecret();
        customer.navigate(url("/widget/demo?lang=zh-CN&userId=" + ZHAO_MIN + "&userHash=" + hmac(secret, ZHAO_MIN)
                + "&name=" + URLEncoder.encode("赵敏", StandardCharsets.UTF_8)));
        customer.locator("#text").fill(OUTAGE);
        customer.locator("#composer button[type=submit]").click();
        assertThat(customer.locator("#chat [data-seq]", new Page.LocatorOptions().setHasText(OUTAGE))).hasCount(1);

        Page supervisor = signedIn(CHEN_JING);
        supervisor.navigate(url("/workspace?view=all"));
        Locator item = supervisor.locator(".inbox-item", new Page.LocatorOptions().setHasText("赵敏")).first();
        item.click();
        Locator triage = supervisor.locator("#triage");
        assertThat(triage.locator(".badge.priority")).hasText("P1");
        assertThat(triage.locator(".explanation")).containsText("system down (+50)");
        assertThat(triage.locator(".explanation")).containsText("VIP gold (+20)");
        assertThat(triage).containsText("System down");

        triage.locator("select[name=level]").selectOption("P2");
        triage.locator("input[name=reason]").fill("Only their staging system is down");
        triage.locator("#priority-override button[type=submit]").click();

        assertThat(supervisor.locator("#triage .badge.priority")).hasText("P2");
        assertThat(supervisor.locator("#triage .explanation"))
                .containsText("set to P2 by 陈静 (triage said P1): Only their staging system is down");
    }

    @Test
    void adminUploadsIntentsAsCsvAndTriesAMessageAgainstThem() throws IOException {
        Path csv = Files.createTempFile("intents", ".csv");
        Files.writeString(csv, """
                text,label
                where is my parcel,track_order
                my package has not arrived yet,track_order
                has my order shipped,track_order
                我的快递到哪了,track_order
                I want a refund for my order,refund
                please give me my money back,refund
                退款什么时候到账,refund
                how do I get my money returned,refund
                """);
        Page admin = signedIn(WebTestFixtures.ADMIN);
        admin.navigate(url("/console"));
        admin.locator("#triage-settings").click();

        admin.locator("#upload-intents input[type=file]").setInputFiles(csv);
        admin.locator("#upload-intents button[type=submit]").click();

        assertThat(admin.locator(".alert.info")).containsText("Examples replaced");
        assertThat(admin.locator("#intents tr", new Page.LocatorOptions().setHasText("track_order"))).containsText("4");
        assertThat(admin.locator("#intents tr", new Page.LocatorOptions().setHasText("refund"))).containsText("4");
        // Training runs in the background; the try-it form shows the model once it is in place.
        admin.waitForCondition(() -> {
            admin.navigate(url("/console/triage?preview=" + URLEncoder.encode("my parcel still has not arrived",
                    StandardCharsets.UTF_8)));
            return admin.locator("#preview .preview-result").textContent().contains("track_order");
        }, new Page.WaitForConditionOptions().setTimeout(30_000));
        Files.delete(csv);
    }

    private Page signedIn(String email) {
        Page page = staffContext.newPage();
        page.navigate(url("/login?lang=en"));
        page.locator("input[name=tenant]").fill(WebTestFixtures.DEMO);
        page.locator("input[name=email]").fill(email);
        page.locator("input[name=password]").fill(WebTestFixtures.PASSWORD);
        page.locator("button[type=submit]").click();
        page.waitForURL("**/workspace");
        return page;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static String hmac(String secret, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
