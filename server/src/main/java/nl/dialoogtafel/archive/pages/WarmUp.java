package nl.dialoogtafel.archive.pages;

import io.vertx.core.Future;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.dialoogtafel.archive.ArchiveIndex;
import nl.dialoogtafel.archive.ArchiveRecords;
import nl.dialoogtafel.archive.IndexEntry;
import nl.dialoogtafel.archive.RecordSource;
import nl.dialoogtafel.http.PageRenderer;
import nl.dialoogtafel.templates.TemplateCatalog;

/**
 * The first record a reader opens after a start would pay for parsing the templates and for a
 * cold JIT (1.5–9 s measured for a 5,000-event record against ~0.1–1 s warm). So, once after
 * start-up, the biggest closed record (up to {@link #MOST_EVENTS} events) is read and its page
 * rendered a few times on the page pool and thrown away: never on an event loop, and nothing is
 * sent or logged. An empty archive warms nothing. It comes after the search index's first follow
 * of the store (see {@link #run}).
 */
public final class WarmUp {

  static final long MOST_EVENTS = 10_000;
  static final int RENDERS = 3;

  private WarmUp() {}

  /**
   * Completes with the number of page renders made (0 for an empty archive); never fails. Waits for
   * the search index's first follow of the store after the start, and takes the biggest record from
   * its entries: no walk over the sessions beside the index's own at start-up.
   */
  public static Future<Integer> run(ArchiveIndex index, RecordSource source, ArchiveRecords records,
      PageRenderer pages, TemplateCatalog templates) {
    return index.followedOnce().transform(done -> index.closed(session -> true)).map(WarmUp::biggest)
        .compose(id -> id.isEmpty() ? Future.succeededFuture(Optional.empty()) : source.session(id.get()))
        .compose(found -> found.isEmpty() || !found.get().closed() ? Future.succeededFuture(0)
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

  private static Optional<String> biggest(List<IndexEntry> entries) {
    return entries.stream().filter(e -> e.seq() <= MOST_EVENTS).max(Comparator.comparingLong(IndexEntry::seq))
        .map(IndexEntry::id);
  }
}
