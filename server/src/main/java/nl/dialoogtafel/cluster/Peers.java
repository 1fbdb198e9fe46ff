package nl.dialoogtafel.cluster;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import nl.dialoogtafel.storage.Ids;
import nl.dialoogtafel.storage.LeaseStore;
import nl.dialoogtafel.storage.LeaseStore.Lease;

/**
 * This node among the others: its id, the leases it holds on sessions (renewed together, one
 * write every {@link #RENEW_MILLIS}), and the event bus addresses of a session — the owner's,
 * where commands go (request and reply), and the room's, where the owner publishes what it
 * stored. Callable from any thread; event bus answers arrive on the caller's context.
 */
public final class Peers {

  private static final Logger LOG = Logger.getLogger(Peers.class.getName());
  /** How long a lease holds without renewal: the longest a dead owner keeps its sessions. */
  public static final long LEASE_MILLIS = 5_000;
  static final long RENEW_MILLIS = 1_250;
  /**
   * An owner appends without asking the store while its lease has at least this long to run by
   * its own clock; closer to expiry it checks its token in the store first.
   */
  static final long MARGIN_MILLIS = 2_000;
  /**
   * How long a command waits for its owner's answer before it is sent again (it is idempotent): a
   * dead owner costs this much per try until its member is dropped, so it is short.
   */
  public static final long ANSWER_MILLIS = 1_500;

  private final Vertx vertx;
  private final LeaseStore leases;
  private final String nodeId = Ids.id("n");
  /** The leases held, each with the moment (this node's clock) until which it surely holds. */
  private final Map<String, Held> held = new ConcurrentHashMap<>();
  private final long renewTimer;

  private record Held(Lease lease, long validUntil) {}

  public Peers(Vertx vertx, LeaseStore leases) {
    this.vertx = vertx;
    this.leases = leases;
    this.renewTimer = vertx.setPeriodic(RENEW_MILLIS, id -> renew());
  }

  /** How many sessions this node holds the lease of now (for the operator's metrics). */
  public int owned() {
    return held.size();
  }

  public String nodeId() {
    return nodeId;
  }

  /** Takes the session's lease (or renews it): present when this node holds it now. */
  public Future<Optional<Lease>> claim(String sessionId) {
    long start = System.currentTimeMillis();
    return leases.take(sessionId, nodeId, LEASE_MILLIS).map(taken -> {
      taken.ifPresent(lease -> held.put(sessionId, new Held(lease, start + LEASE_MILLIS)));
      return taken;
    });
  }

  /**
   * The lease this node may append under now: {@code lease} itself from memory while it surely
   * holds, else as the store says — the same, a new token (it had expired and was taken again:
   * someone may have appended meanwhile), or empty (another node holds it).
   */
  public Future<Optional<Lease>> confirm(Lease lease) {
    Held mine = held.get(lease.sessionId());
    if (mine != null && mine.lease().equals(lease)
        && System.currentTimeMillis() < mine.validUntil() - MARGIN_MILLIS) {
      return Future.succeededFuture(Optional.of(lease));
    }
    return claim(lease.sessionId()).map(now -> {
      if (now.isEmpty()) {
        held.remove(lease.sessionId());
      }
      return now;
    });
  }

  public void release(Lease lease) {
    held.remove(lease.sessionId(), held.get(lease.sessionId()));
    leases.release(lease).onFailure(e -> LOG.fine("lease release failed: " + e.getClass().getName()));
  }

  /** One write for every lease held; a lease counts as extended only when the write came back in its time. */
  private void renew() {
    if (held.isEmpty()) {
      return;
    }
    long start = System.currentTimeMillis();
    List<String> ids = List.copyOf(held.keySet());
    leases.renew(nodeId, ids, LEASE_MILLIS).onSuccess(v -> {
      long back = System.currentTimeMillis();
      for (String id : ids) {
        held.computeIfPresent(id, (k, h) -> back < h.validUntil() ? new Held(h.lease(), start + LEASE_MILLIS) : h);
      }
    }).onFailure(e -> LOG.warning("lease renewal failed: " + e.getClass().getName()));
  }

  // ---- the event bus ------------------------------------------------------------------------------

  public static String ownerAddress(String sessionId) {
    return "dialoog.owner." + sessionId;
  }

  public static String roomAddress(String sessionId) {
    return "dialoog.room." + sessionId;
  }

  /** Registers on the calling context; its completion says when the other nodes know of it. */
  public MessageConsumer<JsonObject> consumer(String address, Handler<Message<JsonObject>> handler) {
    return vertx.eventBus().consumer(address, handler);
  }

  public Future<JsonObject> request(String address, JsonObject body) {
    return vertx.eventBus().<JsonObject>request(address, body, new DeliveryOptions().setSendTimeout(ANSWER_MILLIS))
        .map(Message::body);
  }

  /** To every node listening on {@code address}, marked as this node's so it skips its own. */
  public void publish(String address, JsonObject body) {
    vertx.eventBus().publish(address, body.put("from", nodeId));
  }

  public boolean mine(JsonObject body) {
    return nodeId.equals(body.getString("from"));
  }

  public void close() {
    vertx.cancelTimer(renewTimer);
  }
}
