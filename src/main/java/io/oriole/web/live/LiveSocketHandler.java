package io.oriole.web.live;

import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * One handler for staff and customer sockets: the handshake has already decided whose socket it is and written that
 * into the session attributes. Clients only listen; anything they send is ignored.
 */
@Component
public class LiveSocketHandler extends TextWebSocketHandler {

    private final LiveUpdates updates;

    LiveSocketHandler(LiveUpdates updates) {
        this.updates = updates;
    }

    /**
     * Joins the socket to its audience; {@link LiveUpdates#join} then says hello. A browser sees its socket open a
     * moment before this runs, and a push in that moment would be lost, so clients fetch what they missed on the
     * hello, which comes only once every later push is sure to reach them.
     */
    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        updates.join(session);
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        // Clients may send keep-alive pings; there is nothing to answer.
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        updates.leave(session);
    }
}
