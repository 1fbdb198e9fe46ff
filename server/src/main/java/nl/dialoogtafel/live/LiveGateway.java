package nl.dialoogtafel.live;

import nl.dialoogtafel.http.ClientAddress;
import nl.dialoogtafel.http.Fields;
import nl.dialoogtafel.http.Refusal;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Logger;
import nl.dialoogtafel.storage.Ids;
import nl.dialoogtafel.i18n.Messages;
import nl.dialoogtafel.record.SessionInfo;
import nl.dialoogtafel.http.OriginPolicy;
import nl.dialoogtafel.live.hub.Connection;
import nl.dialoogtafel.live.hub.EventView;
import nl.dialoogtafel.live.hub.Hubs;
import nl.dialoogtafel.live.hub.SessionHub;
import nl.dialoogtafel.ops.LoopCount;

/**
 * The {@code /ws} endpoint: checks the Origin before the upgrade, reads one JSON object per text
 * message, lets each role send only its own message types, and keeps the line alive with pings.
 */
public final class LiveGateway {

  private static final Logger LOG = Logger.getLogger(LiveGateway.class.getName());
  public static final int MAX_MESSAGE_BYTES = 16 * 1024;
  /** Larger messages (in one frame or many) close the connection with 1009; up to it they get {@code too_large}. */
  public static final int MAX_TRANSPORT_BYTES = 4 * MAX_MESSAGE_BYTES;
  private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(60);
  private static final long SWEEP_MS = 15_000;

  private static final Set<String> PARTICIPANT_TYPES = Set.of(
      "post", "withdraw", "recognize", "contact.request", "contact.accept", "contact.decline", "leave");
  private static final Set<String> KNOWN_TYPES = Set.of(
      "ping", "join", "resume", "watch", "post", "withdraw", "recognize", "contact.request", "contact.accept",
      "contact.decline", "leave");

  private final Vertx vertx;
  private final Hubs hubs;
  private final OriginPolicy origins;
  private final ParticipantProtocol participants;
  private final JoinGuard joinGuard;
  private final Set<Connection> open = new LinkedHashSet<>();
  /** {@code open.size()} for readers on other loops (the node's report). */
  private volatile int openCount;
  /** Sockets of this loop closed for a full write queue, so far. */
  private long closedAsSlow;
  private final Context context;
  private final long sweepTimer;
  /** Extension for the kiosk: earlier follow-ups of the community (the archive supplies them). */
  private Function<SessionInfo, Future<JsonArray>> followUps = info -> Future.succeededFuture(new JsonArray());

  /** One gateway per event loop; {@code hubs} and {@code joinGuard} are the node's, shared by all. */
  public LiveGateway(Vertx vertx, Hubs hubs, JoinGuard joinGuard, OriginPolicy origins) {
    this.vertx = vertx;
    this.hubs = hubs;
    this.origins = origins;
    this.joinGuard = joinGuard;
    this.participants = new ParticipantProtocol(hubs, joinGuard);
    this.context = Vertx.currentContext(); // its own loop: the census counts there
    this.sweepTimer = vertx.setPeriodic(SWEEP_MS, id -> sweep());
  }

  public void handle(RoutingContext ctx) {
    if (!origins.allows(ctx.request(), false)) {
      ctx.response().setStatusCode(403).end();
      return;
    }
    String language = Messages.language(ctx.request().getParam("lang"));
    String address = JoinGuard.key(ClientAddress.of(ctx));
    if (!joinGuard.admit(address)) {
      // Before the upgrade, so a browser's page can show why; a room of hundreds behind one NAT still fits.
      ctx.response().setStatusCode(429).putHeader("Retry-After", "30")
          .putHeader("Content-Type", "text/plain; charset=utf-8").end(Messages.text(language, "error.too_many_sockets"));
      return;
    }
    ctx.request().toWebSocket()
        .onSuccess(socket -> open(socket, address, language))
        .onFailure(e -> joinGuard.left(address));
  }

