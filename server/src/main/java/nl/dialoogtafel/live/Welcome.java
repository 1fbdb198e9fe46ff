package nl.dialoogtafel.live;

import io.vertx.core.json.JsonObject;
import java.util.List;
import nl.dialoogtafel.live.hub.SessionHub;

/**
 * Puts already-encoded events (or an already-encoded snapshot) into a {@code welcome} or
 * {@code watching} reply, so a join costs string concatenation, not re-encoding the whole record.
 */
final class Welcome {

  private Welcome() {}

  /** The reply for what a connection attached with: its snapshot, or its events. */
  static String of(JsonObject head, SessionHub.Attached attached) {
    return attached.snapshot() != null ? withSnapshot(head, attached.snapshot()) : withEvents(head, attached.events());
  }

  static String withEvents(JsonObject head, List<String> events) {
    String encodedHead = head.encode();
    int size = encodedHead.length() + 16;
    for (String event : events) {
      size += event.length() + 1;
    }
    StringBuilder out = new StringBuilder(size);
    out.append(encodedHead, 0, encodedHead.length() - 1).append(",\"events\":[");
    for (int i = 0; i < events.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(events.get(i));
    }
    return out.append("]}").toString();
  }

  /** The reply to a client that asked for a snapshot: the state at its seq, then no events yet. */
  static String withSnapshot(JsonObject head, String snapshot) {
    String encodedHead = head.encode();
    return new StringBuilder(encodedHead.length() + snapshot.length() + 32)
        .append(encodedHead, 0, encodedHead.length() - 1).append(",\"snapshot\":").append(snapshot)
        .append(",\"events\":[]}").toString();
  }
}
