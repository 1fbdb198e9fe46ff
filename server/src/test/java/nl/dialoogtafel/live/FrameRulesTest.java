package nl.dialoogtafel.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import nl.dialoogtafel.support.LiveClient;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The transport's own rules (RFC 6455): UTF-8 in text messages, and the size of a message sent in fragments. */
@Timeout(60)
@WithServer(admin = false)
class FrameRulesTest {

  private static TestServer server;
  private static Vertx vertx;

  @Test
  @DisplayName("A text frame that is not UTF-8 closes the connection with 1007, even when it would parse as JSON")
  void invalidUtf8Closes1007() throws Exception {
    byte[] ping = "{\"type\":\"ping\",\"ref\":\"?\"}".getBytes(StandardCharsets.US_ASCII);
    ping[ping.length - 3] = (byte) 0xFF; // the ref's one character: a byte no UTF-8 text holds
    try (LiveClient client = LiveClient.connect(vertx, server.port())) {
      client.sendFrame(text(ping, true));
      awaitClosed(client);
      assertEquals((short) 1007, client.closeStatus(), "frames: " + client.frames());
    }
    byte[] overlong = {'{', '"', 't', 'y', 'p', 'e', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
    try (LiveClient client = LiveClient.connect(vertx, server.port())) {
      client.sendFrame(text(overlong, true));
      awaitClosed(client);
      assertEquals((short) 1007, client.closeStatus(), "an overlong '/' is not UTF-8 either");
    }
  }

  @Test
  @DisplayName("A message in fragments: a character split over two fragments is fine; over 64 KiB in all closes with 1009")
  void fragments() throws Exception {
    try (LiveClient client = LiveClient.connect(vertx, server.port())) {
      byte[] whole = "{\"type\":\"ping\",\"ref\":\"één\"}".getBytes(StandardCharsets.UTF_8);
      int split = "{\"type\":\"ping\",\"ref\":\"".length() + 1; // inside the two bytes of the first 'é'
      client.sendFrame(text(Arrays.copyOfRange(whole, 0, split), false));
      client.sendFrame(WebSocketFrame.continuationFrame(Buffer.buffer(Arrays.copyOfRange(whole, split, whole.length)), true));
      JsonObject pong = client.nextOfType("pong");
      assertEquals("één", pong.getString("ref"));

      // Five fragments of 15 KiB: each frame is small, the message is not.
      String chunk = "x".repeat(15 * 1024);
      client.sendFrame(WebSocketFrame.textFrame("{\"type\":\"post\",\"text\":\"" + chunk, false));
      for (int i = 0; i < 4; i++) {
        client.sendFrame(WebSocketFrame.continuationFrame(Buffer.buffer(chunk), i == 3));
      }
      awaitClosed(client);
      assertEquals((short) 1009, client.closeStatus());
    }
  }

  @Test
  @DisplayName("A message in fragments under 64 KiB but over 16 KiB gets too_large and the connection stays usable")
  void fragmentedTooLargeIsRefusedNotClosed() throws Exception {
    try (LiveClient client = LiveClient.connect(vertx, server.port())) {
      String chunk = "y".repeat(10 * 1024);
      client.sendFrame(WebSocketFrame.textFrame("{\"type\":\"post\",\"ref\":\"big\",\"text\":\"" + chunk, false));
      client.sendFrame(WebSocketFrame.continuationFrame(Buffer.buffer(chunk + "\"}"), true));
      assertEquals("too_large", client.reply("big").getString("code"));
      String ref = client.request(new JsonObject().put("type", "ping"));
      assertEquals("pong", client.reply(ref).getString("type"));
    }
  }

  private static WebSocketFrame text(byte[] bytes, boolean last) {
    return new WebSocketFrameImpl(WebSocketFrameType.TEXT, bytes, last);
  }

  private static void awaitClosed(LiveClient client) {
    Awaitility.await("the server closes the connection").atMost(Duration.ofSeconds(10)).until(client::isClosed);
  }
}
