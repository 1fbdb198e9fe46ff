package nl.dialoogtafel.archive;

import io.vertx.core.Future;
import nl.dialoogtafel.storage.RecordRewrites;

/**
 * What the archive keeps in memory, folded from the stored records: the {@link RecordCache} and
 * the {@link ArchiveIndex}. Both follow the record's head by themselves; this is the one place to
 * tell them that a session's stored events were rewritten in place (the head then stays the same).
 * The event store calls it for every erasure it makes; anyone who changes stored events or a
 * session's people another way must call {@link #forget} after the change is stored.
 */
public final class ArchiveCaches implements RecordRewrites, AutoCloseable {

  private final RecordSource source;
  private final RecordCache records;
  private final ArchiveIndex index;
  private final RecordFolds folds;
  private final RecordPreparer preparer;
  private final StoredPdfs pdfs;

  public ArchiveCaches(RecordSource source, RecordCache records, ArchiveIndex index, RecordFolds folds,
      RecordPreparer preparer, StoredPdfs pdfs) {
    this.source = source;
    this.records = records;
    this.index = index;
    this.folds = folds;
    this.preparer = preparer;
    this.pdfs = pdfs;
  }

  /**
   * Runs a pass of the {@link RecordPreparer} now (it also runs by itself every few seconds):
   * completes with the number of records folded, verified and kept beside the record, or −1 at
   * once when a pass is already under way.
   */
  public Future<Integer> prepare() {
    return preparer.pass();
  }

  /**
   * Forgets everything kept of this session: the next view reads, folds and verifies its record
   * again, and the next search rebuilds its entry. The record cache and the events kept of the
   * session ({@link KeptEvents}, with any fold of it under way) forget at once; the future
   * completes when the session's words are out of the search index's files and the kept fold
   * ({@link RecordFolds}) and its stored PDFs ({@link StoredPdfs}) are gone too.
   */
  public Future<Void> forget(String sessionId) {
    records.forget(sessionId);
    source.forget(sessionId);
    Future<Void> fold = folds.forget(sessionId);
    Future<Void> pdf = pdfs.forget(sessionId);
    return Future.all(index.forget(sessionId), fold, pdf).mapEmpty();
  }

  @Override
  public Future<Void> rewritten(String session) {
    return forget(session);
  }

  /** The events kept of recently read records (for tests). */
  KeptEvents keptEvents() {
    return source.kept();
  }

  /** Closes the search index (its files stay for the next start). */
  @Override
  public void close() throws java.io.IOException {
    index.close();
  }
}
