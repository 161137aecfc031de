package io.oriole.web.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.oriole.bot.BotManagement;
import io.oriole.bot.GenerativeSettings;
import io.oriole.identity.UserManagement;
import io.oriole.tenant.TenantId;
import io.oriole.tenant.TenantManagement;
import io.oriole.web.WebTestFixtures;

/**
 * The generative-answer section of the knowledge console on the demo tenant: the admin saves it, the page says
 * whether a key is set but never shows it, in English and Chinese. Saved switched off, so the demo bot is unchanged.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=" + WebTestFixtures.H2_MEM + "web-mvc" + WebTestFixtures.H2_OPTIONS,
        "oriole.data-dir=${java.io.tmpdir}/oriole-web-mvc-tests",
        // Exact message counts and seqs here; the demo bot's own flows are BotBrowserIntegrationTests'.
        "oriole.demo.bot-enabled=false" })
@AutoConfigureMockMvc
class BotGenerativeConsoleIntegrationTests {

    static final String KEY = "sk-console-4b8e2d";

    @Autowired
    MockMvc mvc;
    @Autowired
    TenantManagement tenants;
    @Autowired
    UserManagement users;
    @Autowired
    BotManagement bot;

    @Test
    void adminSavesTheEndpointAndThePageSaysTheKeyIsSetWithoutShowingIt() throws Exception {
        mvc.perform(save("https://llm.example.com/v1", KEY, "12")).andExpect(status().is3xxRedirection());

        String en = page("en");
        assertThat(en).contains("Generative answers").contains("id=\"bot-generative\"")
                .contains("value=\"https://llm.example.com/v1\"").contains("Key: set").doesNotContain(KEY);
        assertThat(page("zh-CN")).contains("生成式回答").contains("密钥：已设置").doesNotContain(KEY);
        GenerativeSettings stored = bot.generativeSettings(demo());
        assertThat(stored.apiKeySet()).isTrue();
        assertThat(stored.timeoutSeconds()).isEqualTo(12);
        assertThat(stored.enabled()).isFalse();

        mvc.perform(save("https://llm.example.com/v1", "", "12")).andExpect(status().is3xxRedirection());
        assertThat(bot.generativeSettings(demo()).apiKeySet()).as("an empty key field keeps the key").isTrue();
    }

    @Test
    void aBadUrlIsRefusedAndTheStoredSettingsStay() throws Exception {
        mvc.perform(save("https://llm.example.com/v1", KEY, "10")).andExpect(status().is3xxRedirection());

        mvc.perform(save("file:///etc/passwd", "", "10")).andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(String.valueOf(result.getFlashMap().get("error")))
                        .contains("baseUrl"));

        assertThat(bot.generativeSettings(demo()).baseUrl()).isEqualTo("https://llm.example.com/v1");
    }

    @Test
    void anEndpointInsideThePlatformsNetworksIsRefusedInTheReadersLanguage() throws Exception {
        mvc.perform(save("https://llm.example.com/v1", KEY, "10")).andExpect(status().is3xxRedirection());

        mvc.perform(save("http://169.254.169.254/latest", "", "10").param("lang", "en"))
                .andExpect(result -> assertThat(String.valueOf(result.getFlashMap().get("error")))
                        .isEqualTo("baseUrl: points to a cloud metadata service, which is never called"));
        mvc.perform(save("http://localhost:6379", "", "10").param("lang", "zh-CN"))
                .andExpect(result -> assertThat(String.valueOf(result.getFlashMap().get("error")))
                        .isEqualTo("baseUrl: 指向本服务器自身（回环地址）；只能调用公网地址"));

        assertThat(bot.generativeSettings(demo()).baseUrl()).isEqualTo("https://llm.example.com/v1");
    }

    @Test
    void supervisorsCannotChangeTheEndpoint() throws Exception {
        String before = bot.generativeSettings(demo()).baseUrl();

        mvc.perform(post("/console/knowledge/bot/generative").with(authentication(staff("chenjing@demo.oriole.dev")))
                .with(csrf()).param("baseUrl", "https://evil.example.com/v1").param("model", "m")
                .param("timeoutSeconds", "10").param("maxCitations", "3")).andExpect(status().isForbidden());

        assertThat(bot.generativeSettings(demo()).baseUrl()).isEqualTo(before);
    }

    MockHttpServletRequestBuilder save(String baseUrl, String apiKey, String timeout) {
        return post("/console/knowledge/bot/generative").with(authentication(staff(WebTestFixtures.ADMIN)))
                .with(csrf()).param("baseUrl", baseUrl).param("model", "small-chat").param("apiKey", apiKey)
                .param("timeoutSeconds", timeout).param("maxCitations", "3");
    }

    String page(String lang) throws Exception {
        return mvc.perform(get("/console/knowledge").param("lang", lang)
                .with(authentication(staff(WebTestFixtures.ADMIN)))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    Authentication staff(String email) {
        return WebTestFixtures.staff(tenants, users, email);
    }

    TenantId demo() {
        return tenants.findBySlug("demo").orElseThrow().tenantId();
    }
}
