package io.oriole.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

import io.oriole.web.WebTestFixtures;

/**
 * A supervisor opens the what-if page from the top bar, replays the demo tenant's two weeks of history under all
 * three policies, and gets a result table per policy and the three charts drawn by Chart.js.
 */
@Tag("browser")
@ExtendWith(RequiresChromium.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=" + WebTestFixtures.H2_MEM + "web-whatif-browser" + WebTestFixtures.H2_OPTIONS,
        "oriole.data-dir=${java.io.tmpdir}/oriole-web-whatif-browser-tests" })
class SimulationBrowserIntegrationTests {

    static final Path SCREENSHOT = Path.of(System.getProperty("java.io.tmpdir"), "oriole-what-if.png");

    @LocalServerPort int port;

    Playwright playwright;
    Browser browser;

    @BeforeAll
    void launchChromium() {
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
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
    void supervisorRunsAllPoliciesOnTheDemoHistoryAndSeesTablesAndCharts() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US")
                .setViewportSize(1440, 1000));
        Page page = signIn(context, "chenjing@demo.oriole.dev");
        page.navigate(url("/workspace?lang=en"));
        page.locator("#nav-whatif").click();
        page.waitForURL(u -> u.contains("/console/simulation"));

        page.locator("select[name=policy]").selectOption("all");
        page.locator("input[name=staffing][value=trace]").check();
        page.locator("#whatif-run").click();

        assertThat(page.locator("section.whatif-result")).hasCount(3);
        for (String policy : List.of("fifo", "priority", "sla-aware")) {
            assertThat(page.locator("#whatif-result-" + policy + " tr.whatif-overall")).isVisible();
        }
        assertThat(page.locator("#whatif-empty")).hasCount(0);
        for (String chart : List.of("whatif-chart-service", "whatif-chart-waits", "whatif-chart-queue")) {
            assertThat(page.locator("#" + chart)).hasAttribute("data-drawn", "true");
        }
        // Chart.js sized and painted the canvas: it is no longer the empty 300×150 default.
        Object painted = page.evaluate("() => { const c = document.getElementById('whatif-chart-service');"
                + " const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + " let n = 0; for (let i = 3; i < px.length; i += 4) if (px[i] > 0) n++; return n; }");
        org.assertj.core.api.Assertions.assertThat(((Number) painted).intValue()).isGreaterThan(1000);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOT).setFullPage(true));
        context.close();
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
