package nl.dialoogtafel.live.hub;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
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

  /** Who a connection is to the room: its participant ("" for a kiosk), and whether it asked for a snapshot. */
  private record Guest(String participantId, boolean coalescesJoins) {}

  /** Which of a loop's connections an event is for. */
  private enum Who { EVERYONE, EVERY_JOIN, JOINS_COALESCED }

  /** The connections on one event loop. */
  private static final class OnLoop {
    final Map<Connection, Guest> guests = new LinkedHashMap<>();
    /** What the last task for this loop saw; rebuilt only after someone came or went. */
    private List<Connection> all = List.of();
    private List<Connection> v1 = List.of();
    private List<Connection> coalescing = List.of();
    boolean changed;

    List<Connection> connections(Who who) {
      if (changed) {
        List<Connection> plain = new ArrayList<>();
        List<Connection> gathered = new ArrayList<>();
        guests.forEach((connection, guest) -> (guest.coalescesJoins() ? gathered : plain).add(connection));
        all = List.copyOf(guests.keySet());
        v1 = List.copyOf(plain);
        coalescing = List.copyOf(gathered);
        changed = false;
      }
      return switch (who) {
        case EVERYONE -> all;
        case EVERY_JOIN -> v1;
        case JOINS_COALESCED -> coalescing;
      };
    }
  }

  private final Context home;
  private final Map<Context, OnLoop> loops = new LinkedHashMap<>();
  private final Map<String, Set<Connection>> byParticipant = new HashMap<>();
  private final Presence presence;
  private final JoinCoalescer joins;
  private int count;
  private volatile int online;
  private long idleSinceNanos = System.nanoTime();

  Room(Vertx vertx, Context home) {
    this.home = home;
    this.presence = new Presence(vertx, this::broadcastPresence);
    this.joins = new JoinCoalescer(vertx, this::fanOutJoins);
  }

  /**
   * A connection comes in; a participant's arrival is told to the room with the next presence.
   * {@code coalescesJoins}: it asked for a snapshot and gets joins in {@code people} frames.
   */
  void enter(Connection connection, String participantId, boolean coalescesJoins) {
    OnLoop loop = loops.computeIfAbsent(connection.context(), c -> new OnLoop());
    Guest before = loop.guests.put(connection, new Guest(participantId == null ? "" : participantId, coalescesJoins));
    loop.changed = true;
    if (before != null) {
      return;
    }
    count++;
    if (participantId != null) {
      byParticipant.computeIfAbsent(participantId, k -> new LinkedHashSet<>()).add(connection);
      online = byParticipant.size();
      presence.changed();
    }
  }

  void leave(Connection connection) {
    OnLoop loop = loops.get(connection.context());
    Guest guest = loop == null ? null : loop.guests.remove(connection);
    if (guest == null) {
      return;
    }
    loop.changed = true;
    count--;
    if (!guest.participantId().isEmpty()) {
      Set<Connection> own = byParticipant.get(guest.participantId());
      if (own != null) {
        own.remove(connection);
        if (own.isEmpty()) {
          byParticipant.remove(guest.participantId());
        }
      }
      online = byParticipant.size();
      presence.changed();
    }
    if (count == 0) {
      idleSinceNanos = System.nanoTime();
    }
  }

  /**
   * One public event to every connection; each delivers it once and in order, or lets a slow phone
   * go. A join ({@code joined} is the person) reaches the connections that asked for a snapshot
   * with the next {@code people} frame instead; any other event first sends them the joins before it.
   */
  void fanOut(long seq, OutboundFrame frame, JsonObject joined) {
    if (joined == null) {
      joins.flush();
      forEachLoop(Who.EVERYONE, connection -> connection.deliver(seq, frame));
    } else {
      forEachLoop(Who.EVERY_JOIN, connection -> connection.deliver(seq, frame));
      joins.joined(seq, joined);
    }
  }

  private void fanOutJoins(long upTo, OutboundFrame frame) {
    forEachLoop(Who.JOINS_COALESCED, connection -> connection.deliver(upTo, frame));
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
    forEachLoop(Who.EVERYONE, connection -> connection.offer(frame));
  }

  /** Runs {@code action} for the connections asked for, on each one's own loop: one task per loop. */
  private void forEachLoop(Who who, Consumer<Connection> action) {
    for (Map.Entry<Context, OnLoop> entry : loops.entrySet()) {
      List<Connection> connections = entry.getValue().connections(who);
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
    joins.cancel();
  }
}
