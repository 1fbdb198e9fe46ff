package nl.dialoogtafel.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Flush batching reaches into Vert.x internals (the connection's Netty pipeline); this holds that
 * the started server really puts it on its connections, so an upgrade cannot drop it unnoticed.
 */
@Timeout(60)
@WithServer(admin = false)
class FlushBatchingTest {

  private static TestServer server;
  private static Vertx vertx;

  private static void assertBatching(ChannelPipeline pipeline) {
    assertInstanceOf(FlushConsolidationHandler.class, pipeline.get(FlushBatching.HANDLER), pipeline.names().toString());
    assertEquals(FlushBatching.HANDLER, pipeline.names().get(0), "first, so every flush passes through it");
  }

  @Test
  @DisplayName("A phone's WebSocket, once upgraded and answering, has flush batching in its server-side pipeline")
  void webSocketConnectionBatchesFlushes() throws Exception {
    // Held until the end: Vert.x shuts a client down once the garbage collector finds it unreachable
    // (a Cleaner), and with it a handshake in flight ("Connection closed") or the open socket.
    WebSocketClient client = vertx.createWebSocketClient();
    try {
      WebSocket socket = client.connect(new WebSocketConnectOptions().setHost("127.0.0.1")
          .setPort(server.port()).setURI("/ws")).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
      CompletableFuture<JsonObject> reply = new CompletableFuture<>();
      socket.textMessageHandler(text -> reply.complete(new JsonObject(text)));
      socket.writeTextMessage("{\"type\":\"nonsense\",\"ref\":\"r1\"}");
      // A reply has passed through the upgraded pipeline, so the upgrade is over when we look.
      assertEquals("error", reply.get(20, TimeUnit.SECONDS).getString("type"));
      InetSocketAddress peer = new InetSocketAddress(socket.localAddress().host(), socket.localAddress().port());
      assertBatching(FlushBatching.pipelineOf(peer).orElseThrow(() -> new AssertionError("no batching for " + peer)));
      socket.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    } finally {
      client.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }
  }

  @Test
  @DisplayName("A plain HTTP connection kept alive has it too, and leaves the lookup when it closes")
  void httpConnectionBatchesFlushes() throws Exception {
    InetSocketAddress peer;
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] head = new byte[12];
      assertEquals(12, in.readNBytes(head, 0, 12));
      assertTrue(new String(head, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200"));
      peer = (InetSocketAddress) socket.getLocalSocketAddress();
      assertBatching(FlushBatching.pipelineOf(peer).orElseThrow(() -> new AssertionError("no batching for " + peer)));
    }
    // A closed connection is forgotten once the server has seen the close.
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> FlushBatching.pipelineOf(peer).isEmpty());
  }
}
