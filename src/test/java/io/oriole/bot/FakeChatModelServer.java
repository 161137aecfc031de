package io.oriole.bot;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP server on an ephemeral local port that speaks the OpenAI chat-completions format
 * ({@code POST <base>/chat/completions}), standing in for a tenant's generative endpoint. The real service cannot
 * run here (no network, no model), so this is an honest fake of the remote side: the bot's LangChain4j client, HTTP
 * stack, JSON and timeouts are all exercised for real; only the model's words are scripted by the test. It records
 * every request so a test can also prove that none was made.
 */
public final class FakeChatModelServer implements AutoCloseable {

    /** A scripted answer: a chat completion with {@code content}, an HTTP error, or no answer until released. */
    public sealed interface Behaviour {
    }

    public record Reply(String content) implements Behaviour {
    }

    public record Status(int code) implements Behaviour {
    }

    /** Answers {@code 307 Temporary Redirect} to {@code location}, as a hostile endpoint bouncing the call would. */
    public record Redirect(String location) implements Behaviour {
    }

    /** Holds the request until {@code release} counts down, then replies with {@code then}. */
    public record HoldUntil(CountDownLatch release, Behaviour then) implements Behaviour {
    }

    /** One request as received. */
    public record Received(String method, String path, String authorization, JsonNode body) {

        /** The text of every chat message sent, system and user, joined. */
        public String prompt() {
            StringBuilder all = new StringBuilder();
            body.path("messages").forEach(m -> all.append(m.path("content").asString()).append('\n'));
            return all.toString();
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile Behaviour behaviour = new Status(500);

    public FakeChatModelServer() {
        this(InetAddress.getLoopbackAddress());
    }

    /** A server on {@code address}, for example {@code 127.0.0.2}, a loopback address the tests do not allow. */
    public FakeChatModelServer(InetAddress address) {
        try {
            server = HttpServer.create(new InetSocketAddress(address, 0), 0);
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** The base URL to configure, like {@code https://api.openai.com/v1}. */
    public String baseUrl() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort()
                + "/v1";
    }

    public FakeChatModelServer answer(Behaviour next) {
        this.behaviour = next;
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body)));
            if (!exchange.getRequestURI().getPath().equals("/v1/chat/completions")) {
                respond(exchange, 404, "{\"error\":{\"message\":\"not found\"}}");
                return;
            }
            respond(exchange, behaviour);
        }
    }

    private void respond(HttpExchange exchange, Behaviour b) throws IOException {
        if (b instanceof Reply r) {
            respond(exchange, 200, completion(r.content()));
        }
        else if (b instanceof Redirect r) {
            exchange.getResponseHeaders().set("Location", r.location());
            respond(exchange, 307, "{}");
        }
        else if (b instanceof Status s) {
            respond(exchange, s.code(), "{\"error\":{\"message\":\"scripted failure\"}}");
        }
        else if (b instanceof HoldUntil h) {
            try {
                // Released by the test, or given up by close(); never by the passing of time.
                while (!h.release().await(100, TimeUnit.MILLISECONDS)) {
                    if (closing.getCount() == 0) {
                        return;
                    }
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            respond(exchange, h.then());
        }
    }

    private static String completion(String content) {
        return JSON.writeValueAsString(Map.of("id", "chatcmpl-test", "object", "chat.completion", "created",
                1_700_000_000L, "model", "test-model",
                "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                        "message", Map.of("role", "assistant", "content", content))),
                "usage", Map.of("prompt_tokens", 10, "completion_tokens", 5, "total_tokens", 15)));
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
