package io.oriole.web.widget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HexFormat;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import io.oriole.conversation.Actor;
import io.oriole.conversation.Conversation;
import io.oriole.conversation.ConversationManagement;
import io.oriole.customer.CustomerManagement;
import io.oriole.tenant.Tenant;
import io.oriole.tenant.TenantManagement;
import io.oriole.web.WebTestFixtures;

@SpringBootTest(properties = {
        "spring.datasource.url=" + WebTestFixtures.H2_MEM + "web-mvc" + WebTestFixtures.H2_OPTIONS,
        "oriole.data-dir=${java.io.tmpdir}/oriole-web-mvc-tests",
        // Exact message counts and seqs here; the demo bot's own flows are BotBrowserIntegrationTests'.
        "oriole.demo.bot-enabled=false" })
@AutoConfigureMockMvc
class WidgetApiIntegrationTests {

    private static final String API = "/widget/api/demo";

    @Autowired
    MockMvc mvc;
    @Autowired
    TenantManagement tenants;
    @Autowired
    CustomerManagement customers;
    @Autowired
    ConversationManagement conversations;

    @Test
    void newVisitorGetsATokenAndTheFirstMessageOpensAConversation() throws Exception {
        String token = newSession();

        send(token, "cmid-" + UUID.randomUUID(), "Where is my parcel?").andExpect(status().isCreated())
                .andExpect(jsonPath("$.seq").value(1)).andExpect(jsonPath("$.author").value("customer"));

        conversation(token, 0).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("open"))
                .andExpect(jsonPath("$.messages.length()").value(1))
                .andExpect(jsonPath("$.messages[0].body").value("Where is my parcel?"));
    }

    @Test
    void retriedMessageWithSameClientMessageIdIsStoredOnce() throws Exception {
        String token = newSession();
        String clientMessageId = "cmid-" + UUID.randomUUID();

        send(token, clientMessageId, "first try").andExpect(status().isCreated());
        send(token, clientMessageId, "first try").andExpect(status().isCreated()).andExpect(jsonPath("$.seq").value(1));
        send(token, "cmid-" + UUID.randomUUID(), "second message").andExpect(jsonPath("$.seq").value(2));

        conversation(token, 0).andExpect(jsonPath("$.messages.length()").value(2));
        conversation(token, 1).andExpect(jsonPath("$.messages.length()").value(1))
                .andExpect(jsonPath("$.messages[0].body").value("second message"));
    }

    @Test
    void aVisitorWhoNeverWritesLeavesNoCustomerRow() throws Exception {
        Tenant demo = tenants.findBySlug("demo").orElseThrow();
        long before = customers.count(demo.tenantId());

        for (int i = 0; i < 20; i++) {
            String token = newSession();
            conversation(token, 0).andExpect(status().isOk()).andExpect(jsonPath("$.conversationId").doesNotExist());
            mvc.perform(get(API + "/wait").header(WidgetApi.TOKEN_HEADER, token)).andExpect(status().isOk())
                    .andExpect(jsonPath("$.waiting").value(false));
        }

        assertThat(customers.count(demo.tenantId())).isEqualTo(before);
    }

    @Test
    void theFirstMessageCreatesTheCustomerAndResumingKeepsIt() throws Exception {
        Tenant demo = tenants.findBySlug("demo").orElseThrow();
        String first = mvc.perform(post(API + "/session").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Lin\",\"locale\":\"en\"}")).andExpect(jsonPath("$.customerId").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        String token = JsonPath.read(first, "$.token");
        long before = customers.count(demo.tenantId());

        send(token, "cmid-" + UUID.randomUUID(), "hello").andExpect(status().isCreated())
                .andExpect(jsonPath("$.authorName").value("Lin"));
        send(token, "cmid-" + UUID.randomUUID(), "again").andExpect(status().isCreated());

        assertThat(customers.count(demo.tenantId())).isEqualTo(before + 1);
        String resumed = mvc.perform(post(API + "/session").contentType(MediaType.APPLICATION_JSON)
                .content("{\"token\":\"" + token + "\"}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Lin")).andReturn().getResponse().getContentAsString();
        long customerId = ((Number) JsonPath.read(resumed, "$.customerId")).longValue();
        assertThat(customers.find(demo.tenantId(), customerId)).hasValueSatisfying(
                c -> assertThat(c.name()).isEqualTo("Lin"));
        conversation(JsonPath.read(resumed, "$.token"), 0).andExpect(jsonPath("$.messages.length()").value(2));
    }

    @Test
    void tamperedTokenIsRejectedWith401() throws Exception {
        String token = newSession();
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

        conversation(tampered, 0).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("missing, expired or invalid visitor token"));
        send(tampered, "cmid-" + UUID.randomUUID(), "hello").andExpect(status().isUnauthorized());
        mvc.perform(get(API + "/conversation")).andExpect(status().isUnauthorized());
    }

    @Test
    void tokenOfOneTenantIsUselessOnAnotherTenantsWidget() throws Exception {
        String token = newSession();
        send(token, "cmid-" + UUID.randomUUID(), "private to demo").andExpect(status().isCreated());
        Conversation foreign = WebTestFixtures.otherTenantConversation(tenants, customers, conversations);
        String otherSlug = tenants.find(new io.oriole.tenant.TenantId(foreign.tenantId())).orElseThrow().slug();

        mvc.perform(get("/widget/api/" + otherSlug + "/conversation").header(WidgetApi.TOKEN_HEADER, token))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/widget/api/" + otherSlug + "/messages").header(WidgetApi.TOKEN_HEADER, token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"clientMessageId\":\"cmid-12345678\",\"text\":\"let me in\"}"))
                .andExpect(status().isUnauthorized());
        assertThat(conversations.messages(new io.oriole.tenant.TenantId(foreign.tenantId()), foreign.id(), 0, true,
                10)).hasSize(1);
    }

    @Test
    void customerOnlySeesTheirOwnConversationAndNeverInternalNotes() throws Exception {
        String alice = newSession();
        String bob = newSession();
        send(alice, "cmid-" + UUID.randomUUID(), "alice's question").andExpect(status().isCreated());
        Tenant demo = tenants.findBySlug("demo").orElseThrow();
        long conversationId = ((Number) JsonPath.read(conversation(alice, 0).andReturn().getResponse()
                .getContentAsString(), "$.conversationId")).longValue();
        conversations.addNote(demo.tenantId(), conversationId, Actor.system(), "customer seems upset");
        conversations.reply(demo.tenantId(), conversationId, Actor.system(), "we are on it");

        conversation(alice, 0).andExpect(jsonPath("$.messages.length()").value(2))
                .andExpect(jsonPath("$.messages[1].body").value("we are on it"));
        conversation(bob, 0).andExpect(jsonPath("$.conversationId").doesNotExist())
                .andExpect(jsonPath("$.messages.length()").value(0));
    }

    @Test
    void blankOrOversizedMessagesGetAClearErrorAndNothingIsStored() throws Exception {
        String token = newSession();

        send(token, "cmid-" + UUID.randomUUID(), "   ").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("text")).andExpect(jsonPath("$.detail").value("text must not be blank"));
        send(token, "cmid-" + UUID.randomUUID(), "x".repeat(ConversationManagement.MAX_BODY + 1))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("text"));
        send(token, "bad id!", "hello").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("clientMessageId"));

        conversation(token, 0).andExpect(jsonPath("$.conversationId").doesNotExist());
    }

    @Test
    void textPostgresqlCannotStoreIsRefusedNamingTheField() throws Exception {
        String token = newSession();

        sendJson(token, "{\"clientMessageId\":\"cmid-nul-0001\",\"text\":\"hello\\u0000world\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("text"))
                .andExpect(jsonPath("$.reason").value("INVALID_CHARACTER"));
        sendJson(token, "{\"clientMessageId\":\"cmid-sur-0001\",\"text\":\"broken \\ud83d emoji\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.reason").value("INVALID_CHARACTER"));
        mvc.perform(post(API + "/session").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Eve\\u0000\"}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("name"));

        conversation(token, 0).andExpect(jsonPath("$.conversationId").doesNotExist());
    }

    @Test
    void messagesOfOnlyInvisibleCharactersAreRefusedAndOverridesRemoved() throws Exception {
        String token = newSession();

        sendJson(token, "{\"clientMessageId\":\"cmid-zw-00001\",\"text\":\"\\u200b\\u200d\\u202e\\u0007\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.reason").value("NOTHING_VISIBLE"));
        sendJson(token, "{\"clientMessageId\":\"cmid-bidi-0001\",\"text\":\"pay \\u202egnp.exe\\u202c now\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.body").value("pay gnp.exe now"));
    }

    @Test
    void theLengthIsMeasuredOnTheTextAsReceivedBeforeTrimming() throws Exception {
        String token = newSession();

        send(token, "cmid-" + UUID.randomUUID(), " ".repeat(ConversationManagement.MAX_BODY) + "a")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("text"))
                .andExpect(jsonPath("$.reason").value("TOO_LONG"));
        conversation(token, 0).andExpect(jsonPath("$.conversationId").doesNotExist());
    }

    @Test
    void aBodyAboveTheCapIsRefusedWith413BeforeItIsParsed() throws Exception {
        String token = newSession();
        byte[] huge = new byte[5 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');

        mvc.perform(post(API + "/messages").header(WidgetApi.TOKEN_HEADER, token)
                .contentType(MediaType.APPLICATION_JSON).content(huge)).andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.maxBytes").value(64 * 1024));
        mvc.perform(post(API + "/session").contentType(MediaType.APPLICATION_JSON).content(huge))
                .andExpect(status().isPayloadTooLarge());
        mvc.perform(post("/api/v1/conversations").contentType(MediaType.APPLICATION_JSON)
                .content(new byte[2 * 1024 * 1024])).andExpect(status().isPayloadTooLarge());
    }

    @Test
    void siteUserWithMatchingHashIsRecognisedAsTheKnownCustomer() throws Exception {
        Tenant demo = tenants.findBySlug("demo").orElseThrow();
        String hash = HexFormat.of().formatHex(VisitorTokens.hmac(demo.widgetSecret(), "shop-user-2001"));

        mvc.perform(post(API + "/session").contentType(MediaType.APPLICATION_JSON)
                .content("{\"userId\":\"shop-user-2001\",\"userHash\":\"" + hash + "\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.identified").value(true))
                .andExpect(jsonPath("$.name").value("赵敏"));
        mvc.perform(post(API + "/session").contentType(MediaType.APPLICATION_JSON)
                .content("{\"userId\":\"shop-user-2001\",\"userHash\":\"" + "0".repeat(64) + "\"}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void unknownTenantWidgetIsNotFound() throws Exception {
        mvc.perform(post("/widget/api/no-such-tenant/session").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/widget/no-such-tenant")).andExpect(status().isNotFound());
    }

    private String newSession() throws Exception {
        String body = mvc.perform(post(API + "/session").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.token");
    }

    private ResultActions send(String token, String clientMessageId, String text) throws Exception {
        String json = "{\"clientMessageId\":\"" + clientMessageId + "\",\"text\":\"" + text + "\"}";
        return mvc.perform(post(API + "/messages").header(WidgetApi.TOKEN_HEADER, token)
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions sendJson(String token, String json) throws Exception {
        return mvc.perform(post(API + "/messages").header(WidgetApi.TOKEN_HEADER, token)
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions conversation(String token, long after) throws Exception {
        return mvc.perform(get(API + "/conversation").param("after", Long.toString(after))
                .header(WidgetApi.TOKEN_HEADER, token));
    }
}
