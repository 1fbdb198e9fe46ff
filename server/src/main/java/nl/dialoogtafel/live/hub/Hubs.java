package nl.dialoogtafel.live.hub;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import nl.dialoogtafel.cluster.Peers;
import nl.dialoogtafel.http.Refusal;
import nl.dialoogtafel.record.SessionInfo;
import nl.dialoogtafel.storage.Stores;

/**
 * The live sessions of this node, spread over its event loops: each session belongs to one loop
 * (the one holding the fewest when it is first needed, recorded until it is let go), and its hub
 * lives there.
 * A session is loaded from the store the first time someone needs it (once, however many ask at
 * the same moment) and let go after it has been empty for a while. Callable from any loop.
 */
public final class Hubs {

  private static final long IDLE_NANOS = TimeUnit.MINUTES.toNanos(10);

  /** The hubs of one event loop; touched only on that loop. */
  private static final class Loop {
    final int index;
    final Context context;
    final Map<String, SessionHub> live = new HashMap<>();
    final Map<String, Future<SessionHub>> loading = new HashMap<>();

    Loop(int index, Context context) {
      this.index = index;
      this.context = context;
    }
  }

  private final Vertx vertx;
  private final Stores stores;
  private final AtomicReferenceArray<Loop> loops;
  /** The loop of every session that is live or loading: one each, so one owner per session. */
  private final Map<String, Loop> owners = new ConcurrentHashMap<>();
  /** Sessions held per loop (live or loading), readable from anywhere. */
  private final AtomicIntegerArray owned;
  private int joined;
  private final Promise<Void> allJoined = Promise.promise();
  /** Join code to session id, for every session live on any loop. */
  private final Map<String, String> sessionByCode = new ConcurrentHashMap<>();

  /** In a cluster: this node among the others (sessions owned here or followed); null on one node. */
  private final Peers peers;

  /** Hubs for {@code loops} event loops; each loop's verticle calls {@link #serve} once at start. */
  public Hubs(Vertx vertx, Stores stores, int loops) {
    this(vertx, stores, loops, null);
  }

  /**
   * As {@link #Hubs(Vertx, Stores, int)}, on a node of a cluster when {@code peers} is given: each
   * session is then decided on one node and shown on every node holding its connections.
   */
  public Hubs(Vertx vertx, Stores stores, int loops, Peers peers) {
    this.peers = peers;
    if (loops < 1) {
      throw new IllegalArgumentException("at least one event loop");
    }
    this.vertx = vertx;
    this.stores = stores;
    this.loops = new AtomicReferenceArray<>(loops);
    this.owned = new AtomicIntegerArray(loops);
  }

  /**
   * Makes the calling verticle's event loop one of those that hold sessions. The future completes
   * when every loop has joined: only then may a loop take requests, since any of them may need
   * a session that belongs to another.
   */
  public synchronized Future<Void> serve() {
    Context context = Vertx.currentContext();
    int slot = joined++;
    if (context == null || slot >= loops.length()) {
      throw new IllegalStateException("serve() once from each of the " + loops.length() + " verticles");
    }
    loops.set(slot, new Loop(slot, context));
    if (slot == loops.length() - 1) {
      allJoined.complete();
    }
    return allJoined.future();
  }

  public Stores stores() {
    return stores;
  }

  public int loopCount() {
    return loops.length();
  }

  /** How many sessions the loop of {@code context} holds (live or loading); readable from any thread. */
  public int liveSessionsOn(Context context) {
    for (int i = 0; i < loops.length(); i++) {
      Loop loop = loops.get(i);
      if (loop != null && loop.context == context) {
        return owned.get(i);
      }
    }
    return 0;
  }

  /** The hub of a session, or a failed future with {@code unknown_session}. */
  public Future<SessionHub> byId(String sessionId) {
    Loop owner = owners.get(sessionId);
    if (owner != null) {
      return on(owner, sessionId, null);
    }
    // Only a session the store knows gets a loop: made-up ids must not fill the map.
    return stores.sessions().find(sessionId).compose(found -> found.isEmpty()
        ? Future.failedFuture(Refusal.of("unknown_session"))
        : on(assign(sessionId), sessionId, found.get()));
  }

  /** Joins are answered from memory once a session is live; only a first join reads the store. */
  public Future<SessionHub> byCode(String code) {
    String sessionId = sessionByCode.get(code);
    if (sessionId != null) {
      return byId(sessionId);
    }
    return stores.sessions().findByCode(code).compose(found -> found.isEmpty()
        ? Future.failedFuture(Refusal.of("unknown_session"))
        : on(assign(found.get().id()), found.get().id(), found.get()));
  }

  /**
   * On the session's loop: its live hub, the one being loaded, or a new load. A session let go
   * on the way here (and perhaps given to another loop) is followed to where it is now.
   */
  private Future<SessionHub> on(Loop loop, String sessionId, SessionInfo known) {
    return Loops.on(loop.context, () -> {
      SessionHub hub = loop.live.get(sessionId);
      if (hub != null) {
        return Future.succeededFuture(hub);
      }
      Future<SessionHub> loading = loop.loading.get(sessionId);
      if (loading != null) {
        return loading;
      }
      Loop owner = assign(sessionId, loop);
      if (owner != loop) {
        return on(owner, sessionId, known);
      }
      Future<SessionInfo> info = known != null ? Future.succeededFuture(known)
          : stores.sessions().find(sessionId).compose(found -> found.<Future<SessionInfo>>map(Future::succeededFuture)
              .orElseGet(() -> Future.failedFuture(Refusal.of("unknown_session"))));
      Future<SessionHub> load = info.compose(i -> SessionHub.load(vertx, stores, i, peers)).onComplete(done -> {
        loop.loading.remove(sessionId);
        if (done.succeeded()) {
          loop.live.put(sessionId, done.result());
          sessionByCode.put(done.result().info().code(), sessionId);
        } else {
          release(sessionId, loop);
        }
      });
      loop.loading.put(sessionId, load);
      return load;
    });
  }

  /** The loop that holds a session, given now to the loop holding the fewest when it has none. */
  private Loop assign(String sessionId) {
    return assign(sessionId, null);
  }

  /** As {@link #assign(String)}, but a session without a loop goes to {@code preferred} when given. */
  private Loop assign(String sessionId, Loop preferred) {
    return owners.computeIfAbsent(sessionId, id -> {
      Loop chosen = preferred != null ? preferred : leastLoaded();
      owned.incrementAndGet(chosen.index);
      return chosen;
    });
  }

  private void release(String sessionId, Loop loop) {
    if (owners.remove(sessionId, loop)) {
      owned.decrementAndGet(loop.index);
    }
  }

  private Loop leastLoaded() {
    int best = 0;
    for (int i = 1; i < loops.length(); i++) {
      if (owned.get(i) < owned.get(best)) {
        best = i;
      }
    }
    return loops.get(best);
  }

  /** Lets go of this loop's sessions nobody has been connected to for a while; the store keeps everything. */
  public void evictIdle() {
    Context here = Vertx.currentContext();
    for (int i = 0; i < loops.length(); i++) {
      Loop loop = loops.get(i);
      if (loop != null && loop.context == here) {
        loop.live.values().removeIf(hub -> {
          if (hub.idleFor(IDLE_NANOS)) {
            hub.close();
            sessionByCode.remove(hub.info().code(), hub.info().id());
            release(hub.info().id(), loop);
            return true;
          }
          return false;
        });
      }
    }
  }
}
