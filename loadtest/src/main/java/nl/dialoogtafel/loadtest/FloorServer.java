package nl.dialoogtafel.loadtest;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The floor of the live benchmark, a control and nothing more: a bare Vert.x WebSocket broadcast
 * server for one session, in memory, no checks, no storage. It speaks only what the load generator
 * uses: {@code join} → {@code welcome} (all events so far), {@code watch} → {@code watching},
 * {@code post} → {@code ack}, then the {@code post.added} event to every connection. Like ours it
 * runs as one verticle (one event loop), encodes each event once and writes the same bytes to
 * every socket, so the distance between the two is what ours does per message.
 */
public final class FloorServer extends VerticleBase {

  static final String SESSION_ID = "floor-session";
  static final String CODE = "FLOOR1";
  static final String KIOSK_KEY = "floor-kiosk";

  private final Set<ServerWebSocket> room = new LinkedHashSet<>();
  private final Map<ServerWebSocket, JsonObject> people = new HashMap<>();
  /** Every event as sent, so a welcome is concatenation, as in ours. */
  private final List<String> events = new ArrayList<>();
  private HttpServer server;
  private int joined;

  /** Starts a floor on its own Vert.x (default options, as {@code Server.start}) on 127.0.0.1, port 0. */
  public static Running launch() throws Exception {
    Vertx vertx = Vertx.vertx();
    FloorServer floor = new FloorServer();
    vertx.deployVerticle(floor).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    return new Running(vertx, floor.server.actualPort());
  }

  /** The floor in a process of its own: prints {@code port N}, stops when its input closes. */
  public static void main(String[] args) throws Exception {
    EndOnFailure.install();
    Running running = launch();
    System.out.println("port " + running.port());
    while (System.in.read() >= 0) {
      // nothing is read from the input: it only tells when to stop
    }
    running.close();
    System.exit(0);
  }

  public record Running(Vertx vertx, int port) implements AutoCloseable {
    @Override
    public void close() throws Exception {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  @Override
  public Future<?> start() {
    HttpServerOptions options = new HttpServerOptions().setHost("127.0.0.1").setPort(0)
        .setMaxWebSocketMessageSize(1 << 16).setMaxWebSocketFrameSize(1 << 16)
        .setPerMessageWebSocketCompressionSupported(false).setPerFrameWebSocketCompressionSupported(false);
    return vertx.createHttpServer(options).webSocketHandler(this::open).listen().onSuccess(s -> server = s);
  }

  private void open(ServerWebSocket socket) {
    if (!"/ws".equals(socket.path())) {
      socket.close((short) 1008);
      return;
    }
    socket.textMessageHandler(text -> onText(socket, text));
    socket.closeHandler(v -> {
      room.remove(socket);
      people.remove(socket);
    });
  }

  private void onText(ServerWebSocket socket, String text) {
    JsonObject m = new JsonObject(text);
    Object ref = m.getValue("ref");
    switch (m.getString("type", "")) {
      case "join" -> {
        JsonObject person = new JsonObject().put("id", "p" + (++joined)).put("name", m.getString("name"))
            .put("organisation", m.getString("organisation")).put("role", m.getString("role"));
        broadcast("participant.joined", new JsonObject().put("participant", person));
        room.add(socket);
        people.put(socket, person);
        socket.writeTextMessage(withEvents(new JsonObject().put("type", "welcome").put("ref", ref)
            .put("participant", person).put("token", "t" + joined).put("epoch", "floor").put("seq", events.size())
            .put("reset", false).put("session", session())));
      }
      case "watch" -> {
        room.add(socket);
        socket.writeTextMessage(withEvents(new JsonObject().put("type", "watching").put("ref", ref)
            .put("epoch", "floor").put("seq", events.size()).put("reset", false).put("session", session())));
      }
      case "post" -> {
        JsonObject post = new JsonObject().put("id", "post-" + (events.size() + 1)).put("kind", m.getString("kind"))
            .put("title", m.getString("title", "")).put("text", m.getString("text")).put("phase", "verhalen")
            .put("author", people.get(socket));
        socket.writeTextMessage(new JsonObject().put("type", "ack").put("ref", ref).put("id", m.getString("id"))
            .put("seq", events.size() + 1).encode());
        broadcast("post.added", new JsonObject().put("post", post));
      }
      default -> socket.writeTextMessage(new JsonObject().put("type", "error").put("ref", ref)
          .put("code", "unknown_type").encode());
    }
  }

  /**
   * Vert.x flushes what is written during a socket's read when that read ends: fanning out in the
   * next task lets a post's ack leave first instead of after a thousand other writes. Every event
   * goes this way, so they leave in seq order; the room is taken now, so a phone that joins
   * meanwhile (its welcome has the event) gets no second copy.
   */
  private void broadcast(String name, JsonObject data) {
    byte[] event = record(name, data);
    List<ServerWebSocket> to = List.copyOf(room);
    vertx.runOnContext(v -> fanOut(event, to));
  }

  /** One encoding: kept for welcomes, and the bytes every socket's frame wraps. */
  private byte[] record(String name, JsonObject data) {
    String json = new JsonObject().put("type", "event").put("seq", events.size() + 1)
        .put("at", Instant.now().toString()).put("name", name).put("data", data).encode();
    events.add(json);
    return json.getBytes(StandardCharsets.UTF_8);
  }

  /** The same bytes to every socket, no copy. */
  private static void fanOut(byte[] utf8, Iterable<ServerWebSocket> sockets) {
    for (ServerWebSocket socket : sockets) {
      socket.writeFrame(new WebSocketFrameImpl(WebSocketFrameType.TEXT, utf8, true));
    }
  }

  private String withEvents(JsonObject head) {
    String encoded = head.encode();
    StringBuilder out = new StringBuilder(encoded.length() + events.size() * 256);
    out.append(encoded, 0, encoded.length() - 1).append(",\"events\":[");
    out.append(String.join(",", events));
    return out.append("]}").toString();
  }

  private static JsonObject session() {
    JsonObject phase = new JsonObject().put("id", "verhalen").put("title", "Verhalen").put("prompt", "Vertel")
        .put("kinds", new JsonArray().add("story").add("barrier"));
    return new JsonObject().put("id", SESSION_ID).put("code", CODE).put("title", "Benchmark")
        .put("municipality", "Loopback").put("state", "open").put("phase", phase)
        .put("phases", new JsonArray().add(new JsonObject().put("id", "verhalen").put("title", "Verhalen")));
  }
}
