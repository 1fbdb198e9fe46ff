package nl.dialoogtafel.live.hub;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The connections of one session on this node: every phone and kiosk, the phones of each
 * participant, one encoded frame written to all of them, and who is online. It decides nothing
 * and stores nothing, so any node holding phones of a session can keep a room for it.
 */
final class Room {

  private final Set<Connection> connections = new LinkedHashSet<>();
  private final Map<String, Set<Connection>> byParticipant = new HashMap<>();
  private final Presence presence;
  private final JoinCoalescer joins;
  private long idleSinceNanos = System.nanoTime();

  Room(Vertx vertx) {
    this.presence = new Presence(vertx, this::broadcastPresence);
    this.joins = new JoinCoalescer(vertx, this::fanOutJoins);
  }

  /** A connection comes in; a participant's arrival is told to the room with the next presence. */
  void enter(Connection connection) {
    connections.add(connection);
    if (connection.participantId() != null) {
      byParticipant.computeIfAbsent(connection.participantId(), k -> new LinkedHashSet<>()).add(connection);
      presence.changed();
    }
  }

  void leave(Connection connection) {
    connections.remove(connection);
    if (connection.participantId() != null) {
      Set<Connection> own = byParticipant.get(connection.participantId());
      if (own != null) {
        own.remove(connection);
        if (own.isEmpty()) {
          byParticipant.remove(connection.participantId());
        }
      }
      presence.changed();
    }
    if (connections.isEmpty()) {
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
    }
    for (Connection connection : List.copyOf(connections)) {
      if (joined == null || !connection.coalescesJoins()) {
        connection.deliver(seq, frame);
      }
    }
    if (joined != null) {
      joins.joined(seq, joined);
    }
  }

  private void fanOutJoins(long upTo, OutboundFrame frame) {
    for (Connection connection : List.copyOf(connections)) {
      if (connection.coalescesJoins()) {
        connection.deliver(upTo, frame);
      }
    }
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

  int online() {
    return byParticipant.size();
  }

  boolean emptyFor(long nanos) {
    return connections.isEmpty() && System.nanoTime() - idleSinceNanos > nanos;
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
    for (Connection connection : connections) {
      connection.offer(frame);
    }
  }

  void close() {
    presence.cancel();
    joins.cancel();
  }
}
