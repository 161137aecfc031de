package io.oriole.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import io.oriole.web.api.ApiClient;
import io.oriole.web.api.ApiClient.Reply;
import io.oriole.web.api.ApiIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A suspended tenant is refused at every door (API tokens, staff sign-in, open staff sessions, the widget) with an
 * answer that says so, while every other tenant goes on working; resuming opens the doors again.
 */
@ApiIntegrationTest
class TenantSuspensionIntegrationTests {

    static final String OPERATOR = ApiIntegrationTest.OPERATOR_TOKEN;
    static final String PASSWORD = PlatformApiIntegrationTests.PASSWORD;

    @Autowired
    ApiClient api;
    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;

    String suspended;
    String suspendedToken;
    String other;
    String otherToken;

    @BeforeEach
    void twoTenants() {
        suspended = PlatformApiIntegrationTests.newSlug();
        other = PlatformApiIntegrationTests.newSlug();
        suspendedToken = provision(suspended);
        otherToken = provision(other);
    }

    String provision(String slug) {
        Reply created = api.post(OPERATOR, "/platform/v1/tenants",
                PlatformApiIntegrationTests.request(slug, "Acme", "boss@" + slug + ".test", PASSWORD));
        assertThat(created.status()).isEqualTo(201);
        return created.body().path("adminApiToken").asString();
    }

    void suspend(String slug) {
        assertThat(api.post(OPERATOR, "/platform/v1/tenants/" + slug + "/suspend", "").status()).isEqualTo(200);
    }

    void resume(String slug) {
        assertThat(api.post(OPERATOR, "/platform/v1/tenants/" + slug + "/resume", "").status()).isEqualTo(200);
    }

    @Test
    void aSuspendedTenantsApiTokensAreRefusedWithTheReasonWhileOthersWork() {
        suspend(suspended);

        Reply refused = api.get(suspendedToken, "/api/v1/users");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(refused.body().path("reason").asString()).isEqualTo("TENANT_SUSPENDED");
        assertThat(refused.detail()).contains("suspended");
        assertThat(api.get(otherToken, "/api/v1/users").status()).isEqualTo(200);
        assertThat(api.get("ori_0000000000", "/api/v1/users").status()).as("an unknown token stays 401")
                .isEqualTo(401);

        resume(suspended);

        assertThat(api.get(suspendedToken, "/api/v1/users").status()).isEqualTo(200);
    }

    @Test
    void aSuspendedTenantsStaffCannotSignInAndAreToldWhyInTheirLanguage() throws Exception {
        suspend(suspended);

        String location = signIn(suspended, PASSWORD).getRedirectedUrl();
        String wrongPassword = signIn(suspended, "not-the-password").getRedirectedUrl();

        assertThat(location).startsWith("/login?error=suspended");
        assertThat(wrongPassword).as("only the right password learns that the tenant is suspended")
                .startsWith("/login?error=bad");
        assertThat(page(location + "&lang=en")).contains("This workspace is suspended");
        assertThat(page(location + "&lang=zh-CN")).contains("此工作区已被平台运营方暂停");
        assertThat(signIn(other, PASSWORD).getRedirectedUrl()).isEqualTo("/workspace");

        resume(suspended);

        assertThat(signIn(suspended, PASSWORD).getRedirectedUrl()).isEqualTo("/workspace");
    }

    @Test
    void suspendingEndsTheTenantsOpenStaffSessions() throws Exception {
        MockHttpSession staff = (MockHttpSession) mvc.perform(post("/login").with(csrf()).param("tenant", suspended)
                .param("email", "boss@" + suspended + ".test").param("password", PASSWORD))
                .andExpect(redirectedUrl("/workspace")).andReturn().getRequest().getSession();
        MockHttpSession otherStaff = (MockHttpSession) mvc.perform(post("/login").with(csrf()).param("tenant", other)
                .param("email", "boss@" + other + ".test").param("password", PASSWORD))
                .andExpect(redirectedUrl("/workspace")).andReturn().getRequest().getSession();

        suspend(suspended);

        mvc.perform(get("/workspace").session(staff)).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(get("/workspace").session(otherStaff)).andExpect(status().isOk());
    }

    @Test
    void aSuspendedTenantsWidgetRefusesSessionsAndMessagesWithTheReason() throws Exception {
        String visitor = widgetSession(suspended).path("token").asString();
        String otherVisitor = widgetSession(other).path("token").asString();

        suspend(suspended);

        MockHttpServletResponse session = mvc.perform(post("/widget/api/" + suspended + "/session")
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn().getResponse();
        MockHttpServletResponse message = send(suspended, visitor, "Is anyone there?");
        assertThat(session.getStatus()).isEqualTo(403);
        assertThat(session.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(json.readTree(session.getContentAsString()).path("reason").asString())
                .isEqualTo("TENANT_SUSPENDED");
        assertThat(message.getStatus()).isEqualTo(403);
        assertThat(json.readTree(message.getContentAsString()).path("reason").asString())
                .isEqualTo("TENANT_SUSPENDED");
        assertThat(send(other, otherVisitor, "Hello").getStatus()).isEqualTo(201);

        MockHttpServletResponse pageEn = mvc.perform(get("/widget/" + suspended).param("lang", "en")).andReturn()
                .getResponse();
        MockHttpServletResponse pageZh = mvc.perform(get("/widget/" + suspended).param("lang", "zh-CN"))
                .andReturn().getResponse();
        assertThat(pageEn.getStatus()).isEqualTo(403);
        assertThat(pageEn.getContentAsString(StandardCharsets.UTF_8)).contains("This chat is not available");
        assertThat(pageZh.getContentAsString(StandardCharsets.UTF_8)).contains("此在线客服暂不可用");
        assertThat(mvc.perform(get("/widget/no-such-tenant")).andReturn().getResponse().getStatus())
                .as("an unknown widget stays 404").isEqualTo(404);

        resume(suspended);

        assertThat(send(suspended, visitor, "Is anyone there?").getStatus()).isEqualTo(201);
        mvc.perform(get("/widget/" + suspended)).andExpect(status().isOk());
    }

    private MockHttpServletResponse signIn(String tenant, String password) throws Exception {
        return mvc.perform(post("/login").with(csrf()).param("tenant", tenant)
                .param("email", "boss@" + tenant + ".test").param("password", password)).andReturn().getResponse();
    }

    private String page(String uri) throws Exception {
        return mvc.perform(get(uri)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private JsonNode widgetSession(String tenant) throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/widget/api/" + tenant + "/session")
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isOk()).andReturn()
                .getResponse();
        return json.readTree(response.getContentAsString());
    }

    private MockHttpServletResponse send(String tenant, String visitor, String text) throws Exception {
        return mvc.perform(post("/widget/api/" + tenant + "/messages").header("X-Visitor-Token", visitor)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"clientMessageId\": \"cm-" + UUID.randomUUID() + "\", \"text\": \"" + text + "\"}"))
                .andReturn().getResponse();
    }
}
