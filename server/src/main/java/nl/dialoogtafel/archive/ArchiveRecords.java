package nl.dialoogtafel.archive;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * The folded record of an archived session, for the pages that show it: from the {@link RecordCache}
 * while the head just read from the session document is the one it was folded at, else from the
 * fold kept beside the record ({@link RecordFolds}) at that head, otherwise read, folded and
 * verified from the store (and kept in both for the next view). After the record grew, the read
 * may be of the new events only ({@link KeptEvents}); that fold goes in the cache, not beside the
 * record: the preparer verifies the whole record against the store within seconds.
 */
public final class ArchiveRecords {

  private final RecordSource source;
  private final RecordCache cache;
  private final RecordFolds folds;

  public ArchiveRecords(RecordSource source, RecordCache cache, RecordFolds folds) {
    this.source = source;
    this.cache = cache;
    this.folds = folds;
  }

  /** {@code session} must be freshly read: its head decides whether the kept record still holds. */
  public Future<NarrativeRecord> narrative(ArchivedSession session) {
    String id = session.info().id();
    Optional<NarrativeRecord> kept = cache.get(id, session.head());
    if (kept.isPresent()) {
      return Future.succeededFuture(kept.get());
    }
    long ticket = cache.ticket();
    long foldTicket = folds.ticket();
    return folds.at(id, session.head()).otherwise(Optional.empty()).compose(stored -> {
      if (stored.isPresent()) {
        cache.put(ticket, id, stored.get());
        return Future.succeededFuture(stored.get());
      }
      return source.folded(session).onSuccess(folded -> {
        cache.put(ticket, id, folded.record(), folded.ageNanos());
        // Beside the record only what was read whole here: a kept fold is one verified against the store.
        if (folded.whole() && !folded.shared()) {
          folds.keep(foldTicket, folded.record());
        }
      }).map(RecordSource.Folded::record);
    });
  }
}
