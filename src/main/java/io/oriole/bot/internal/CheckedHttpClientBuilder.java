package io.oriole.bot.internal;

import java.time.Duration;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import io.oriole.shared.outbound.OutboundHttp;
import io.oriole.shared.outbound.OutboundRefused;

/**
 * LangChain4j's HTTP client for a tenant's generative endpoint, made from {@link OutboundHttp}: the JDK client that
 * never follows redirects, and every request's URL checked right before it is sent, because the endpoint's name may
 * resolve elsewhere than when the admin saved it. A refused request throws {@link OutboundRefused} without
 * connecting; the bot then sends the plain answer.
 */
final class CheckedHttpClientBuilder implements HttpClientBuilder {

    private final OutboundHttp outbound;
    private final JdkHttpClientBuilder jdk;

    CheckedHttpClientBuilder(OutboundHttp outbound) {
        this.outbound = outbound;
        this.jdk = new JdkHttpClientBuilder().httpClientBuilder(outbound.clientBuilder());
    }

    @Override
    public Duration connectTimeout() {
        return jdk.connectTimeout();
    }

    @Override
    public CheckedHttpClientBuilder connectTimeout(Duration timeout) {
        jdk.connectTimeout(timeout);
        return this;
    }

    @Override
    public Duration readTimeout() {
        return jdk.readTimeout();
    }

    @Override
    public CheckedHttpClientBuilder readTimeout(Duration timeout) {
        jdk.readTimeout(timeout);
        return this;
    }

    @Override
    public HttpClient build() {
        HttpClient client = jdk.build();
        return new HttpClient() {

            @Override
            public SuccessfulHttpResponse execute(HttpRequest request) {
                check(request);
                return client.execute(request);
            }

            @Override
            public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
                check(request);
                client.execute(request, parser, listener);
            }
        };
    }

    private void check(HttpRequest request) {
        outbound.addresses().checkConnection(request.url(), "baseUrl");
    }
}
