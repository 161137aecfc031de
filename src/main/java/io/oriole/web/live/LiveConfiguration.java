package io.oriole.web.live;

import java.util.Map;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.HandshakeInterceptor;

import io.oriole.agent.AgentManagement;
import io.oriole.identity.StaffPrincipal;

/**
 * {@code /ws/agent}: the staff session (checked by the staff security chain before the handshake) joins its tenant's
 * channel, as the agent it is (if it has an agent profile) and as a supervisor or not, which decides which
 * conversations' pushes it hears. Same-origin only, so another site cannot open it with the staff member's cookie.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class LiveConfiguration implements WebSocketConfigurer {

    private final LiveSocketHandler handler;
    private final AgentManagement agents;

    LiveConfiguration(LiveSocketHandler handler, AgentManagement agents) {
        this.handler = handler;
        this.agents = agents;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, "/ws/agent").addInterceptors(new StaffHandshake(agents));
    }

    static class StaffHandshake implements HandshakeInterceptor {

        private final AgentManagement agents;

        StaffHandshake(AgentManagement agents) {
            this.agents = agents;
        }

        @Override
        public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response,
                WebSocketHandler wsHandler, Map<String, Object> attributes) {
            if (request.getPrincipal() instanceof org.springframework.security.core.Authentication auth
                    && auth.getPrincipal() instanceof StaffPrincipal me) {
                attributes.put(LiveUpdates.TENANT, me.tenantIdValue());
                attributes.put(LiveUpdates.SUPERVISOR, me.isAtLeastSupervisor());
                agents.findByUser(me.tenantId(), me.userId())
                        .ifPresent(agent -> attributes.put(LiveUpdates.AGENT, agent.id()));
                return true;
            }
            response.setStatusCode(org.springframework.http.HttpStatus.UNAUTHORIZED);
            return false;
        }

        @Override
        public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response,
                WebSocketHandler wsHandler, Exception exception) {
        }
    }
}
