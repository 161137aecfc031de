package io.oriole.web.widget;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every error answer on a real Tomcat is an RFC 9457 problem for an API client, including the URLs that the
 * container and the security firewall refuse before any controller runs; a browser may get the error page, never
 * the container's report.
 */
@WidgetHardeningTest
class ErrorProblemsIntegrationTests {

    private static final String WIDGET = "/widget/api/demo";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    record Answer(int status, String contentType, String body) {

        boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json")
                    && body.contains("\"status\":" + status) && !body.contains("Exception") && !body.contains("Tomcat");
        }
    }

    @Test
    void malformedJsonWrongTypesEmptyBodiesAndWrongMediaTypesOnTheWidgetAreProblems() throws Exception {
        assertThat(post(WIDGET + "/session", "application/json", "{\"token\": ")).satisfies(a -> {
            assertThat(a.status()).isEqualTo(400);
            assertThat(a.isProblem()).as(a.body()).isTrue();
        });
        assertThat(post(WIDGET + "/feedback", "application/json", "{\"seq\":\"first\",\"helpful\":true}"))
                .satisfies(a -> {
                    assertThat(a.status()).isEqualTo(400);
                    assertThat(a.isProblem()).as(a.body()).isTrue();
                    assertThat(a.body()).contains("\"field\":\"seq\"");
                });
        assertThat(post(WIDGET + "/messages", "application/json", "")).satisfies(a -> {
            assertThat(a.status()).isEqualTo(400);
            assertThat(a.isProblem()).as(a.body()).isTrue();
        });
        assertThat(post(WIDGET + "/messages", "text/plain", "hello")).satisfies(a -> {
            assertThat(a.status()).isEqualTo(415);
            assertThat(a.isProblem()).as(a.body()).isTrue();
        });
        assertThat(raw("GET " + WIDGET + "/no-such-endpoint HTTP/1.1", "application/json")).satisfies(a -> {
            assertThat(a.status()).isEqualTo(404);
            assertThat(a.isProblem()).as(a.body()).isTrue();
        });
    }

    @Test
    void urlsTheContainerOrTheFirewallRefuseAreProblemsOnEveryPath() throws Exception {
        for (String path : new String[] { "/api/v1/..;/x", "/api/v1/conversations/%00", "/widget/api/demo%2Fsession",
                "/api/v1/%2e%2e/x", "/console;jsessionid=x/../login", "/platform/v1/tenants/%25%00",
                "/widget/api/demo/session%5C..", "/api/v1/conversations/%ff%fe" }) {
            Answer a = raw("GET " + path + " HTTP/1.1", "application/json");
            assertThat(a.status()).as(path).isBetween(400, 404);
            assertThat(a.isProblem()).as(path + ": " + a.body()).isTrue();
        }
        Answer invalidCharacters = raw("GET /api/v1/conv|ersations{x} HTTP/1.1", "*/*");
        assertThat(invalidCharacters.status()).isEqualTo(400);
        assertThat(invalidCharacters.isProblem()).as(invalidCharacters.body()).isTrue();
    }

    @Test
    void anUnknownPageIsTheErrorPageForABrowserAndAProblemForAnApiClient() throws Exception {
        for (String page : new String[] { "/widget/demo/no/such/page", "/widget/no-such-tenant" }) {
            Answer browser = raw("GET " + page + " HTTP/1.1", "text/html,application/xhtml+xml,*/*;q=0.8");
            assertThat(browser.status()).as(page).isEqualTo(404);
            assertThat(browser.contentType()).as(page).startsWith("text/html");
            assertThat(browser.body()).as(page).contains("404").doesNotContain("Whitelabel", "Tomcat", "Exception");
        }

        Answer client = raw("GET /widget/demo/no/such/page HTTP/1.1", "application/json");
        assertThat(client.status()).isEqualTo(404);
        assertThat(client.isProblem()).as(client.body()).isTrue();
        Answer unauthenticated = raw("GET /api/v1/no-such-resource HTTP/1.1", "application/json");
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(unauthenticated.isProblem()).as(unauthenticated.body()).isTrue();
    }

    @Test
    void aRefusedWidgetSocketSaysWhyInAProblem() throws Exception {
        Answer a = raw("GET /ws/widget?token=forged HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "*/*");

        assertThat(a.status()).isEqualTo(401);
        assertThat(a.isProblem()).as(a.body()).isTrue();
    }

    @Test
    void aLargeBodyWithoutALengthIsRefusedOnceItPassesTheCap() throws Exception {
        byte[] big = ("{\"clientMessageId\":\"cmid-12345678\",\"text\":\"" + "x".repeat(200_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + WIDGET + "/messages")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
    }

    private Answer post(String path, String contentType, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", contentType).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                response.body());
    }

    /** A request written byte for byte, since HTTP clients refuse to send the URLs under test. */
    private Answer raw(String requestLine, String accept) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: localhost\r\nAccept: " + accept + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int headEnd = response.indexOf("\r\n\r\n");
            String head = headEnd < 0 ? response : response.substring(0, headEnd);
            String body = headEnd < 0 ? "" : response.substring(headEnd + 4);
            int status = Integer.parseInt(head.substring(9, 12));
            String contentType = head.lines().filter(l -> l.toLowerCase().startsWith("content-type:"))
                    .map(l -> l.substring(13).trim()).findFirst().orElse(null);
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                body = unchunked(body);
            }
            return new Answer(status, contentType, body);
        }
    }

    private static String unchunked(String body) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < body.length()) {
            int lineEnd = body.indexOf("\r\n", at);
            int size = Integer.parseInt(body.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(body, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toString();
    }
}
