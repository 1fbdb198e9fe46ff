package nl.dialoogtafel.live.hub;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The connections of one session on this node: every phone and kiosk, the phones of each
 * participant, one encoded frame written to all of them, and who is online. It decides nothing
 * and stores nothing. It lives on the hub's event loop; its connections live on theirs, so a
 * frame goes to each loop once, as one task for all of that loop's connections.
 */
final class Room {

  /** The connections on one event loop, and who each of them is. */
  private static final class OnLoop {
    final Map<Connection, String> who = new LinkedHashMap<>();
    /** What the last task for this loop saw; rebuilt only after someone came or went. */
    List<Connection> snapshot = List.of();
    boolean changed;

    List<Connection> connections() {
      if (changed) {
        snapshot = List.copyOf(who.keySet());
        changed = false;
      }
      return snapshot;
    }
  }

  private final Context home;
  private final Map<Context, OnLoop> loops = new LinkedHashMap<>();
  private final Map<String, Set<Connection>> byParticipant = new HashMap<>();
  private final Presence presence;
  private int count;
  private volatile int online;
  private long idleSinceNanos = System.nanoTime();

  Room(Vertx vertx, Context home) {
    this.home = home;
    this.presence = new Presence(vertx, this::broadcastPresence);
  }

  /** A connection comes in; a participant's arrival is told to the room with the next presence. */
  void enter(Connection connection, String participantId) {
    OnLoop loop = loops.computeIfAbsent(connection.context(), c -> new OnLoop());
    if (loop.who.containsKey(connection)) {
      return;
    }
    loop.who.put(connection, participantId == null ? "" : participantId);
    loop.changed = true;
    count++;
    if (participantId != null) {
      byParticipant.computeIfAbsent(participantId, k -> new LinkedHashSet<>()).add(connection);
      online = byParticipant.size();
      presence.changed();
    }
  }

  void leave(Connection connection) {
    OnLoop loop = loops.get(connection.context());
    String participantId = loop == null ? null : loop.who.remove(connection);
    if (participantId == null) {
      return;
    }
    loop.changed = true;
    count--;
    if (!participantId.isEmpty()) {
      Set<Connection> own = byParticipant.get(participantId);
      if (own != null) {
        own.remove(connection);
        if (own.isEmpty()) {
          byParticipant.remove(participantId);
        }
      }
      online = byParticipant.size();
      presence.changed();
    }
    if (count == 0) {
      idleSinceNanos = System.nanoTime();
    }
  }

  /** One public event to every connection; each delivers it once and in order, or lets a slow phone go. */
  void fanOut(long seq, OutboundFrame frame) {
    forEachLoop(connection -> connection.deliver(seq, frame));
  }

  /** The connections of one participant (none when they are not here). */
  Set<Connection> of(String participantId) {
    return byParticipant.getOrDefault(participantId, Set.of());
  }

  /** An erased person's phones are closed with a code that tells them not to resume. */
  void letGo(String participantId) {
    for (Connection connection : List.copyOf(of(participantId))) {
      connection.close(Connection.CLOSE_ERASED, "erased");
    }
  }

  /** How many participants are online; read from any loop (the facilitator's API). */
  int online() {
    return online;
  }

  boolean emptyFor(long nanos) {
    return count == 0 && System.nanoTime() - idleSinceNanos > nanos;
  }

  /** Tells one connection (just welcomed) who is online now, without waiting for the next change. */
  void sendPresenceTo(Connection connection) {
    connection.write(presenceFrame());
  }

  private OutboundFrame presenceFrame() {
    JsonArray online = new JsonArray();
    byParticipant.keySet().forEach(online::add);
    return OutboundFrame.of(new JsonObject().put("type", "presence").put("online", online).encode());
  }

  private void broadcastPresence() {
    OutboundFrame frame = presenceFrame();
    forEachLoop(connection -> connection.offer(frame));
  }

  /** Runs {@code action} for every connection, on each connection's own loop: one task per loop. */
  private void forEachLoop(Consumer<Connection> action) {
    for (Map.Entry<Context, OnLoop> entry : loops.entrySet()) {
      List<Connection> connections = entry.getValue().connections();
      if (connections.isEmpty()) {
        continue;
      }
      if (entry.getKey() == home) {
        connections.forEach(action);
      } else {
        entry.getKey().runOnContext(v -> connections.forEach(action));
      }
    }
  }

  void close() {
    presence.cancel();
  }
}
