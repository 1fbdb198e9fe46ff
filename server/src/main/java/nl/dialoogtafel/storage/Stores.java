package nl.dialoogtafel.storage;


/** The stores a live session writes to, opened once on one database. */
public record Stores(
    EventStore events, ParticipantStore participants, ContactStore contacts, SessionStore sessions, String joinSecret,
    Database database) {

  public static Stores on(Database db) {
    return on(db, RecordRewrites.NONE);
  }

  /** {@code rewrites} hears of every stored event rewritten in place (see {@link RecordRewrites}). */
  public static Stores on(Database db, RecordRewrites rewrites) {
    return on(db, rewrites, AppendWatch.NONE);
  }

  /** As {@link #on(Database, RecordRewrites)}, and {@code appends} times every append of the record. */
  public static Stores on(Database db, RecordRewrites rewrites, AppendWatch appends) {
    return new Stores(new EventStore(db, rewrites, appends), new ParticipantStore(db), new ContactStore(db),
        new SessionStore(db), db.joinSecret(), db);
  }

  /** The posts waiting for the facilitator (pre-moderation); a thin view on the same database. */
  public WaitingStore waiting() {
    return new WaitingStore(database);
  }
}
