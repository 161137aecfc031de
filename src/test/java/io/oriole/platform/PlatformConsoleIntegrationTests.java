package io.oriole.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import io.oriole.tenant.TenantManagement;
import io.oriole.web.api.ApiClient;
import io.oriole.web.api.ApiIntegrationTest;

/**
 * The operator console's door: the token typed into a form (never a URL), a session of its own with CSRF, no
 * page without it; and what the operator does there, in the operator's language.
 */
@ApiIntegrationTest
class PlatformConsoleIntegrationTests {

    static final String CONSOLE = "/platform/console";
    static final String SIGN_IN = "/platform/console/sign-in";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApiClient api;
    @Autowired
    TenantManagement tenants;

    MockHttpSession operator() throws Exception {
        return (MockHttpSession) mvc.perform(post(SIGN_IN).with(csrf()).param("token", ApiIntegrationTest.OPERATOR_TOKEN))
                .andExpect(redirectedUrl(CONSOLE)).andReturn().getRequest().getSession();
    }

    String page(MockHttpSession session, String lang) throws Exception {
        return mvc.perform(get(CONSOLE).session(session).param("lang", lang)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutSigningInThereIsNoConsoleOnlyTheSignInForm() throws Exception {
        mvc.perform(get(CONSOLE)).andExpect(redirectedUrl(SIGN_IN));
        mvc.perform(post(CONSOLE + "/tenants").with(csrf()).param("slug", "sneaky").param("name", "Sneaky")
                .param("adminEmail", "a@b.test").param("adminPassword", "long-enough-password"))
                .andExpect(redirectedUrl(SIGN_IN));
        String form = mvc.perform(get(SIGN_IN).param("lang", "en")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(form).contains("Operator token").contains("type=\"password\"").contains("method=\"post\"");
        assertThat(tenants.findBySlug("sneaky")).isEmpty();
    }

    @Test
    void aWrongTokenOrATokenInTheUrlDoesNotSignIn() throws Exception {
        MockHttpSession wrong = (MockHttpSession) mvc.perform(post(SIGN_IN).with(csrf()).param("token", "guess"))
                .andExpect(redirectedUrl(SIGN_IN + "?error=token")).andReturn().getRequest().getSession();
        MockHttpSession inUrl = (MockHttpSession) mvc.perform(get(SIGN_IN)
                .param("token", ApiIntegrationTest.OPERATOR_TOKEN)).andExpect(status().isOk()).andReturn()
                .getRequest().getSession();

        mvc.perform(get(CONSOLE).session(wrong)).andExpect(redirectedUrl(SIGN_IN));
        mvc.perform(get(CONSOLE).session(inUrl)).andExpect(redirectedUrl(SIGN_IN));
        assertThat(mvc.perform(get(SIGN_IN + "?error=token").param("lang", "zh-CN")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("运营令牌不正确");
    }

    @Test
    void signingInAndEveryChangeNeedTheCsrfToken() throws Exception {
        mvc.perform(post(SIGN_IN).param("token", ApiIntegrationTest.OPERATOR_TOKEN))
                .andExpect(status().isForbidden());
        MockHttpSession session = operator();

        mvc.perform(post(CONSOLE + "/tenants").session(session).param("slug", "no-csrf").param("name", "No CSRF")
                .param("adminEmail", "a@b.test").param("adminPassword", "long-enough-password"))
                .andExpect(status().isForbidden());

        assertThat(tenants.findBySlug("no-csrf")).isEmpty();
    }

    @Test
    void theOperatorsSessionIsNotAStaffSessionNorTheOtherWayRound() throws Exception {
        String slug = PlatformApiIntegrationTests.newSlug();
        api.post(ApiIntegrationTest.OPERATOR_TOKEN, "/platform/v1/tenants", PlatformApiIntegrationTests.request(
                slug, "Acme", "boss@" + slug + ".test", PlatformApiIntegrationTests.PASSWORD));
        MockHttpSession staff = (MockHttpSession) mvc.perform(post("/login").with(csrf()).param("tenant", slug)
                .param("email", "boss@" + slug + ".test").param("password", PlatformApiIntegrationTests.PASSWORD))
                .andExpect(redirectedUrl("/workspace")).andReturn().getRequest().getSession();
        MockHttpSession operator = operator();

        mvc.perform(get(CONSOLE).session(staff)).andExpect(redirectedUrl(SIGN_IN));
        mvc.perform(get("/workspace").session(operator).accept(MediaType.TEXT_HTML))
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get(CONSOLE).header("Authorization", "Bearer " + ApiIntegrationTest.OPERATOR_TOKEN))
                .andExpect(redirectedUrl(SIGN_IN));

        mvc.perform(post(CONSOLE + "/sign-out").session(operator).with(csrf()))
                .andExpect(redirectedUrl(SIGN_IN + "?signedOut=true"));
        mvc.perform(get(CONSOLE).session(operator)).andExpect(redirectedUrl(SIGN_IN));
    }

    @Test
    void theOperatorCreatesSuspendsResumesAndDeletesATenantOnThePage() throws Exception {
        MockHttpSession session = operator();
        String slug = PlatformApiIntegrationTests.newSlug();

        mvc.perform(post(CONSOLE + "/tenants").session(session).with(csrf()).param("slug", slug)
                .param("name", "Console Co.").param("adminEmail", "boss@" + slug + ".test")
                .param("adminPassword", PlatformApiIntegrationTests.PASSWORD).param("locale", "zh-CN")
                .param("timeZone", "Asia/Shanghai")).andExpect(redirectedUrl(CONSOLE));
        String once = page(session, "en");
        String token = once.replaceAll("(?s).*id=\"admin-token\">(ori_[0-9a-f]+)<.*", "$1");

        assertThat(token).startsWith("ori_");
        assertThat(api.get(token, "/api/v1/users").status()).isEqualTo(200);
        assertThat(page(session, "en")).as("shown once").doesNotContain(token).contains(slug);

        mvc.perform(post(CONSOLE + "/tenants/" + slug + "/suspend").session(session).with(csrf()))
                .andExpect(redirectedUrl(CONSOLE));
        assertThat(tenants.findBySlug(slug).orElseThrow().active()).isFalse();
        assertThat(page(session, "zh-CN")).contains("已暂停");

        mvc.perform(post(CONSOLE + "/tenants/" + slug + "/delete").session(session).with(csrf())
                .param("confirm", "not-" + slug)).andExpect(redirectedUrl(CONSOLE));
        assertThat(tenants.findBySlug(slug)).as("a wrong confirmation deletes nothing").isPresent();

        mvc.perform(post(CONSOLE + "/tenants/" + slug + "/resume").session(session).with(csrf()))
                .andExpect(redirectedUrl(CONSOLE));
        assertThat(tenants.findBySlug(slug).orElseThrow().active()).isTrue();
        mvc.perform(post(CONSOLE + "/tenants/" + slug + "/delete").session(session).with(csrf())
                .param("confirm", slug)).andExpect(redirectedUrl(CONSOLE));
        assertThat(tenants.findBySlug(slug)).as("an active tenant is not deleted").isPresent();

        mvc.perform(post(CONSOLE + "/tenants/" + slug + "/suspend").session(session).with(csrf()));
        mvc.perform(post(CONSOLE + "/tenants/" + slug + "/delete").session(session).with(csrf())
                .param("confirm", slug)).andExpect(redirectedUrl(CONSOLE));
        assertThat(tenants.findBySlug(slug)).isEmpty();
    }

    @Test
    void aRefusedTenantIsExplainedInTheOperatorsLanguageAndTheFormKeepsWhatWasTyped() throws Exception {
        MockHttpSession session = operator();

        mvc.perform(post(CONSOLE + "/tenants").session(session).with(csrf())
                .param("slug", "Bad Slug").param("name", "Kept Name").param("adminEmail", "boss@kept.test")
                .param("adminPassword", PlatformApiIntegrationTests.PASSWORD)).andExpect(redirectedUrl(CONSOLE));
        String zh = page(session, "zh-CN");

        assertThat(zh).contains("标识须为 2 到 63 个小写字母").contains("value=\"Kept Name\"")
                .doesNotContain(PlatformApiIntegrationTests.PASSWORD);
        assertThat(tenants.findBySlug("Bad Slug")).isEmpty();
    }
}
