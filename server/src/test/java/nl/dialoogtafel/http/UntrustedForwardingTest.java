package nl.dialoogtafel.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import java.util.ArrayList;
import java.util.List;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Without DIALOOG_TRUSTED_PROXIES (the default) nobody's X-Forwarded-For is believed. */
@Timeout(60)
@WithServer(perTest = true, env = "DIALOOG_WS_PER_ADDRESS=2")
class UntrustedForwardingTest {

  private TestServer server;
  private Vertx vertx;
  private final List<WebSocketClient> clients = new ArrayList<>();

  @AfterEach
  void close() {
    clients.forEach(WebSocketClient::close);
  }

  @Test
  @DisplayName("made-up forwarded addresses do not lift the per-address cap: the third socket is refused (429)")
  void forwardingIgnored() throws Exception {
    assertEquals(101, TrustedProxiesTest.open(server.port(), clients, vertx, "10.2.2.1"));
    assertEquals(101, TrustedProxiesTest.open(server.port(), clients, vertx, "10.2.2.2"));
    assertEquals(429, TrustedProxiesTest.open(server.port(), clients, vertx, "10.2.2.3"));
  }
}
