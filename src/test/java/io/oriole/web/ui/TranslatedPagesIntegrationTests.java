package io.oriole.web.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

import io.oriole.conversation.ConversationManagement;
import io.oriole.conversation.InboxFilter;
import io.oriole.identity.UserManagement;
import io.oriole.tenant.TenantManagement;
import io.oriole.web.WebTestFixtures;

@SpringBootTest(properties = {
        "spring.datasource.url=" + WebTestFixtures.H2_MEM + "web-mvc" + WebTestFixtures.H2_OPTIONS,
        "oriole.data-dir=${java.io.tmpdir}/oriole-web-mvc-tests",
        // Exact message counts and seqs here; the demo bot's own flows are BotBrowserIntegrationTests'.
        "oriole.demo.bot-enabled=false" })
@AutoConfigureMockMvc
class TranslatedPagesIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TenantManagement tenants;
    @Autowired
    UserManagement users;
    @Autowired
    ConversationManagement conversations;

    /** Thymeleaf renders a missing key as ??key_locale??, and every page offers the language switch. */
    @ParameterizedTest
    @ValueSource(strings = { "en", "zh-CN" })
    void everyPageIsTranslatedAndOffersTheLanguageSwitch(String lang) throws Exception {
        Authentication admin = WebTestFixtures.staff(tenants, users, WebTestFixtures.ADMIN);
        long anyConversation = conversations.inbox(tenants.findBySlug(WebTestFixtures.DEMO).orElseThrow().tenantId(),
                InboxFilter.all(), 0, 1).get(0).id();
        List<String> staffPages = List.of("/workspace?view=all", "/workspace/conversations/" + anyConversation,
                "/console", "/account/tokens");

        for (String page : staffPages) {
            assertTranslated(mvc.perform(get(page).param("lang", lang).with(authentication(admin)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), page);
        }
        for (String page : List.of("/login", "/widget/demo")) {
            assertTranslated(mvc.perform(get(page).param("lang", lang)).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsString(), page);
        }
    }

    private static void assertTranslated(String html, String page) {
        assertThat(html).as(page).doesNotContain("??").contains("?lang=zh-CN").contains("?lang=en");
    }
}
