package io.oriole.web.widget;

import java.util.Map;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
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
 * visitors are refused like an invalid token.
 */
@Configuration(proxyBeanMethods = false)
class WidgetSocketConfiguration implements WebSocketConfigurer {

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
                attributes.put(LiveUpdates.CUSTOMER, v.customerId());
                return true;
            }).orElseGet(() -> {
                response.setStatusCode(HttpStatus.UNAUTHORIZED);
                return false;
            });
        }

        @Override
        public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response,
                WebSocketHandler wsHandler, Exception exception) {
        }
    }
}
