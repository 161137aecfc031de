package io.oriole.web.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import com.jayway.jsonpath.JsonPath;

/** A demo-tenant widget visitor over real HTTP and a real WebSocket, as the live-update tests need one. */
final class WidgetClient {

    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    WidgetClient(int port) {
        this.port = port;
    }

    /** A new visitor's token. */
    String session() throws Exception {
        return JsonPath.read(post("/widget/api/demo/session", "{}", null), "$.token");
    }

    /** Sends the visitor's first message and returns the conversation it opened. */
    long firstMessage(String token, String text) throws Exception {
        post("/widget/api/demo/messages",
                "{\"clientMessageId\":\"" + UUID.randomUUID() + "\",\"text\":\"" + text + "\"}", token);
        String view = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/widget/api/demo/conversation")).header("X-Visitor-Token", token).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return ((Number) JsonPath.read(view, "$.conversationId")).longValue();
    }

    /**
     * Opens the visitor's socket and waits for the server's hello, which comes once the server has joined the socket
     * to its audience; the list then fills with every push after it.
     */
    List<String> listen(String token) throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch hello = new java.util.concurrent.CountDownLatch(1);
        WebSocketSession socket = new StandardWebSocketClient().execute(new TextWebSocketHandler() {
            @Override
            protected void handleTextMessage(WebSocketSession session, TextMessage message) {
                if (message.getPayload().equals("{\"type\":\"hello\"}")) {
                    hello.countDown();
                }
                else {
                    received.add(message.getPayload());
                }
            }
        }, "ws://localhost:" + port + "/ws/widget?token=" + token).get(10, TimeUnit.SECONDS);
        assertThat(socket.isOpen()).isTrue();
        assertThat(hello.await(10, TimeUnit.SECONDS)).as("the server's hello").isTrue();
        return received;
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
