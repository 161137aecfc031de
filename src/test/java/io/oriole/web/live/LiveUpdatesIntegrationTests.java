package io.oriole.web.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import com.jayway.jsonpath.JsonPath;

import io.oriole.conversation.Actor;
import io.oriole.conversation.ConversationManagement;
import io.oriole.tenant.TenantId;
import io.oriole.tenant.TenantManagement;
import io.oriole.web.WebTestFixtures;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=" + WebTestFixtures.H2_MEM + "web-browser" + WebTestFixtures.H2_OPTIONS,
        "oriole.data-dir=${java.io.tmpdir}/oriole-web-browser-tests" })
class LiveUpdatesIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    TenantManagement tenants;
    @Autowired
    ConversationManagement conversations;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void customerSocketHearsOwnConversationButNeverInternalNotesOrOtherCustomers() throws Exception {
        String alice = session();
        String bob = session();
        long conversationId = firstMessage(alice, "Is my order shipped?");
        List<String> alicePushes = listen(alice);
        List<String> bobPushes = listen(bob);
        TenantId demo = tenants.findBySlug(WebTestFixtures.DEMO).orElseThrow().tenantId();

        conversations.addNote(demo, conversationId, Actor.system(), "check the warehouse first");
        conversations.reply(demo, conversationId, Actor.system(), "It ships today.");
        conversations.assign(demo, conversationId, null, null, Actor.system());
        conversations.setStatus(demo, conversationId, io.oriole.conversation.ConversationStatus.RESOLVED,
                Actor.system());

        // Pushes go out in commit order on the committing thread, so once the resolution has arrived, anything
        // the note or the other customer would have received has arrived too.
        await().atMost(10, TimeUnit.SECONDS).until(() -> alicePushes.stream()
                .anyMatch(p -> p.contains("\"ConversationResolved\"")));
        assertThat(alicePushes).noneMatch(p -> p.contains("InternalNoteAdded"))
                .noneMatch(p -> p.contains("ConversationAssigned"))
                .allMatch(p -> p.contains("\"conversationId\":" + conversationId));
        assertThat(bobPushes).isEmpty();
    }

    @Test
    void tamperedTokenCannotOpenACustomerSocket() throws Exception {
        String token = session();
        int at = token.indexOf('.') + 1;
        // Always a different character, so the token really changes.
        char replacement = token.charAt(at) == 'x' ? 'y' : 'x';
        String tampered = token.substring(0, at) + replacement + token.substring(at + 1);

        assertThatThrownBy(() -> listen(tampered)).isInstanceOf(java.util.concurrent.ExecutionException.class);
    }

    private List<String> listen(String token) throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        WebSocketSession socket = new StandardWebSocketClient().execute(new TextWebSocketHandler() {
            @Override
            protected void handleTextMessage(WebSocketSession session, TextMessage message) {
                received.add(message.getPayload());
            }
        }, "ws://localhost:" + port + "/ws/widget?token=" + token).get(10, TimeUnit.SECONDS);
        assertThat(socket.isOpen()).isTrue();
        return received;
    }

    private String session() throws Exception {
        return JsonPath.read(post("/widget/api/demo/session", "{}", null), "$.token");
    }

    private long firstMessage(String token, String text) throws Exception {
        post("/widget/api/demo/messages",
                "{\"clientMessageId\":\"" + UUID.randomUUID() + "\",\"text\":\"" + text + "\"}", token);
        String view = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/widget/api/demo/conversation")).header("X-Visitor-Token", token).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return ((Number) JsonPath.read(view, "$.conversationId")).longValue();
    }

    private String post(String path, String json, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("X-Visitor-Token", token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return response.body();
    }
}
