package nl.dialoogtafel.storage;

import io.vertx.core.Future;

/**
 * Told when what a session's record shows was rewritten in place (a withdrawn post's words
 * erased, a person erased, names removed after the retention period). Such a rewrite does not
 * move the record's head, so whoever keeps something folded from the record (the archive's caches,
 * which also store search entries) must hear of it. The future completes once they have let go
 * of it, stored copies included, so an erasure can rewrite the store file after it.
 */
@FunctionalInterface
public interface RecordRewrites {

  RecordRewrites NONE = session -> Future.succeededFuture();

  Future<Void> rewritten(String session);
}
