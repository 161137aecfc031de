package io.oriole.web.widget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import io.oriole.web.WebTestFixtures;

/** The demo tenant's widget: a customer whose conversation waits sees their place in line and a wait estimate. */
@SpringBootTest(properties = {
        "spring.datasource.url=" + WebTestFixtures.H2_MEM + "web-mvc" + WebTestFixtures.H2_OPTIONS,
        "oriole.data-dir=${java.io.tmpdir}/oriole-web-mvc-tests" })
@AutoConfigureMockMvc
class WidgetWaitIntegrationTests {

    private static final String API = "/widget/api/demo";

    @Autowired
    MockMvc mvc;

    @Test
    void waitingCustomerSeesTheirPositionAndAnEstimatedWait() throws Exception {
        String session = mvc.perform(post(API + "/session").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andReturn().getResponse().getContentAsString();
        String token = JsonPath.read(session, "$.token");
        String none = mvc.perform(get(API + "/wait").header(WidgetApi.TOKEN_HEADER, token)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat((Boolean) JsonPath.read(none, "$.waiting")).isFalse();

        mvc.perform(post(API + "/messages").header(WidgetApi.TOKEN_HEADER, token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"clientMessageId\":\"cmid-" + UUID.randomUUID()
                        + "\",\"text\":\"我想咨询一下企业版的价格，转人工\"}")).andExpect(status().isCreated());

        // The demo bot answers first; asked for a person it hands off, and routing queues the conversation on its
        // listener's thread. No demo agent is online, so it waits. (Without the request for a person the bot may
        // answer the pricing question itself, and nothing would wait.)
        await().until(() -> JsonPath.<Boolean>read(wait(token), "$.waiting"));
        String view = wait(token);
        assertThat((Integer) JsonPath.read(view, "$.position")).isGreaterThanOrEqualTo(1);
        assertThat(((Number) JsonPath.read(view, "$.estimatedWaitMinutes")).longValue()).isGreaterThanOrEqualTo(6);
    }

    private String wait(String token) throws Exception {
        return mvc.perform(get(API + "/wait").header(WidgetApi.TOKEN_HEADER, token)).andReturn().getResponse()
                .getContentAsString();
    }
}
