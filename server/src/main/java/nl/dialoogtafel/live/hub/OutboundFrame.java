package nl.dialoogtafel.live.hub;

import io.vertx.core.Future;
import io.vertx.core.http.WebSocketBase;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import java.nio.charset.StandardCharsets;

/**
 * A text message encoded to UTF-8 once. Every socket gets a frame that wraps the same bytes
 * (no copy, no re-encoding), so fanning one event out to a full room costs one encoding.
 */
final class OutboundFrame {

  private final byte[] utf8;

  private OutboundFrame(byte[] utf8) {
    this.utf8 = utf8;
  }

  static OutboundFrame of(String json) {
    return new OutboundFrame(json.getBytes(StandardCharsets.UTF_8));
  }

  Future<Void> writeTo(WebSocketBase socket) {
    return socket.writeFrame(new WebSocketFrameImpl(WebSocketFrameType.TEXT, utf8, true));
  }
}
