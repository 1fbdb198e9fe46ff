package nl.dialoogtafel.storage;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import nl.dialoogtafel.dialogue.SessionStatus;
import org.bson.Document;

/**
 * A counter in the shared store that moves whenever something the archive's search index holds
 * may have changed: a session's status or head (closing, a late withdrawal, a harvest), or a
 * rewrite in place (an erasure, a municipality's answer; these also raise the session's
 * {@code archiveRevision}). A node's index that followed the store up to the current mark need not
 * look at the sessions at all; any other mark makes it compare every closed session's head and
 * revision once. Kept in {@code meta}: one document read by its id, cheap on every store. Blocking.
 */
public final class ArchiveChanges {

  public static final String REVISION = "archiveRevision";
  private static final String ID = "archive:changes";

  private ArchiveChanges() {}

  /** Moves the mark; call after the change is stored. */
  public static void count(Database db) {
    db.collection(Database.META).updateOne(eq("_id", ID), Updates.inc("n", 1L), new UpdateOptions().upsert(true));
  }

  /**
   * Raises a session's revision and moves the mark, when the session is closed (only closed
   * sessions are in the archive; an open one is read afresh when it closes).
   */
  public static void touch(Database db, String session) {
    Document before = db.collection(Database.SESSIONS).findOneAndUpdate(eq("_id", session),
        Updates.inc(REVISION, 1L), new FindOneAndUpdateOptions().projection(Projections.include("status")));
    if (before != null && SessionStatus.CLOSED.wire().equals(before.getString("status"))) {
      count(db);
    }
  }

  /** The current mark: the store's own random epoch and the counter, "epoch:n". */
  public static String mark(Database db) {
    Document found = db.collection(Database.META).find(eq("_id", ID)).first();
    if (found == null || found.getString("epoch") == null) {
      try {
        db.collection(Database.META).updateOne(and(eq("_id", ID), exists("epoch", false)),
            Updates.set("epoch", Ids.secret().substring(0, 16)), new UpdateOptions().upsert(true));
      } catch (RuntimeException raced) {
        // Another node gave the epoch at the same moment: theirs is read below.
        if (!Documents.isDuplicateKey(raced)) {
          throw raced;
        }
      }
      found = db.collection(Database.META).find(eq("_id", ID)).first();
    }
    Object n = found.get("n");
    return found.getString("epoch") + ":" + (n instanceof Number number ? number.longValue() : 0);
  }
}
