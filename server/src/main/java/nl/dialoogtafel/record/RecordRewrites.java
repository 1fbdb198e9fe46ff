package nl.dialoogtafel.record;

/**
 * Told when stored events of a session were rewritten in place (a withdrawn post's words erased).
 * Such a rewrite does not move the record's head, so whoever keeps something folded from the
 * record (the archive's caches) must hear of it. Called on a database worker, after the rewrite
 * is stored; an implementation must be quick and must not throw.
 */
@FunctionalInterface
public interface RecordRewrites {

  RecordRewrites NONE = session -> {};

  void rewritten(String session);
}
