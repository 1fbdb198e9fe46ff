package nl.dialoogtafel.storage;

import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bson.Document;

/**
 * Reads one session's events by their slot: every stored event carries {@code slot} =
 * {@code <session>#<seq>}, unique and indexed. The embedded store serves a query from an index
 * only when it asks for exact keys of a single-field unique index ({@code slot $in [...]}); any
 * other query, {@code session} and {@code seq > n} included, walks every event of every session.
 * Asking for exact slots makes a {@code resume} or a record's first view cost what that session
 * holds, not what the archive holds; a real MongoDB answers the same query from the same index.
 * Blocking: call on the database workers.
 */
public final class EventSlots {

  public static final String FIELD = "slot";
  /** Slots asked for in one query: large enough for few round trips, small enough for one message. */
  static final int CHUNK = 512;

  private EventSlots() {}

  public static String of(String session, long seq) {
    return session + "#" + seq;
  }

  /**
   * The events with {@code after < seq <= upTo}, in order. A session's seqs have no gaps, so the
   * first slot not found ends the record ({@code upTo} may be {@code Long.MAX_VALUE}).
   */
  public static List<Document> read(MongoCollection<Document> events, String session, long after, long upTo) {
    List<Document> found = new ArrayList<>();
    long from = after + 1;
    while (from <= upTo) {
      long to = upTo - from < CHUNK ? upTo : from + CHUNK - 1;
      List<String> slots = new ArrayList<>((int) (to - from + 1));
      for (long seq = from; seq <= to; seq++) {
        slots.add(of(session, seq));
      }
      int before = found.size();
      events.find(in(FIELD, slots)).into(found);
      if (found.size() - before < slots.size() || to == upTo) {
        break;
      }
      from = to + 1;
    }
    found.sort(Comparator.comparingLong(doc -> ((Number) doc.get("seq")).longValue()));
    return found;
  }
}
