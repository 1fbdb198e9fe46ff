package nl.dialoogtafel.archive;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.model.ReplaceOptions;
import io.vertx.core.Future;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.dialoogtafel.storage.Database;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * Record PDFs kept beside the record ({@code record_pdfs}), so a download sends stored bytes instead
 * of laying out hundreds of pages per request. One PDF per session and language, stored in chunks of
 * {@link #CHUNK} bytes: a head document {@code <session>/<lang>} with the key the PDF was made at
 * and its size, and the chunks {@code <session>/<lang>#<n>}. Every read and delete asks for exact
 * {@code _id}s, the one kind of query the embedded store answers from an index (GridFS would ask for
 * {@code files_id} and walk every chunk of the archive there); a shared MongoDB serves the same.
 *
 * <p>A PDF is used only at exactly the key it was made at (the record's head and verdict, the
 * municipality's answers, the language and the template: {@code RecordPdfs}). {@link #forget}
 * deletes every language's PDF before an erasure rewrites the store file, and a PDF rendered from
 * what was read before a forget is not stored ({@link #ticket}). Blocking parts run on the database
 * workers.
 */
public final class StoredPdfs {

  public static final String COLLECTION = "record_pdfs";
  /** Well below a document's 16 MiB. */
  static final int CHUNK = 1024 * 1024;
  /** A PDF bigger than this is not kept (a 5,000-event record makes a few MB). */
  public static final int MAX_BYTES = 64 * CHUNK;
  /** The languages a PDF may be stored in (the archive's pages: Dutch, English). */
  private static final List<String> LANGUAGES = List.of("nl", "en");

  private final Database db;
  private final Object writes = new Object();
  private long generation;

  public StoredPdfs(Database db) {
    this.db = db;
  }

  /** Take before reading what the PDF is made of; {@link #keepNow} stores only if nothing was forgotten since. */
  public long ticket() {
    synchronized (writes) {
      return generation;
    }
  }

  /** Whether a PDF made at exactly this key is stored (one document read). */
  public Future<Boolean> has(String session, String lang, String key) {
    return db.call(() -> {
      Document head = db.collection(COLLECTION).find(eq("_id", head(session, lang))).first();
      return head != null && key.equals(head.getString("key"));
    });
  }

  /** The PDF made at exactly this key, if it is stored whole. */
  public Future<Optional<byte[]>> find(String session, String lang, String key) {
    return db.call(() -> {
      Document head = db.collection(COLLECTION).find(eq("_id", head(session, lang))).first();
      if (head == null || !key.equals(head.getString("key"))) {
        return Optional.<byte[]>empty();
      }
      int chunks = head.getInteger("chunks");
      int size = head.getInteger("size");
      Map<String, byte[]> found = new HashMap<>();
      for (Document c : db.collection(COLLECTION).find(in("_id", chunkIds(session, lang, chunks)))) {
        found.put(c.getString("_id"), ((Binary) c.get("data")).getData());
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(size);
      for (String id : chunkIds(session, lang, chunks)) {
        byte[] part = found.get(id);
        if (part == null) {
          return Optional.<byte[]>empty();
        }
        out.write(part, 0, part.length);
      }
      return out.size() == size ? Optional.of(out.toByteArray()) : Optional.<byte[]>empty();
    });
  }

  /**
   * Stores a PDF made at {@code key} (blocking: call on a database worker); false, and nothing
   * stored, when a forget came after {@code ticket} or the PDF is too big.
   */
  public boolean keepNow(long ticket, String session, String lang, String key, byte[] pdf) {
    if (pdf.length > MAX_BYTES) {
      return false;
    }
    synchronized (writes) {
      if (ticket != generation) {
        return false;
      }
      // The head goes first and comes last, so a half-written PDF is never read as whole.
      db.collection(COLLECTION).deleteOne(eq("_id", head(session, lang)));
      int chunks = (pdf.length + CHUNK - 1) / CHUNK;
      List<String> ids = chunkIds(session, lang, chunks);
      for (int n = 0; n < chunks; n++) {
        int from = n * CHUNK;
        byte[] part = java.util.Arrays.copyOfRange(pdf, from, Math.min(pdf.length, from + CHUNK));
        db.collection(COLLECTION).replaceOne(eq("_id", ids.get(n)),
            new Document("_id", ids.get(n)).append("data", new Binary(part)), new ReplaceOptions().upsert(true));
      }
      List<String> beyond = chunkIds(session, lang, MAX_BYTES / CHUNK).subList(chunks, MAX_BYTES / CHUNK);
      db.collection(COLLECTION).deleteMany(in("_id", beyond));
      db.collection(COLLECTION).insertOne(new Document("_id", head(session, lang)).append("session", session)
          .append("lang", lang).append("key", key).append("size", pdf.length).append("chunks", chunks));
      return true;
    }
  }

  /** Deletes the session's PDFs in every language; completes when they are gone from the store. */
  public Future<Void> forget(String session) {
    synchronized (writes) {
      generation++;
    }
    return db.call(() -> {
      synchronized (writes) {
        for (String lang : LANGUAGES) {
          List<String> ids = new ArrayList<>(chunkIds(session, lang, MAX_BYTES / CHUNK));
          ids.add(head(session, lang));
          db.collection(COLLECTION).deleteMany(in("_id", ids));
        }
      }
      return null;
    });
  }

  private static String head(String session, String lang) {
    return session + "/" + lang;
  }

  private static List<String> chunkIds(String session, String lang, int count) {
    List<String> out = new ArrayList<>(count);
    for (int n = 0; n < count; n++) {
      out.add(session + "/" + lang + "#" + n);
    }
    return out;
  }
}
