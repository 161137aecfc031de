package io.oriole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.jayway.jsonpath.JsonPath;

import io.oriole.conversation.Actor;
import io.oriole.conversation.ConversationManagement;
import io.oriole.knowledge.EntryDraft;
import io.oriole.knowledge.EntryStatus;
import io.oriole.knowledge.KnowledgeEntry;
import io.oriole.knowledge.KnowledgeManagement;
import io.oriole.support.RedisAvailableCondition;
import io.oriole.support.RequiresPostgres;
import io.oriole.support.RequiresRedis;
import io.oriole.tenant.Tenant;
import io.oriole.tenant.TenantManagement;
import io.oriole.triage.Language;

/**
 * Two real nodes: this test's application (node A) and a second one started beside it (node B), sharing one
 * PostgreSQL schema and one Redis, each with its own web server. A customer connected to node A hears, live, the
 * answer that node B stores; an entry an admin edits through node B is found by node A's search. This is the
 * deployment the README describes for several nodes behind a load balancer.
 */
@RequiresPostgres
@RequiresRedis
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "oriole.demo.enabled=false", "oriole.data-dir=target/test-data/node-a" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesIntegrationTests {

    private static final String LIVE_CHANNEL = "oriole:test:two-nodes:live:" + UUID.randomUUID();
    private static final String CHANGES_CHANNEL = "oriole:test:two-nodes:changes:" + UUID.randomUUID();

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("oriole.redis.url", RedisAvailableCondition::url);
        registry.add("oriole.live.redis-channel", () -> LIVE_CHANNEL);
        registry.add("oriole.cluster.channel", () -> CHANGES_CHANNEL);
    }

    @LocalServerPort
    int portA;
    @Autowired
    Environment nodeA;
    @Autowired
    TenantManagement tenants;
    @Autowired
    KnowledgeManagement knowledgeA;

    private ConfigurableApplicationContext nodeB;
    private int portB;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void startNodeB() throws Exception {
        // Command-line arguments, so they outrank application.yml as they would on a real node.
        nodeB = new SpringApplicationBuilder(OrioleApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + nodeA.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + nodeA.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + nodeA.getProperty("spring.datasource.password", ""),
                "--spring.flyway.schemas=" + nodeA.getProperty("spring.flyway.schemas"),
                "--spring.flyway.default-schema=" + nodeA.getProperty("spring.flyway.default-schema"),
                "--oriole.demo.enabled=false",
                "--oriole.data-dir=" + Files.createTempDirectory("oriole-node-b"),
                "--oriole.redis.url=" + RedisAvailableCondition.url(),
                "--oriole.live.redis-channel=" + LIVE_CHANNEL,
                "--oriole.cluster.channel=" + CHANGES_CHANNEL);
        portB = Integer.parseInt(nodeB.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    void stopNodeB() {
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @Test
    void customerOnNodeAHearsTheAnswerStoredThroughNodeB() throws Exception {
        Tenant tenant = tenants.create("two-" + UUID.randomUUID().toString().substring(0, 8), "Two Nodes Co", "en",
                "UTC");
        String token = JsonPath.read(post(portB, "/widget/api/" + tenant.slug() + "/session", "{}", null), "$.token");
        post(portB, "/widget/api/" + tenant.slug() + "/messages", "{\"clientMessageId\":\"" + UUID.randomUUID()
                + "\",\"text\":\"Is my order shipped?\"}", token);
        long conversationId = ((Number) JsonPath.read(get(portA, "/widget/api/" + tenant.slug() + "/conversation",
                token), "$.conversationId")).longValue();
        List<String> heardOnA = listen(portA, token);

        nodeB.getBean(ConversationManagement.class).reply(tenant.tenantId(), conversationId, Actor.bot(),
                "It left our warehouse this morning.");

        await().until(() -> heardOnA.stream()
                .anyMatch(p -> p.contains("\"BotReplied\"") && p.contains("\"conversationId\":" + conversationId)));
        assertThat(get(portA, "/widget/api/" + tenant.slug() + "/conversation?after=1", token))
                .contains("It left our warehouse this morning.");
    }

    @Test
    void entryEditedThroughNodeBIsFoundByNodeA() {
        Tenant tenant = tenants.create("kb-" + UUID.randomUUID().toString().substring(0, 8), "Two Nodes KB", "en",
                "UTC");
        KnowledgeEntry entry = knowledgeA.create(tenant.tenantId(), new EntryDraft("How do I pair the remote?",
                "Hold the two arrow keys until the light blinks.", List.of("pair remote"), "product", Language.EN,
                List.of(), EntryStatus.PUBLISHED), "admin@example.com");
        assertThat(knowledgeA.search(tenant.tenantId(), "the remote will not pair", 3))
                .anyMatch(m -> m.entry().id() == entry.id());

        nodeB.getBean(KnowledgeManagement.class).update(tenant.tenantId(), entry.id(), new EntryDraft(
                "How do I pair the remote?", "Hold the two arrow keys until the light blinks.", List.of("pair remote"),
                "product", Language.EN, List.of(), EntryStatus.DRAFT), "admin@example.com");

        await().until(() -> knowledgeA.search(tenant.tenantId(),
                "the remote will not pair", 3).stream().noneMatch(m -> m.entry().id() == entry.id()));
    }

    /** Opens a widget socket and waits for the server's hello: every push after it reaches the list. */
    private List<String> listen(int port, String token) throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        CountDownLatch hello = new CountDownLatch(1);
        http.newWebSocketBuilder().buildAsync(URI.create("ws://localhost:" + port + "/ws/widget?token=" + token),
                new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        if (data.toString().contains("\"hello\"")) {
                            hello.countDown();
                        }
                        else {
                            heard.add(data.toString());
                        }
                        socket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        assertThat(hello.await(10, TimeUnit.SECONDS)).as("the server's hello").isTrue();
        return heard;
    }

    private String post(int port, String path, String json, String token) throws Exception {
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

    private String get(int port, String path, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-Visitor-Token", token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return response.body();
    }
}
