package io.oriole.web.widget;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import io.oriole.support.MutableClock;

/** The widget's rate limits, set low by {@link WidgetHardeningTest} so that a few requests reach them. */
@WidgetHardeningTest
class WidgetLimitsIntegrationTests {

    private static final String API = "/widget/api/demo";

    @Autowired
    MockMvc mvc;
    @Autowired
    MutableClock clock;

    /** An hour refills every bucket: each test starts with its full allowance. */
    @BeforeEach
    void refill() {
        clock.advance(Duration.ofHours(1));
    }

    @Test
    void aVisitorWhoWritesTooFastIsToldWhenToRetry() throws Exception {
        String token = session("198.51.100.1").andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        token = JsonPath.read(token, "$.token");
        for (int i = 0; i < WidgetHardeningTest.VISITOR_BURST; i++) {
            send(token, "198.51.100.1", "message " + i).andExpect(status().isCreated());
        }

        send(token, "198.51.100.1", "one too many").andExpect(status().isTooManyRequests())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("Retry-After", "60")).andExpect(jsonPath("$.limit").value("VISITOR"))
                .andExpect(jsonPath("$.status").value(429));

        clock.advance(Duration.ofSeconds(60));
        send(token, "198.51.100.1", "after the wait").andExpect(status().isCreated());
    }

    @Test
    void oneAddressOpeningSessionsInAFloodIsRefusedWhileOthersAreServed() throws Exception {
        for (int i = 0; i < WidgetHardeningTest.IP_BURST; i++) {
            session("198.51.100.2").andExpect(status().isOk());
        }

        session("198.51.100.2").andExpect(status().isTooManyRequests()).andExpect(jsonPath("$.limit").value("IP"))
                .andExpect(header().exists("Retry-After"));
        session("198.51.100.3").andExpect(status().isOk());
    }

    @Test
    void aTenantsWidgetTakesNoMoreThanItsLimitFromAllAddressesTogether() throws Exception {
        for (int i = 0; i < WidgetHardeningTest.TENANT_BURST; i++) {
            session("203.0.113." + i).andExpect(status().isOk());
        }

        session("203.0.113.200").andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.limit").value("TENANT"));
    }

    @Test
    void requestsRefusedForTheirAddressDoNotUseUpTheVisitorsAllowance() throws Exception {
        String token = JsonPath.read(session("198.51.100.4").andReturn().getResponse().getContentAsString(),
                "$.token");
        for (int i = 1; i < WidgetHardeningTest.IP_BURST; i++) {
            session("198.51.100.4").andExpect(status().isOk());
        }
        send(token, "198.51.100.4", "refused").andExpect(jsonPath("$.limit").value("IP"));

        for (int i = 0; i < WidgetHardeningTest.VISITOR_BURST; i++) {
            send(token, "198.51.100.5", "from another network " + i).andExpect(status().isCreated());
        }
    }

    private ResultActions session(String ip) throws Exception {
        return mvc.perform(post(API + "/session").contentType(MediaType.APPLICATION_JSON).content("{}")
                .with(r -> {
                    r.setRemoteAddr(ip);
                    return r;
                }));
    }

    private ResultActions send(String token, String ip, String text) throws Exception {
        return mvc.perform(post(API + "/messages").header(WidgetApi.TOKEN_HEADER, token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"clientMessageId\":\"" + UUID.randomUUID() + "\",\"text\":\"" + text + "\"}").with(r -> {
                    r.setRemoteAddr(ip);
                    return r;
                }));
    }
}
