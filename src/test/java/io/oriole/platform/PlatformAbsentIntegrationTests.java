package io.oriole.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import io.oriole.tenant.TenantManagement;
import io.oriole.web.WebTestFixtures;

/**
 * Without {@code oriole.platform.operator-token} there is no operator door at all: the API and the console answer
 * 404 whatever is presented. The same application as the widget and console tests, which set no operator token.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=" + WebTestFixtures.H2_MEM + "web-mvc" + WebTestFixtures.H2_OPTIONS,
        "oriole.data-dir=${java.io.tmpdir}/oriole-web-mvc-tests",
        "oriole.demo.bot-enabled=false" })
@AutoConfigureMockMvc
class PlatformAbsentIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TenantManagement tenants;

    @Test
    void withoutAnOperatorTokenThePlatformApiIsNotThere() throws Exception {
        mvc.perform(get("/platform/v1/tenants")).andExpect(status().isNotFound());
        mvc.perform(get("/platform/v1/tenants").header("Authorization", "Bearer anything-at-all-that-is-long"))
                .andExpect(status().isNotFound());
        String body = mvc.perform(post("/platform/v1/tenants").header("Authorization", "Bearer null")
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"slug": "ghost", "name": "Ghost", "adminEmail": "a@ghost.test",
                         "adminPassword": "long-enough-password"}""")).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();

        assertThat(body).contains("\"status\":404");
        assertThat(tenants.findBySlug("ghost")).isEmpty();
    }

    @Test
    void withoutAnOperatorTokenTheConsoleIsNotThere() throws Exception {
        mvc.perform(get("/platform")).andExpect(status().isNotFound());
        mvc.perform(get("/platform/console")).andExpect(status().isNotFound());
        mvc.perform(get("/platform/console/sign-in")).andExpect(status().isNotFound());
        mvc.perform(post("/platform/console/sign-in").with(csrf()).param("token", ""))
                .andExpect(status().isNotFound());
    }
}
