package nl.dialoogtafel.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Behind a proxy named in DIALOOG_TRUSTED_PROXIES (here the test itself, on 127.0.0.1) the
 * per-address WebSocket cap counts the address the proxy forwards, not the proxy's own.
 */
@Timeout(60)
@WithServer(perTest = true, env = {"DIALOOG_TRUSTED_PROXIES=127.0.0.1", "DIALOOG_WS_PER_ADDRESS=2"})
class TrustedProxiesTest {

  private TestServer server;
  private Vertx vertx;
  private final List<WebSocketClient> clients = new ArrayList<>();

  @AfterEach
  void close() {
    clients.forEach(WebSocketClient::close);
  }

  @Test
  @DisplayName("two sockets for one forwarded address, the third refused (429); another forwarded address gets in")
  void forwardedAddressCounts() throws Exception {
    assertEquals(101, open(server.port(), "10.1.1.1"));
    assertEquals(101, open(server.port(), "10.1.1.1"));
    assertEquals(429, open(server.port(), "10.1.1.1"));
    assertEquals(101, open(server.port(), "10.1.1.2"));
    // Only the last address counts (the one the proxy saw): a client cannot hide behind a made-up first one.
    assertEquals(429, open(server.port(), "192.0.2.7, 10.1.1.1"));
  }

  /** The upgrade's status: 101 when the WebSocket opened. */
  static int open(int port, List<WebSocketClient> clients, Vertx vertx, String forwardedFor) throws Exception {
    WebSocketClient client = vertx.createWebSocketClient();
    clients.add(client);
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws")
        .setAllowOriginHeader(false).addHeader("X-Forwarded-For", forwardedFor);
    try {
      WebSocket socket = client.connect(options).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
      return socket.isClosed() ? -1 : 101;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UpgradeRejectedException rejected) {
        return rejected.getStatus();
      }
      throw e;
    }
  }

  private int open(int port, String forwardedFor) throws Exception {
    return open(port, clients, vertx, forwardedFor);
  }
}
