package nl.dialoogtafel.live.hub;

import nl.dialoogtafel.dialogue.SessionEvent;
import nl.dialoogtafel.record.StoredEvent;

/** One public event of the record, as stored (seq, time, hashes) and as the domain event it is. */
public record Recorded(StoredEvent stored, SessionEvent event) {

  public long seq() {
    return stored.seq();
  }
}
