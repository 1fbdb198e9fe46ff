package nl.dialoogtafel.archive.pages;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.Projections;
import io.vertx.core.Future;
import java.util.Map;
import java.util.Optional;
import nl.dialoogtafel.archive.ArchiveRecords;
import nl.dialoogtafel.archive.RecordSource;
import nl.dialoogtafel.dialogue.SessionStatus;
import nl.dialoogtafel.http.PageRenderer;
import nl.dialoogtafel.storage.Database;
import nl.dialoogtafel.templates.TemplateCatalog;
import org.bson.Document;

/**
 * The first record a reader opens after a start would pay for parsing the templates and for a
 * cold JIT (1.5–9 s measured for a 5,000-event record against ~0.1–1 s warm). So, once after
 * start-up, the biggest closed record (up to {@link #MOST_EVENTS} events) is read and its page
 * rendered a few times on the page pool and thrown away: never on an event loop, and nothing is
 * sent or logged. An empty archive warms nothing.
 */
public final class WarmUp {

  static final long MOST_EVENTS = 10_000;
  static final int RENDERS = 3;

  private WarmUp() {}

  /** Completes with the number of page renders made (0 for an empty archive); never fails. */
  public static Future<Integer> run(RecordSource source, ArchiveRecords records, PageRenderer pages,
      TemplateCatalog templates) {
    Database db = source.database();
    return db.call(() -> biggestClosed(db)).compose(id -> id.isEmpty() ? Future.succeededFuture(Optional.empty())
            : source.session(id.get()))
        .compose(found -> found.isEmpty() ? Future.succeededFuture(0)
            : records.narrative(found.get()).compose(record -> pages.blocking(() -> {
              Map<String, Object> model = RecordModel.of(null, "/archief/" + found.get().info().id(), found.get(),
                  record, Map.of(), Map.of(), "nl", templates);
              model.put("langUrl", "/archief?lang=en");
              model.put("pdfReady", true);
              for (int i = 0; i < RENDERS; i++) {
                pages.render("record", "nl", model);
              }
              return RENDERS;
            })))
        .otherwise(0);
  }

  private static Optional<String> biggestClosed(Database db) {
    String best = null;
    long most = -1;
    for (Document doc : db.collection(Database.SESSIONS).find(eq("status", SessionStatus.CLOSED.wire()))
        .projection(Projections.include("head"))) {
      Document head = (Document) doc.get("head");
      long seq = head == null ? -1 : ((Number) head.get("seq")).longValue();
      if (seq > most && seq <= MOST_EVENTS) {
        most = seq;
        best = doc.getString("_id");
      }
    }
    return Optional.ofNullable(best);
  }
}