  /** Lets the archive add the {@code followups} of earlier sessions to the kiosk's {@code watching}. */
  public void followUps(Function<SessionInfo, Future<JsonArray>> feed) {
    this.followUps = feed;
  }

  /** Open WebSockets on this gateway's loop; readable from any thread. */
  public int openConnections() {
    return openCount;
  }

  public void close() {
    vertx.cancelTimer(sweepTimer);
  }

  /** This loop's connections by what they are, its live sessions and its slow closes; on this loop only. */
  public LoopCount census() {
    int phones = 0;
    int kiosks = 0;
    for (Connection c : open) {
      switch (c.role()) {
        case PARTICIPANT -> phones++;
        case KIOSK -> kiosks++;
        default -> { }
      }
    }
    return new LoopCount(phones, kiosks, open.size() - phones - kiosks, hubs.liveSessionsOn(context), closedAsSlow);
  }

  private void open(ServerWebSocket socket, String address, String language) {
    Connection c = new Connection(socket, address, language);
    open.add(c);
    openCount = open.size();
    MessageAssembler messages = new MessageAssembler(MAX_TRANSPORT_BYTES, new MessageAssembler.Sink() {
      @Override
      public void text(String message, int bytes) {
        onText(c, message, bytes);
      }

      @Override
      public void binary() {
        c.error(null, Refusal.of("bad_request"));
      }

      @Override
      public void broken(short status) {
        closeBroken(socket, status);
      }
    });
    socket.frameHandler(messages::frame);
    socket.pongHandler(pong -> c.heard());
    socket.exceptionHandler(e -> closeBroken(socket, e));
    socket.closeHandler(v -> {
      open.remove(c);
      openCount = open.size();
      if (c.closedAsSlow()) {
        closedAsSlow++;
      }
      joinGuard.left(address);
      if (c.hub() != null) {
        c.hub().detach(c);
      }
    });
  }

  private void onText(Connection c, String text, int bytes) {
    c.heard();
    boolean tooLarge = bytes > MAX_MESSAGE_BYTES;
    JsonObject message;
    try {
      // Parsed even when too large (the transport caps it at MAX_TRANSPORT_BYTES), so the refusal carries its ref.
      message = new JsonObject(text);
    } catch (RuntimeException notAnObject) {
      c.error(null, Refusal.of(tooLarge ? "too_large" : "bad_request"));
      return;
    }
    String ref = message.getValue("ref") instanceof String r ? r : null;
    if (tooLarge) {
      c.error(ref, Refusal.of("too_large"));
      return;
    }
    if (!c.withinRate()) {
      c.error(ref, Refusal.of("rate_limited"));
      return;
    }
    if (!(message.getValue("type") instanceof String type)) {
      c.error(ref, Refusal.of("bad_request"));
      return;
    }
    if (message.getValue("lang") instanceof String lang) {
      c.language(Messages.language(lang));
    }
    Future<?> outcome;
    try {
      outcome = dispatch(c, type, ref, message);
    } catch (Refusal refused) {
      outcome = Future.failedFuture(refused);
    }
    outcome.onFailure(e -> c.error(ref, asProtocol(e)));
  }

  private Future<?> dispatch(Connection c, String type, String ref, JsonObject m) {
    if (!KNOWN_TYPES.contains(type)) {
      throw new Refusal("unknown_type", "unknown_type", "type", type);
    }
    if (type.equals("ping")) {
      // Browsers cannot see WebSocket pings; this lets a page notice a connection that died silently.
      c.send(new JsonObject().put("type", "pong").put("ref", ref));
      return Future.succeededFuture();
    }
    if (c.role() == Connection.Role.KIOSK && !type.equals("watch")) {
      throw new Refusal("forbidden", "kiosk_readonly", null);
    }
    if (type.equals("join") || type.equals("resume") || type.equals("watch")) {
      if (c.role() != Connection.Role.NEW) {
        throw new Refusal("invalid", "already_joined", "type");
      }
      return switch (type) {
        case "join" -> participants.join(c, ref, m);
        case "resume" -> participants.resume(c, ref, m);
        default -> watch(c, ref, m);
      };
    }
    if (c.role() != Connection.Role.PARTICIPANT) {
      throw Refusal.of("not_joined");
    }
    String id = m.getValue("id") instanceof String s ? s : null;
    Future<Long> stored = switch (type) {
      case "post" -> participants.post(c, m);
      case "withdraw" -> participants.withdraw(c, m);
      case "recognize" -> participants.recognize(c, m);
      case "contact.request" -> participants.requestContact(c, m);
      case "contact.accept" -> participants.acceptContact(c, m);
      case "contact.decline" -> participants.declineContact(c, m);
      default -> {
        participants.leave(c);
        c.send(new JsonObject().put("type", "left").put("ref", ref));
        yield null;
      }
    };
    if (stored == null) {
      return Future.succeededFuture();
    }
    String request = type.equals("contact.request") ? participants.requestIdFor(c, id) : null;
    return stored.onSuccess(seq -> c.ack(ref, id, seq, request));
  }

