package io.oriole.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import io.oriole.web.WebTestFixtures;

/**
 * The production-like profile behind a proxy that ends TLS: the proxy says so with {@code X-Forwarded-Proto}, and the
 * session cookie is then {@code Secure}. Plain HTTP (a benchmark on localhost) keeps working.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=" + WebTestFixtures.H2_MEM + "secure-cookie" + WebTestFixtures.H2_OPTIONS,
        "spring.datasource.username=sa", "spring.datasource.password=",
        "oriole.data-dir=${java.io.tmpdir}/oriole-secure-cookie-tests" })
@ActiveProfiles("postgres")
class SecureCookieIntegrationTests {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void behindATlsProxyTheSessionCookieIsSecure() throws Exception {
        String cookie = sessionCookie(HttpRequest.newBuilder(login()).header("X-Forwarded-Proto", "https"));

        assertThat(cookie).contains("JSESSIONID=").containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly");
    }

    @Test
    void overPlainHttpTheSessionCookieStillWorks() throws Exception {
        String cookie = sessionCookie(HttpRequest.newBuilder(login()));

        assertThat(cookie).contains("JSESSIONID=").doesNotContainIgnoringCase("Secure");
    }

    private URI login() {
        return URI.create("http://127.0.0.1:" + port + "/login");
    }

    private String sessionCookie(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> page = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        return page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
    }
}
