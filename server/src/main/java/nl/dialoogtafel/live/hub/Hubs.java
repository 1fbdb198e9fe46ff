package nl.dialoogtafel.live.hub;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import nl.dialoogtafel.http.Refusal;
import nl.dialoogtafel.record.SessionInfo;
import nl.dialoogtafel.storage.Stores;

/**
 * The live sessions of this node, spread over its event loops: each session belongs to one loop
 * (chosen from its id, so every loop finds the same one without asking), and its hub lives there.
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
  /** Live sessions per loop, readable from anywhere (the node's report). */
  private final AtomicIntegerArray liveCounts;
  private int joined;
  private final Promise<Void> allJoined = Promise.promise();
  /** Join code to session id, for every session live on any loop. */
  private final Map<String, String> sessionByCode = new ConcurrentHashMap<>();

  /** Hubs for {@code loops} event loops; each loop's verticle calls {@link #serve} once at start. */
  public Hubs(Vertx vertx, Stores stores, int loops) {
    if (loops < 1) {
      throw new IllegalArgumentException("at least one event loop");
    }
    this.vertx = vertx;
    this.stores = stores;
    this.loops = new AtomicReferenceArray<>(loops);
    this.liveCounts = new AtomicIntegerArray(loops);
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

  /** How many sessions are live on the loop of {@code context}; readable from any thread. */
  public int liveSessionsOn(Context context) {
    for (int i = 0; i < loops.length(); i++) {
      Loop loop = loops.get(i);
      if (loop != null && loop.context == context) {
        return liveCounts.get(i);
      }
    }
    return 0;
  }

  /** The hub of a session, or a failed future with {@code unknown_session}. */
  public Future<SessionHub> byId(String sessionId) {
    Loop loop = loopOf(sessionId);
    return Loops.on(loop.context, () -> {
      SessionHub hub = loop.live.get(sessionId);
      return hub != null ? Future.succeededFuture(hub) : stores.sessions().find(sessionId).compose(this::load);
    });
  }

  /** Joins are answered from memory once a session is live; only a first join reads the store. */
  public Future<SessionHub> byCode(String code) {
    String sessionId = sessionByCode.get(code);
    if (sessionId != null) {
      return byId(sessionId);
    }
    return stores.sessions().findByCode(code).compose(found -> found.isEmpty()
        ? Future.failedFuture(Refusal.of("unknown_session"))
        : byId(found.get().id()));
  }

  /** On the session's own loop: the live hub, the one being loaded, or a new load. */
  private Future<SessionHub> load(Optional<SessionInfo> found) {
    if (found.isEmpty()) {
      return Future.failedFuture(Refusal.of("unknown_session"));
    }
    SessionInfo info = found.get();
    Loop loop = loopOf(info.id());
    SessionHub hub = loop.live.get(info.id());
    if (hub != null) {
      return Future.succeededFuture(hub);
    }
    return loop.loading.computeIfAbsent(info.id(), id -> SessionHub.load(vertx, stores, info)
        .onComplete(done -> {
          loop.loading.remove(id);
          if (done.succeeded()) {
            loop.live.put(id, done.result());
            liveCounts.incrementAndGet(loop.index);
            sessionByCode.put(info.code(), id);
          }
        }));
  }

  /**
   * The loop a session belongs to. From its id, not from who asked first: every loop finds
   * the same one, and two loops can never both hold the session.
   */
  private Loop loopOf(String sessionId) {
    int spread = sessionId.hashCode() * 0x9E3779B9;
    return loops.get(Math.floorMod(spread ^ (spread >>> 16), loops.length()));
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
            liveCounts.decrementAndGet(loop.index);
            sessionByCode.remove(hub.info().code(), hub.info().id());
            return true;
          }
          return false;
        });
      }
    }
  }
}