  /** A kiosk watches with the key from its URL and can change nothing. */
  private Future<Void> watch(Connection c, String ref, JsonObject m) {
    Fields f = new Fields(m);
    String sessionId = f.text("session", 1, 64, false);
    String key = f.text("key", 1, 200, false);
    long after = f.count("after");
    boolean snapshot = f.bool("snapshot", false);
    return hubs.byId(sessionId)
        .recover(e -> Future.failedFuture(e instanceof Refusal p && p.code().equals("unknown_session")
            ? new Refusal("forbidden", "kiosk_key", "key") : e))
        .compose(hub -> {
          if (!Ids.sameSecret(key, hub.info().kioskKey())) {
            return Future.failedFuture(new Refusal("forbidden", "kiosk_key", "key"));
          }
          c.becomeKiosk();
          // The follow-ups are read before attaching, so no event can slip between reply and stream.
          return followUps.apply(hub.info()).otherwise(e -> new JsonArray()).compose(feed -> {
            if (c.isClosed()) {
              return Future.succeededFuture();
            }
            c.watch(hub);
            boolean reset = after > hub.state().seq();
            SessionHub.Reply reply = snapshot ? SessionHub.Reply.SNAPSHOT_UNLESS_FEW_MISSED : SessionHub.Reply.EVENTS;
            return hub.attach(c, null, reset ? 0 : after, reply).map(attached -> {
              c.replayed(attached.seq());
              JsonObject head = new JsonObject().put("type", "watching").put("ref", ref).put("epoch", attached.epoch())
                  .put("seq", attached.seq()).put("reset", reset)
                  .put("session", EventView.session(hub.info(), attached.state())).put("followups", feed);
              c.sendRaw(Welcome.of(head, attached));
              hub.sendPresenceTo(c);
              return null;
            });
          });
        });
  }

  /** A frame that breaks the rules (too large, bad UTF-8) ends the connection with the status that says why. */
  private static void closeBroken(ServerWebSocket socket, Throwable failure) {
    closeBroken(socket, failure instanceof CorruptedWebSocketFrameException corrupted
        ? (short) corrupted.closeStatus().code() : (short) 1011);
  }

  private static void closeBroken(ServerWebSocket socket, short status) {
    if (!socket.isClosed()) {
      socket.close(status);
    }
  }

  private static Refusal asProtocol(Throwable failure) {
    if (failure instanceof Refusal p) {
      return p;
    }
    // Never the message: driver errors can quote the document that failed.
    LOG.warning("live request failed: " + failure.getClass().getName());
    return Refusal.of("unavailable");
  }

  /** Pings every connection, closes the ones silent for a minute, and lets go of empty sessions. */
  private void sweep() {
    long now = System.nanoTime();
    for (Connection c : List.copyOf(open)) {
      if (c.silentSince(IDLE_NANOS, now)) {
        c.close(Connection.CLOSE_IDLE, Messages.text(c.language(), "error.idle"));
      } else if (!c.isClosed()) {
        c.ping();
      }
    }
    joinGuard.forgetOld();
    hubs.evictIdle();
  }
}
