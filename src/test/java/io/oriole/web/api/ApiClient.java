package io.oriole.web.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.nio.charset.StandardCharsets;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/** Calls the API through MockMvc as a bearer-token client would and hands back the status and parsed JSON. */
@TestComponent
public class ApiClient {

    private final MockMvc mvc;
    private final JsonMapper json;

    ApiClient(MockMvc mvc, JsonMapper json) {
        this.mvc = mvc;
        this.json = json;
    }

    /** What came back; {@code body} is a missing node when the response had none. */
    public record Reply(int status, String contentType, JsonNode body) {

        public String detail() {
            return body.path("detail").asString();
        }

        public String errorField(int index) {
            return body.path("errors").path(index).path("field").asString();
        }
    }

    public Reply get(String token, String uri) {
        return send(token, request(HttpMethod.GET, uri));
    }

    public Reply post(String token, String uri, String body) {
        return send(token, request(HttpMethod.POST, uri).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    public Reply put(String token, String uri, String body) {
        return send(token, request(HttpMethod.PUT, uri).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    public Reply delete(String token, String uri) {
        return send(token, request(HttpMethod.DELETE, uri));
    }

    public Reply send(String token, MockHttpServletRequestBuilder request) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
            String text = response.getContentAsString(StandardCharsets.UTF_8);
            return new Reply(response.getStatus(), response.getContentType(),
                    text.isEmpty() ? MissingNode.getInstance() : json.readTree(text));
        }
        catch (Exception e) {
            throw new IllegalStateException("request failed: " + e.getMessage(), e);
        }
    }
}
