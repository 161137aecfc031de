package io.oriole.web.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

import io.oriole.identity.UserManagement;
import io.oriole.tenant.TenantManagement;
import io.oriole.web.WebTestFixtures;

@SpringBootTest(properties = {
        "spring.datasource.url=" + WebTestFixtures.H2_MEM + "web-mvc" + WebTestFixtures.H2_OPTIONS,
        "oriole.data-dir=${java.io.tmpdir}/oriole-web-mvc-tests",
        // Exact message counts and seqs here; the demo bot's own flows are BotBrowserIntegrationTests'.
        "oriole.demo.bot-enabled=false" })
@AutoConfigureMockMvc
class WidgetConsoleIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TenantManagement tenants;
    @Autowired
    UserManagement users;

    @Test
    void adminSeesTheWidgetSecretAndRotatesItInEitherLanguage() throws Exception {
        Authentication admin = WebTestFixtures.staff(tenants, users, WebTestFixtures.ADMIN);
        String before = tenants.findBySlug("demo").orElseThrow().widgetSecret();

        mvc.perform(get("/console/widget").param("lang", "en").with(authentication(admin)))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString(before)))
                .andExpect(content().string(Matchers.containsString("Rotate the secret")))
                .andExpect(content().string(Matchers.containsString("data-tenant=&quot;demo&quot;")));
        mvc.perform(get("/console/widget").param("lang", "zh-CN").with(authentication(admin)))
                .andExpect(content().string(Matchers.containsString("更换密钥")));
        mvc.perform(post("/console/widget/rotate").with(authentication(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection());

        String after = tenants.findBySlug("demo").orElseThrow().widgetSecret();
        assertThat(after).isNotEqualTo(before).hasSize(64);
        mvc.perform(get("/console/widget").param("lang", "en").with(authentication(admin)).flashAttr("rotated", true))
                .andExpect(content().string(Matchers.containsString(after)))
                .andExpect(content().string(Matchers.containsString("no longer work")));
    }

    @Test
    void supervisorsCannotSeeOrRotateTheWidgetSecret() throws Exception {
        Authentication supervisor = WebTestFixtures.staff(tenants, users, "chenjing@demo.oriole.dev");
        String before = tenants.findBySlug("demo").orElseThrow().widgetSecret();

        mvc.perform(get("/console/widget").with(authentication(supervisor))).andExpect(status().isForbidden());
        mvc.perform(post("/console/widget/rotate").with(authentication(supervisor)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/console").param("lang", "en").with(authentication(supervisor)))
                .andExpect(content().string(Matchers.not(Matchers.containsString("widget-console-link"))));
        assertThat(tenants.findBySlug("demo").orElseThrow().widgetSecret()).isEqualTo(before);
    }
}
