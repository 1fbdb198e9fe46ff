package nl.dialoogtafel.archive;

import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.dialoogtafel.archive.search.AskedWords;
import nl.dialoogtafel.archive.search.Highlight;
import nl.dialoogtafel.archive.search.Scope;
import nl.dialoogtafel.archive.search.SearchIndex;
import nl.dialoogtafel.http.Account;

/**
 * Finding a session in the archive: the closed sessions this account may read, narrowed by
 * municipality, community, period and theme (the dialogue template), and by words of their
 * stories, knelpunten, harvest, agreements and the municipality's answers — in Dutch: stems
 * ("kind" finds "kinderen"), accents folded, "phrases in quotes", the field's synonyms. With words
 * the best match comes first, with up to two highlighted passages; without words the newest first.
 * Who may read what is part of the Lucene query itself ({@link Scope}), as in {@link ArchiveAccess}.
 */
public final class ArchiveSearch {

  public static final int MAX_RESULTS = 200;
  /** Hits that get passages: the top of the page (passages cost a read of the session's text). */
  public static final int HIGHLIGHTED = 30;

  private final ArchiveIndex index;

  public ArchiveSearch(ArchiveIndex index) {
    this.index = index;
  }

  /** What the reader asked; blank fields do not narrow. */
  public record Query(String words, String municipality, String community, String template, LocalDate from,
      LocalDate to) {}

  /** One session found, with highlighted passages (when words were asked and it is near the top). */
  public record Hit(IndexEntry entry, List<Highlight> passages) {}

  public Future<List<Hit>> search(Account account, Query query) {
    Scope scope = scope(account)
        .where("municipality", ArchiveIndex.key(query.municipality()))
        .where("community", ArchiveIndex.key(query.community()))
        .where("template", query.template() == null ? "" : query.template())
        .closedBetween(query.from() == null ? null : query.from().toEpochDay(),
            query.to() == null ? null : query.to().toEpochDay());
    boolean asked = query.words() != null && !query.words().isBlank();
    // The words are analysed on the index pool with the search itself, not on the event loop.
    return index.withIndex(lucene -> {
          org.apache.lucene.search.Query words = AskedWords.parse(query.words());
          // Only stop words or signs: nothing can match them.
          return asked && words == null ? List.<SearchIndex.Found>of()
              : lucene.search(scope.query(), words, MAX_RESULTS, HIGHLIGHTED);
        })
        .map(found -> {
          List<Hit> hits = new ArrayList<>();
          for (SearchIndex.Found f : found) {
            IndexEntry entry = index.entry(f.session());
            // The index decided access; the same rule once more on the kept facts costs nothing.
            if (entry != null && ArchiveAccess.mayRead(account, ArchiveIndex.session(entry))) {
              hits.add(new Hit(entry, f.passages()));
            }
          }
          return hits;
        });
  }

  /** Who may read what (see {@link ArchiveAccess}) as a filter inside the query. */
  static Scope scope(Account account) {
    if (account == null) {
      return Scope.nothing();
    }
    if (account.isAdmin()) {
      return Scope.everything();
    }
    if (Account.FACILITATOR.equals(account.role())) {
      return Scope.ranBy(account.username());
    }
    if (account.isReader()) {
      return Scope.municipalities(account.municipalities().stream().map(Account::key).toList());
    }
    return Scope.nothing();
  }
}
