package io.oriole;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import io.oriole.support.Fixtures;
import io.oriole.support.RequiresPostgres;
import io.oriole.tenant.Tenant;
import io.oriole.tenant.TenantManagement;

/** On PostgreSQL, which cannot store a NUL in text, an anonymous visitor's NUL is a 400 naming the field, not a 500. */
@RequiresPostgres
@SpringBootTest(properties = { "oriole.demo.enabled=false", "oriole.data-dir=target/test-data" })
@AutoConfigureMockMvc
class WidgetTextPostgresIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TenantManagement tenants;

    @Test
    void aNulInAWidgetMessageOrNameIsRefusedRatherThanFailingInPostgres() throws Exception {
        Tenant tenant = Fixtures.tenant(tenants);
        String api = "/widget/api/" + tenant.slug();
        String token = JsonPath.read(mvc.perform(post(api + "/session").contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$.token");

        mvc.perform(post(api + "/messages").header("X-Visitor-Token", token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"clientMessageId\":\"cmid-pg-nul-1\",\"text\":\"where\\u0000is it\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("text"));
        mvc.perform(post(api + "/session").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Ma\\u0000ry\"}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("name"));
        mvc.perform(post(api + "/messages").header("X-Visitor-Token", token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"clientMessageId\":\"cmid-pg-ok-1\",\"text\":\"where is it\"}"))
                .andExpect(status().isCreated());
    }
}
