package io.oriole.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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

import io.oriole.tenant.TenantManagement;
import io.oriole.web.WebTestFixtures;

/**
 * A platform operator in a real browser: signs in to {@code /platform/console} with the operator token, creates a
 * tenant and copies the first admin's token shown once, suspends the tenant and deletes it after typing its slug.
 */
@Tag("browser")
@ExtendWith(RequiresChromium.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=" + WebTestFixtures.H2_MEM + "platform-browser" + WebTestFixtures.H2_OPTIONS,
        "oriole.data-dir=${java.io.tmpdir}/oriole-platform-browser-tests", "oriole.demo.enabled=false",
        "oriole.platform.operator-token=" + PlatformConsoleBrowserIntegrationTests.OPERATOR })
class PlatformConsoleBrowserIntegrationTests {

    static final String OPERATOR = "operator-secret-for-the-browser-test";

    @LocalServerPort
    int port;
    @Autowired
    TenantManagement tenants;

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
    void operatorCreatesATenantSeesItsAdminTokenOnceThenSuspendsAndDeletesIt() throws Exception {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US")
                .setTimezoneId("Asia/Shanghai").setViewportSize(1440, 900));
        Page page = context.newPage();
        page.navigate(url("/platform/console?lang=en"));
        page.waitForURL("**/platform/console/sign-in");
        page.locator("#operator-token").fill(OPERATOR);
        page.locator("button[type=submit]").click();
        page.waitForURL("**/platform/console");
        assertThat(page.locator("#operator-zone")).hasText("Asia/Shanghai");

        String slug = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        Locator form = page.locator("#create-tenant");
        form.locator("input[name=slug]").fill(slug);
        form.locator("input[name=name]").fill("Browser Co.");
        form.locator("input[name=adminEmail]").fill("boss@" + slug + ".test");
        form.locator("input[name=adminPassword]").fill("first-admin-password");
        form.locator("input[name=timeZone]").fill("Asia/Shanghai");
        form.locator("button[type=submit]").click();

        assertThat(page.locator("#created")).containsText(slug);
        String token = page.locator("#admin-token").textContent().strip();
        assertThat(token).startsWith("ori_");
        assertThat(get("/api/v1/users", token)).isEqualTo(200);
        Locator row = page.locator("#tenants tr[data-slug='" + slug + "']");
        assertThat(row.locator(".status")).hasText("Active");
        assertThat(row.locator("time").first()).not().hasText(tenants.findBySlug(slug).orElseThrow().createdAt()
                .toString());

        page.reload();
        assertThat(page.locator("#created")).hasCount(0);

        row.locator("button.suspend").click();
        assertThat(row.locator(".status")).hasText("Suspended");
        assertThat(page.locator("#done")).containsText(slug);
        assertThat(get("/api/v1/users", token)).isEqualTo(403);

        row.locator("form.delete input[name=confirm]").fill(slug);
        row.locator("form.delete button").click();
        assertThat(page.locator("#done")).containsText(slug);
        assertThat(page.locator("#tenants tr[data-slug='" + slug + "']")).hasCount(0);
        assertThat(tenants.findBySlug(slug)).isEmpty();
        context.close();
    }

    private int get(String path, String token) throws Exception {
        HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding());
        return response.statusCode();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
