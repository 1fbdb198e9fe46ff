package nl.dialoogtafel.live.hub;

import nl.dialoogtafel.http.Refusal;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import nl.dialoogtafel.i18n.Messages;

/**
 * One WebSocket and what it is to the session: nobody yet, a participant, or a kiosk. It keeps
 * the last {@code seq} it delivered so a connection never sees an event twice or out of order.
 * Lives on the event loop of its socket, which need not be its session's: what the session sends
 * it (from the hub's loop) hops over to the socket's loop first, so nothing here needs a lock.
 */
public final class Connection {

  public enum Role { NEW, PARTICIPANT, KIOSK }

  /** WebSocket close code for "try again later": the client resumes with {@code after}. */
  public static final short CLOSE_SLOW = 1013;
  public static final short CLOSE_IDLE = 1001;
  /** Close code for a person erased on request: their token is gone, the phone must not resume. */
  public static final short CLOSE_ERASED = 4410;

  private final ServerWebSocket socket;
  private final Context context;
  private final String address;
  private final RateLimit rate = new RateLimit(20, 10);
  private String language;
  private Role role = Role.NEW;
  private SessionHub hub;
  private String participantId;
  private long lastHeardNanos = System.nanoTime();
  private long lastSeq;
  /** Let go because it could not keep up (for the node's metrics). */
  private boolean closedAsSlow;

  public Connection(ServerWebSocket socket, String address, String language) {
    this.socket = socket;
    this.context = Vertx.currentContext();
    this.address = address;
    this.language = language;
  }

  /** The event loop of this socket: everything that touches the connection runs there. */
  Context context() {
    return context;
  }

  // ---- who this is ------------------------------------------------------------------------------

  /** The remote address, for the join guard. */
  public String address() {
    return address;
  }

  public String language() {
    return language;
  }

  /** Each message may name the language its answers should be in. */
  public void language(String language) {
    this.language = language;
  }

  public Role role() {
    return role;
  }

  /** The session this connection belongs to, or null while it is nobody yet. */
  public SessionHub hub() {
    return hub;
  }

  /** The participant on this phone, or null for a kiosk or a connection that has not joined. */
  public String participantId() {
    return participantId;
  }

  public void becomeParticipant(SessionHub hub, String participantId) {
    this.role = Role.PARTICIPANT;
    this.hub = hub;
    this.participantId = participantId;
  }

  /** Claimed as a kiosk as soon as its key is accepted, so a second {@code watch} is refused at once. */
  public void becomeKiosk() {
    this.role = Role.KIOSK;
  }

  /** The session the kiosk now watches. */
  public void watch(SessionHub hub) {
    this.hub = hub;
  }

  /** After {@code leave}: nobody again, free to join anew. */
  public void becomeNobody() {
    this.hub = null;
    this.participantId = null;
    this.role = Role.NEW;
  }

  // ---- the line ---------------------------------------------------------------------------------

  /** A message or a pong arrived: the line is alive. */
  public void heard() {
    lastHeardNanos = System.nanoTime();
  }

  public boolean silentSince(long nanos, long now) {
    return now - lastHeardNanos > nanos;
  }

  /** One message's worth of this connection's rate limit; false when it has none left. */
  public boolean withinRate() {
    return rate.tryTake();
  }

  public boolean isClosed() {
    return socket.isClosed();
  }

  /** True once this connection was closed for a full write queue (1013). */
  public boolean closedAsSlow() {
    return closedAsSlow;
  }

  public void close(short status, String reason) {
    Loops.run(context, () -> socket.close(status, reason));
  }

  public void ping() {
    socket.writePing(Buffer.buffer("p"));
  }

  // ---- what it receives -------------------------------------------------------------------------

  /**
   * Delivers a public event once, in order. On the socket's loop only: the room hands a batch of
   * connections to each loop at once.
   */
  void deliver(long seq, OutboundFrame frame) {
    if (seq <= lastSeq || socket.isClosed()) {
      return;
    }
    if (socket.writeQueueFull()) {
      // A phone that cannot keep up is let go rather than buffered without bound; it resumes later.
      closedAsSlow = true;
      socket.close(CLOSE_SLOW, Messages.text(language, "error.slow"));
      return;
    }
    frame.writeTo(socket);
    lastSeq = seq;
  }

  /** A message for everyone (presence): skipped, not queued, when the socket is behind or gone. */
  void offer(OutboundFrame frame) {
    if (!socket.isClosed() && !socket.writeQueueFull()) {
      frame.writeTo(socket);
    }
  }

  void write(OutboundFrame frame) {
    Loops.run(context, () -> frame.writeTo(socket));
  }

  /** The events up to {@code upToSeq} reached this connection in its welcome; only later ones follow. */
  public void replayed(long upToSeq) {
    lastSeq = upToSeq;
  }

  public Future<Void> send(JsonObject message) {
    return socket.isClosed() ? Future.failedFuture("closed") : socket.writeTextMessage(message.encode());
  }

  /** A message of its own for this connection, from whichever loop: it is written on the socket's. */
  public Future<Void> sendRaw(String json) {
    return Loops.on(context, () -> socket.isClosed() ? Future.failedFuture("closed") : socket.writeTextMessage(json));
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
