package nl.dialoogtafel.live;

import nl.dialoogtafel.record.ContactStore;
import nl.dialoogtafel.record.EventStore;
import nl.dialoogtafel.record.ParticipantStore;
import nl.dialoogtafel.record.RecordRewrites;
import nl.dialoogtafel.record.SessionStore;
import nl.dialoogtafel.storage.Database;

/** The stores a live session writes to, opened once on one database. */
public record Stores(
    EventStore events, ParticipantStore participants, ContactStore contacts, SessionStore sessions, String joinSecret,
    Database database) {

  public static Stores on(Database db) {
    return on(db, RecordRewrites.NONE);
  }

  /** {@code rewrites} hears of every stored event rewritten in place (see {@link RecordRewrites}). */
  public static Stores on(Database db, RecordRewrites rewrites) {
    return new Stores(new EventStore(db, rewrites), new ParticipantStore(db), new ContactStore(db),
        new SessionStore(db), db.joinSecret(), db);
  }
}
