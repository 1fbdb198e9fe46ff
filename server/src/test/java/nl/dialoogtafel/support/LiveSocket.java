package nl.dialoogtafel.support;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A live connection for load and crash tests: requests are not awaited one by one. Each request
 * returns a future that completes with the reply carrying its {@code ref}, or fails with
 * {@link Closed} once the connection is gone (for instance because the server was killed).
 */
public final class LiveSocket implements AutoCloseable {

  /** The connection closed before the reply came. */
  public static final class Closed extends RuntimeException {
    Closed() {
      super("connection closed before the reply came", null, false, false);
    }
  }

  private final WebSocketClient client;
  private final WebSocket socket;
  private final Map<String, CompletableFuture<JsonObject>> waiting = new ConcurrentHashMap<>();
  private volatile boolean closed;

  private LiveSocket(WebSocketClient client, WebSocket socket) {
    this.client = client;
    this.socket = socket;
    socket.textMessageHandler(text -> {
      JsonObject message = new JsonObject(text);
      if (message.getValue("ref") instanceof String ref) {
        CompletableFuture<JsonObject> reply = waiting.remove(ref);
        if (reply != null) {
          reply.complete(message);
        }
      }
    });
    socket.closeHandler(v -> failAll());
    socket.exceptionHandler(e -> failAll());
  }

  public static LiveSocket connect(Vertx vertx, int port) throws Exception {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxMessageSize(1 << 26)
        .setMaxFrameSize(1 << 26));
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws")
        .setAllowOriginHeader(false);
    WebSocket socket = client.connect(options).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    return new LiveSocket(client, socket);
  }

  /** Sends the message with a fresh ref; the future completes with the reply to that ref. */
  public CompletableFuture<JsonObject> request(JsonObject message) {
    String ref = UUID.randomUUID().toString();
    CompletableFuture<JsonObject> reply = new CompletableFuture<>();
    waiting.put(ref, reply);
    if (closed) {
      failAll();
      return reply;
    }
    socket.writeTextMessage(message.copy().put("ref", ref).encode()).onFailure(e -> {
      CompletableFuture<JsonObject> lost = waiting.remove(ref);
      if (lost != null) {
        lost.completeExceptionally(new Closed());
      }
    });
    return reply;
  }

  /** Sends and waits for the reply. */
  public JsonObject call(JsonObject message) throws Exception {
    return request(message).get(30, TimeUnit.SECONDS);
  }

  public boolean isClosed() {
    return closed || socket.isClosed();
  }

  private void failAll() {
    closed = true;
    for (String ref : List.copyOf(waiting.keySet())) {
      CompletableFuture<JsonObject> reply = waiting.remove(ref);
      if (reply != null) {
        reply.completeExceptionally(new Closed());
      }
    }
  }

  @Override
  public void close() {
    if (!socket.isClosed()) {
      socket.close();
    }
    client.close();
  }
}
