package nl.dialoogtafel.support;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A phone or kiosk as the server sees it: a real WebSocket over loopback. Every frame is kept,
 * raw, so tests can check what a connection was ever sent, and read in order from a queue.
 */
public final class LiveClient implements AutoCloseable {

  private static final long WAIT_SECONDS = 20;

  private final WebSocketClient client;
  private final WebSocket socket;
  /** Received and not yet taken by a test, in arrival order; taking one leaves the others in place. */
  private final List<JsonObject> pending = new ArrayList<>();
  private final List<String> frames = new CopyOnWriteArrayList<>();
  private volatile Short closeStatus;

  private LiveClient(WebSocketClient client, WebSocket socket) {
    this.client = client;
    this.socket = socket;
    socket.textMessageHandler(text -> {
      frames.add(text);
      synchronized (pending) {
        pending.add(new JsonObject(text));
        pending.notifyAll();
      }
    });
    socket.closeHandler(v -> {
      closeStatus = socket.closeStatusCode() == null ? -1 : socket.closeStatusCode();
      synchronized (pending) {
        pending.notifyAll(); // a next() waiting for the close looks again
      }
    });
  }

  public static LiveClient connect(Vertx vertx, int port) throws Exception {
    return connect(vertx, port, null);
  }

  public static LiveClient connect(Vertx vertx, int port, String origin) throws Exception {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxMessageSize(1 << 24)
        .setMaxFrameSize(1 << 24));
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws")
        .setAllowOriginHeader(origin != null);
    if (origin != null) {
      options.putHeader("Origin", origin);
    }
    WebSocket socket = client.connect(options).toCompletionStage().toCompletableFuture().get(WAIT_SECONDS,
        TimeUnit.SECONDS);
    return new LiveClient(client, socket);
  }

  public void send(JsonObject message) {
    socket.writeTextMessage(message.encode());
  }

  public void sendText(String text) {
    socket.writeTextMessage(text);
  }

  /** One frame as given, for tests of the transport's rules (fragments, bytes that are not UTF-8). */
  public void sendFrame(io.vertx.core.http.WebSocketFrame frame) {
    socket.writeFrame(frame);
  }

  /** Sends a message with a fresh ref and returns that ref. */
  public String request(JsonObject message) {
    String ref = UUID.randomUUID().toString();
    send(message.copy().put("ref", ref));
    return ref;
  }

  /** The next message, whatever it is. */
  public JsonObject next() throws InterruptedException {
    return next(m -> true);
  }

  /** The first message not yet taken that matches; messages before it stay for later calls. */
  public JsonObject next(Predicate<JsonObject> wanted) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    synchronized (pending) {
      while (true) {
        for (int i = 0; i < pending.size(); i++) {
          if (wanted.test(pending.get(i))) {
            return pending.remove(i);
          }
        }
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          throw new AssertionError("no matching message within " + WAIT_SECONDS + " s; frames: " + frames);
        }
        pending.wait(left);
      }
    }
  }

  /** True if a matching message arrives within the given time (for checking that something does NOT come). */
  public boolean receives(Predicate<JsonObject> wanted, long millis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    synchronized (pending) {
      while (true) {
        for (JsonObject message : pending) {
          if (wanted.test(message)) {
            return true;
          }
        }
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          return false;
        }
        pending.wait(left);
      }
    }
  }

  public JsonObject reply(String ref) throws InterruptedException {
    return next(m -> ref.equals(m.getString("ref")));
  }

  public JsonObject nextOfType(String type) throws InterruptedException {
    return next(m -> type.equals(m.getString("type")));
  }

  public JsonObject nextEvent(String name) throws InterruptedException {
    return next(m -> "event".equals(m.getString("type")) && name.equals(m.getString("name")));
  }

  public JsonObject nextPrivate(String name) throws InterruptedException {
    return next(m -> "private".equals(m.getString("type")) && name.equals(m.getString("name")));
  }

  /** Every frame this connection ever received, as sent. */
  public List<String> frames() {
    return List.copyOf(frames);
  }

  public Short closeStatus() {
    return closeStatus;
  }

  /**
   * True once the close handler has run, so {@link #closeStatus()} is known. (The socket calls
   * itself closed a moment before that handler runs; under load a test saw the gap.)
   */
  public boolean isClosed() {
    return closeStatus != null;
  }

  @Override
  public void close() {
    try {
      socket.close();
      client.close();
    } catch (java.util.concurrent.RejectedExecutionException vertxAlreadyClosed) {
      // The class's Vert.x went with its server (a rerun of a failed test starts them anew): the
      // socket is gone already, nothing is left to close.
    }
  }
}
