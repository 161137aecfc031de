package io.oriole.web.widget;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

import io.oriole.tenant.TenantId;
import io.oriole.tenant.TenantManagement;
import io.oriole.web.live.LiveSocketHandler;
import io.oriole.web.live.LiveUpdates;

/**
 * {@code /ws/widget?token=…}: a browser cannot set headers on a WebSocket handshake, so the visitor token rides in
 * the query. Any origin may connect because the token, not a cookie, is the credential. A suspended tenant's
 * visitors are refused like an invalid token. An anonymous visitor's socket is joined by visitor id, so it hears
 * their conversation even when it opened before their first message.
 */
@Configuration(proxyBeanMethods = false)
class WidgetSocketConfiguration implements WebSocketConfigurer {

    private static final byte[] REFUSED = ("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
            + "\"detail\":\"missing, expired or invalid visitor token\"}").getBytes(StandardCharsets.UTF_8);

    private final LiveSocketHandler handler;
    private final VisitorTokens tokens;
    private final TenantManagement tenants;

    WidgetSocketConfiguration(LiveSocketHandler handler, VisitorTokens tokens, TenantManagement tenants) {
        this.handler = handler;
        this.tokens = tokens;
        this.tenants = tenants;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, "/ws/widget").setAllowedOriginPatterns("*")
                .addInterceptors(new VisitorHandshake());
    }

    class VisitorHandshake implements HandshakeInterceptor {

        @Override
        public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response,
                WebSocketHandler wsHandler, Map<String, Object> attributes) {
            String token = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams().getFirst("token");
            return tokens.verify(token).filter(v -> tenants.isActive(new TenantId(v.tenantId()))).map(v -> {
                attributes.put(LiveUpdates.TENANT, v.tenantId());
                // An anonymous visitor's socket is theirs by visitor id, before and after their first message.
                if (v.visitorId() != null) {
                    attributes.put(LiveUpdates.VISITOR, v.visitorId());
                }
                else {
                    attributes.put(LiveUpdates.CUSTOMER, v.customerId());
                }
                return true;
            }).orElseGet(() -> {
                response.setStatusCode(HttpStatus.UNAUTHORIZED);
                response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
                try {
                    response.getBody().write(REFUSED);
                }
                catch (IOException gone) {
                    // The client left; the status is all it would have read.
                }
                return false;
            });
        }

        @Override
        public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response,
                WebSocketHandler wsHandler, Exception exception) {
        }
    }
}
