package nl.dialoogtafel.archive;

import io.vertx.core.json.JsonObject;
import nl.dialoogtafel.dialogue.SessionStatus;
import nl.dialoogtafel.record.RecordCheck;
import nl.dialoogtafel.record.SessionInfo;

/** A session document as the archive needs it: the session and the record's head outside the chain. */
public record ArchivedSession(SessionInfo info, RecordCheck.Head head) {

  public boolean closed() {
    return info.status() == SessionStatus.CLOSED;
  }

  static ArchivedSession fromJson(JsonObject json) {
    JsonObject head = json.getJsonObject("head");
    return new ArchivedSession(SessionInfo.fromJson(json),
        head == null ? null : new RecordCheck.Head(head.getLong("seq", 0L), head.getString("hash")));
  }
}
