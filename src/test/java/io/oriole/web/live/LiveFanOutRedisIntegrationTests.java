package io.oriole.web.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.jayway.jsonpath.JsonPath;

import io.oriole.conversation.Actor;
import io.oriole.conversation.ConversationManagement;
import io.oriole.conversation.ConversationStatus;
import io.oriole.customer.CustomerManagement;
import io.oriole.support.RedisAvailableCondition;
import io.oriole.support.RedisPeer;
import io.oriole.support.RequiresRedis;
import io.oriole.tenant.TenantId;
import io.oriole.tenant.TenantManagement;
import io.oriole.web.WebTestFixtures;

/**
 * This node against the real Redis server, with the test playing a second node on the same channel: what another
 * node publishes reaches exactly the customer it names on this node, and what commits here is published for the
 * other nodes with the same audience rules as local sockets (internal notes to staff only), and heard once here.
 */
@RequiresRedis
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=" + WebTestFixtures.H2_MEM + "live-redis" + WebTestFixtures.H2_OPTIONS,
        "oriole.data-dir=${java.io.tmpdir}/oriole-live-redis-tests", "oriole.demo.bot-enabled=false" })
class LiveFanOutRedisIntegrationTests {

    private static final String CHANNEL = "oriole:test:live:" + UUID.randomUUID();
    private static final String OTHER_NODE = "node-b";

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("oriole.redis.url", RedisAvailableCondition::url);
        registry.add("oriole.live.redis-channel", () -> CHANNEL);
    }

    @LocalServerPort
    int port;
    private WidgetClient widget;
    @Autowired
    TenantManagement tenants;
    @Autowired
    ConversationManagement conversations;
    @Autowired
    CustomerManagement customers;

    private RedisPeer otherNode;
    private List<String> published;
    private TenantId demo;

    @BeforeEach
    void connectAsAnotherNode() {
        widget = new WidgetClient(port);
        otherNode = new RedisPeer(CHANNEL);
        published = otherNode.heard();
        demo = tenants.findBySlug(WebTestFixtures.DEMO).orElseThrow().tenantId();
    }

    @AfterEach
    void disconnect() {
        otherNode.close();
    }

    @Test
    void pushFromAnotherNodeReachesOnlyTheCustomerItNames() throws Exception {
        String alice = widget.session();
        String bob = widget.session();
        long aliceConversation = widget.firstMessage(alice, "Where is my parcel?");
        long aliceCustomer = conversations.find(demo, aliceConversation).orElseThrow().customerId();
        widget.firstMessage(bob, "Do you ship to Macau?");
        List<String> alicePushes = widget.listen(alice);
        List<String> bobPushes = widget.listen(bob);

        publishAsOtherNode("STAFF", 0, null, "{\"type\":\"InternalNoteAdded\",\"conversationId\":" + aliceConversation + "}");
        publishAsOtherNode("CUSTOMER", aliceCustomer, visitorOf(aliceCustomer), "{\"type\":\"AgentReplied\",\"conversationId\":"
                + aliceConversation + ",\"seq\":7}");

        await().until(() -> alicePushes.contains(
                "{\"type\":\"AgentReplied\",\"conversationId\":" + aliceConversation + ",\"seq\":7}"));
        // One delivery thread, in channel order: the staff-only push was handled before the reply arrived.
        assertThat(alicePushes).noneMatch(p -> p.contains("InternalNoteAdded"));
        assertThat(bobPushes).noneMatch(p -> p.contains("\"conversationId\":" + aliceConversation));
    }

    @Test
    void changeCommittedHereIsPublishedForOtherNodesAndHeardOnceHere() throws Exception {
        String alice = widget.session();
        long conversationId = widget.firstMessage(alice, "Can I change the delivery address?");
        long aliceCustomer = conversations.find(demo, conversationId).orElseThrow().customerId();
        List<String> alicePushes = widget.listen(alice);

        conversations.addNote(demo, conversationId, Actor.system(), "check the courier first");
        conversations.reply(demo, conversationId, Actor.bot(), "Yes, until it ships.");
        conversations.setStatus(demo, conversationId, ConversationStatus.RESOLVED, Actor.system());

        await().until(() -> envelopesAbout(conversationId).stream().anyMatch(e ->
                e.kind().equals("CUSTOMER") && e.payload().contains("ConversationResolved")));
        List<Envelope> aboutIt = envelopesAbout(conversationId);
        assertThat(aboutIt).filteredOn(e -> e.kind().equals("CUSTOMER"))
                .allMatch(e -> e.tenant() == demo.value() && e.customer() == aliceCustomer)
                .noneMatch(e -> e.payload().contains("InternalNoteAdded"))
                .anyMatch(e -> e.payload().contains("BotReplied"));
        assertThat(aboutIt).filteredOn(e -> e.kind().equals("STAFF"))
                .anyMatch(e -> e.payload().contains("InternalNoteAdded") && e.tenant() == demo.value());

        // A marker from the other node comes after this node's own echoes on the channel; once it has arrived,
        // any echo this node failed to drop would have arrived too.
        String marker = "{\"type\":\"marker\",\"conversationId\":" + conversationId + "}";
        publishAsOtherNode("CUSTOMER", aliceCustomer, visitorOf(aliceCustomer), marker);
        await().until(() -> alicePushes.contains(marker));
        assertThat(alicePushes).filteredOn(p -> p.contains("\"BotReplied\"")).hasSize(1);
        assertThat(alicePushes).filteredOn(p -> p.contains("\"ConversationResolved\"")).hasSize(1);
        assertThat(alicePushes).noneMatch(p -> p.contains("InternalNoteAdded"));
    }

    record Envelope(String kind, long tenant, long customer, String payload) {
    }

    /** What this node published on the channel about one conversation. */
    private List<Envelope> envelopesAbout(long conversationId) {
        return published.stream().map(m -> new Envelope(JsonPath.read(m, "$.kind"),
                ((Number) JsonPath.read(m, "$.tenant")).longValue(), ((Number) JsonPath.read(m, "$.customer"))
                        .longValue(), JsonPath.read(m, "$.payload")))
                .filter(e -> ((Number) JsonPath.read(e.payload(), "$.conversationId")).longValue() == conversationId)
                .toList();
    }

    /**
     * Publishes what another node would: a customer push names the customer and, for one who came as an anonymous
     * widget visitor, their visitor id, by which their sockets are joined.
     */
    private void publishAsOtherNode(String kind, long customer, String visitor, String payload) {
        String escaped = payload.replace("\\", "\\\\").replace("\"", "\\\"");
        String visitorField = visitor == null ? "" : ",\"visitor\":\"" + visitor + "\"";
        otherNode.publish("{\"node\":\"" + OTHER_NODE + "\",\"kind\":\"" + kind + "\",\"tenant\":"
                + demo.value() + ",\"customer\":" + customer + visitorField + ",\"payload\":\"" + escaped + "\"}");
    }

    private String visitorOf(long customerId) {
        return customers.find(demo, customerId).orElseThrow().visitorId();
    }
}
