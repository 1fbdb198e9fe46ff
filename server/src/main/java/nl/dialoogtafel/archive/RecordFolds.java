package nl.dialoogtafel.archive;

import static com.mongodb.client.model.Filters.eq;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.ReplaceOptions;
import io.vertx.core.Future;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import nl.dialoogtafel.record.RecordCheck;
import nl.dialoogtafel.storage.Database;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * Folded records kept beside the record ({@code record_folds}: one document per closed session,
 * the {@link NarrativeRecord} as gzipped JSON with the head it was folded and verified at), so a
 * first view reads one document instead of every event: on the embedded store a 5,000-event
 * record costs 5,000 index look-ups with Java deserialisation each, most of a cold view's time.
 * A kept fold is used only at exactly the head read from the session document on that view; an
 * erasure or retention ({@link ArchiveCaches#forget}) deletes it before the store file is
 * rewritten, so erased words leave the file with it.
 *
 * <p>Trust: a kept fold is used only at a head this process has itself verified against the stored
 * events (on a view, or by the {@link RecordPreparer}'s pass at start-up, every few seconds for new
 * heads, and again for every record every {@link RecordPreparer#RECHECK}), so nothing verified before a
 * restart is trusted after it. A record that does not verify is never kept, and its old fold is
 * deleted; too big a fold (over {@link #MAX_BYTES} compressed) is not kept either. Blocking parts
 * run on the database workers.
 */
public final class RecordFolds {

  public static final String COLLECTION = "record_folds";
  /** Well below a document's 16 MiB. */
  static final int MAX_BYTES = 8 * 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final Database db;
  /** A fold read before a forget may hold erased words: it is written only while no forget came between. */
  private final Object writes = new Object();
  private long generation;
  /** The head at which this process verified each session's record. */
  private final java.util.concurrent.ConcurrentHashMap<String, RecordCheck.Head> verified =
      new java.util.concurrent.ConcurrentHashMap<>();

  public RecordFolds(Database db) {
    this.db = db;
  }

  /** Take before reading the store; {@link #keep} writes only if nothing was forgotten since. */
  public long ticket() {
    synchronized (writes) {
      return generation;
    }
  }

  /** The kept fold of this session at exactly {@code head}, if there is one. */
  public Future<Optional<NarrativeRecord>> at(String session, RecordCheck.Head head) {
    if (head == null || !head.equals(verified.get(session))) {
      return Future.succeededFuture(Optional.empty());
    }
    return db.call(() -> {
      Document doc = db.collection(COLLECTION).find(eq("_id", session)).first();
      if (doc == null || !head.hash().equals(doc.getString("hash"))
          || head.seq() != ((Number) doc.get("seq")).longValue()) {
        return Optional.<NarrativeRecord>empty();
      }
      return Optional.of(decode(((Binary) doc.get("gz")).getData()));
    });
  }

  /** Whether this process verified the session's record at exactly this head. */
  boolean verifiedAt(String session, RecordCheck.Head head) {
    return head != null && head.equals(verified.get(session));
  }

  /** Every record is verified again before its kept fold is used again. */
  void distrustAll() {
    verified.clear();
  }

  /**
   * Keeps a fold just read from the events and verified (blocking: call on a database worker); an
   * unverified record deletes the kept fold instead.
   */
  void keepNow(long ticket, NarrativeRecord record) {
    String session = record.session().id();
    if (record.head() == null || !record.integrity().valid()) {
      // Checked and found wanting: no fold is used, and the pass does not check it again until it moves.
      synchronized (writes) {
        if (record.head() != null && ticket == generation) {
          verified.put(session, record.head());
        }
        db.collection(COLLECTION).deleteOne(eq("_id", session));
      }
      return;
    }
    byte[] gz = encode(record);
    synchronized (writes) {
      if (ticket != generation) {
        return;
      }
      verified.put(session, record.head());
      if (gz.length > MAX_BYTES) {
        db.collection(COLLECTION).deleteOne(eq("_id", session));
        return;
      }
      if (same(db.collection(COLLECTION).find(eq("_id", session)).first(), record.head(), gz)) {
        // The very fold stored at this head (every record after a restart): one read instead of a durable write.
        return;
      }
      db.collection(COLLECTION).replaceOne(eq("_id", session), new Document("_id", session)
          .append("seq", record.head().seq()).append("hash", record.head().hash()).append("gz", new Binary(gz)),
          new ReplaceOptions().upsert(true));
    }
  }

  private static boolean same(Document kept, RecordCheck.Head head, byte[] gz) {
    return kept != null && kept.get("seq") instanceof Number seq && seq.longValue() == head.seq()
        && head.hash().equals(kept.getString("hash")) && kept.get("gz") instanceof Binary stored
        && java.util.Arrays.equals(stored.getData(), gz);
  }

  /** Keeps a verified fold in the background. */
  public Future<Void> keep(long ticket, NarrativeRecord record) {
    return db.call(() -> {
      keepNow(ticket, record);
      return null;
    });
  }

  /** Deletes the kept fold; completes when it is gone from the store. */
  public Future<Void> forget(String session) {
    synchronized (writes) {
      generation++;
      verified.remove(session);
    }
    return db.call(() -> {
      synchronized (writes) {
        db.collection(COLLECTION).deleteOne(eq("_id", session));
      }
      return null;
    });
  }

  static byte[] encode(NarrativeRecord record) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes, 64 * 1024)) {
      JSON.writeValue(gz, record);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static NarrativeRecord decode(byte[] gz) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz), 64 * 1024)) {
      return JSON.readValue(in, NarrativeRecord.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
