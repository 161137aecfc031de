package io.oriole.shared.outbound;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The one way the server makes HTTP calls to URLs a tenant chose: clients that never follow a redirect (a 3xx
 * comes back to the caller as it is, so a public host cannot bounce the call to an internal one) and use no proxy,
 * and a check of the URL by {@link OutboundAddresses} right before every request.
 *
 * <p>The check resolves the host through the JVM's resolver, whose address cache ({@code networkaddress.cache.ttl},
 * 30 s by default) the JDK client then connects through, so a name that answers a public address to the check and
 * an internal one a moment later (DNS rebinding) still reaches the address that was checked. Leave that cache on: a
 * TTL of 0 would let the two lookups differ.
 */
@Component
public class OutboundHttp {

    private final OutboundAddresses addresses;

    @Autowired
    OutboundHttp(OutboundProperties properties) {
        this(new OutboundAddresses(properties.allowedHosts(), OutboundAddresses.system()));
    }

    public OutboundHttp(OutboundAddresses addresses) {
        this.addresses = addresses;
    }

    /** The policy, for checking a URL when it is saved ({@link OutboundAddresses#checkSetting}). */
    public OutboundAddresses addresses() {
        return addresses;
    }

    /**
     * A builder for a JDK client that never follows redirects and connects directly. Whoever sends through it
     * checks each URL first: {@link #send}, or {@link OutboundAddresses#checkConnection} for a client that wraps it.
     */
    public HttpClient.Builder clientBuilder() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).proxy(HttpClient.Builder.NO_PROXY);
    }

    /**
     * Sends {@code request} on {@code client} (built from {@link #clientBuilder()}) once its URL has passed the check.
     *
     * @param field the input that holds the URL, named in the refusal
     * @throws OutboundRefused when the URL now leads somewhere forbidden; nothing is sent
     */
    public <T> HttpResponse<T> send(HttpClient client, HttpRequest request, HttpResponse.BodyHandler<T> body,
            String field) throws IOException, InterruptedException {
        URI uri = request.uri();
        addresses.checkConnection(uri.toString(), field);
        return client.send(request, body);
    }
}
