package nl.dialoogtafel.archive;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * The folded record of an archived session, for the pages that show it: from the {@link RecordCache}
 * while the head just read from the session document is the one it was folded at, otherwise read,
 * folded and verified from the store (and kept for the next view).
 */
public final class ArchiveRecords {

  private final RecordSource source;
  private final RecordCache cache;

  public ArchiveRecords(RecordSource source, RecordCache cache) {
    this.source = source;
    this.cache = cache;
  }

  /** {@code session} must be freshly read: its head decides whether the kept record still holds. */
  public Future<NarrativeRecord> narrative(ArchivedSession session) {
    String id = session.info().id();
    Optional<NarrativeRecord> kept = cache.get(id, session.head());
    if (kept.isPresent()) {
      return Future.succeededFuture(kept.get());
    }
    long ticket = cache.ticket();
    return source.narrative(session).onSuccess(record -> cache.put(ticket, id, record));
  }
}
