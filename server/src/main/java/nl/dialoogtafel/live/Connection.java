package nl.dialoogtafel.live;

import nl.dialoogtafel.http.Refusal;
import io.vertx.core.Future;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import nl.dialoogtafel.i18n.Messages;

/**
 * One WebSocket and what it is to the session: nobody yet, a participant, or a kiosk. It keeps
 * the last {@code seq} it delivered so a connection never sees an event twice or out of order.
 */
public final class Connection {

  public enum Role { NEW, PARTICIPANT, KIOSK }

  /** WebSocket close code for "try again later": the client resumes with {@code after}. */
  static final short CLOSE_SLOW = 1013;
  static final short CLOSE_IDLE = 1001;
  /** Close code for a person erased on request: their token is gone, the phone must not resume. */
  static final short CLOSE_ERASED = 4410;

  private record Held(long seq, OutboundFrame frame) {}

  final ServerWebSocket socket;
  final String address;
  final RateLimit rate = new RateLimit(20, 10);
  String language;
  Role role = Role.NEW;
  SessionHub hub;
  String participantId;
  long lastHeardNanos = System.nanoTime();
  private long lastSeq;
  private List<Held> held;

  Connection(ServerWebSocket socket, String address, String language) {
    this.socket = socket;
    this.address = address;
    this.language = language;
  }

  /** Delivers a public event once, in order; holds it while a replay is being read from the store. */
  void deliver(long seq, OutboundFrame frame) {
    if (held != null) {
      held.add(new Held(seq, frame));
      return;
    }
    if (seq <= lastSeq || socket.isClosed()) {
      return;
    }
    if (socket.writeQueueFull()) {
      // A phone that cannot keep up is let go rather than buffered without bound; it resumes later.
      socket.close(CLOSE_SLOW, Messages.text(language, "error.slow"));
      return;
    }
    frame.writeTo(socket);
    lastSeq = seq;
  }

  /** From now on events are held until {@link #replayed} says what the replay covered. */
  void holdEvents() {
    held = new ArrayList<>();
  }

  public void replayed(long upToSeq) {
    lastSeq = upToSeq;
    List<Held> pending = held;
    held = null;
    if (pending != null) {
      pending.forEach(h -> deliver(h.seq(), h.frame()));
    }
  }

  public Future<Void> send(JsonObject message) {
    return socket.isClosed() ? Future.failedFuture("closed") : socket.writeTextMessage(message.encode());
  }

  public Future<Void> sendRaw(String json) {
    return socket.isClosed() ? Future.failedFuture("closed") : socket.writeTextMessage(json);
  }

  public void ack(String ref, String id, long seq, String request) {
    JsonObject ack = new JsonObject().put("type", "ack").put("ref", ref).put("id", id).put("seq", seq);
    if (request != null) {
      ack.put("request", request);
    }
    send(ack);
  }

  public void error(String ref, Refusal failure) {
    JsonObject error = new JsonObject().put("type", "error").put("ref", ref).put("code", failure.code())
        .put("message", Messages.text(language, "error." + failure.reason(), failure.args()));
    if (failure.field() != null) {
      error.put("field", failure.field());
    }
    send(error);
  }
}
