package nl.dialoogtafel.live.hub;

import nl.dialoogtafel.http.Refusal;
import nl.dialoogtafel.storage.Stores;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import nl.dialoogtafel.record.SessionInfo;

/**
 * The live sessions of this node, all on one event loop. A session is loaded from the store the
 * first time someone needs it (once, however many ask at the same moment) and let go after it
 * has been empty for a while.
 */
public final class Hubs {

  private static final long IDLE_NANOS = TimeUnit.MINUTES.toNanos(10);

  private final Vertx vertx;
  private final Stores stores;
  private final Map<String, SessionHub> live = new HashMap<>();
  private final Map<String, Future<SessionHub>> loading = new HashMap<>();
  private final Map<String, String> sessionByCode = new HashMap<>();

  public Hubs(Vertx vertx, Stores stores) {
    this.vertx = vertx;
    this.stores = stores;
  }

  public Stores stores() {
    return stores;
  }

  /** The hub of a session, or a failed future with {@code unknown_session}. */
  public Future<SessionHub> byId(String sessionId) {
    SessionHub hub = live.get(sessionId);
    if (hub != null) {
      return Future.succeededFuture(hub);
    }
    return stores.sessions().find(sessionId).compose(this::load);
  }

  /** Joins are answered from memory once a session is live; only a first join reads the store. */
  public Future<SessionHub> byCode(String code) {
    String sessionId = sessionByCode.get(code);
    if (sessionId != null && live.containsKey(sessionId)) {
      return Future.succeededFuture(live.get(sessionId));
    }
    return stores.sessions().findByCode(code).compose(this::load);
  }

  private Future<SessionHub> load(Optional<SessionInfo> found) {
    if (found.isEmpty()) {
      return Future.failedFuture(Refusal.of("unknown_session"));
    }
    SessionInfo info = found.get();
    SessionHub hub = live.get(info.id());
    if (hub != null) {
      return Future.succeededFuture(hub);
    }
    return loading.computeIfAbsent(info.id(), id -> SessionHub.load(vertx, stores, info)
        .onComplete(done -> {
          loading.remove(id);
          if (done.succeeded()) {
            live.put(id, done.result());
            sessionByCode.put(info.code(), id);
          }
        }));
  }

  /** Lets go of sessions nobody has been connected to for a while; the store keeps everything. */
  public void evictIdle() {
    live.values().removeIf(hub -> {
      if (hub.idleFor(IDLE_NANOS)) {
        hub.close();
        sessionByCode.remove(hub.info().code());
        return true;
      }
      return false;
    });
  }
}
