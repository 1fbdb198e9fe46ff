package nl.dialoogtafel.archive;

import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nl.dialoogtafel.archive.search.DutchText;
import nl.dialoogtafel.archive.search.Scope;
import nl.dialoogtafel.archive.search.SearchIndex;
import nl.dialoogtafel.archive.search.SimilarKnelpunten;
import nl.dialoogtafel.archive.search.Themes;
import nl.dialoogtafel.http.Account;

/**
 * What keeps coming back: for one record, each knelpunt's similar knelpunten in other sessions the
 * reader may read; for the archive, the recurring themes among the knelpunten the reader may read,
 * with counts per community and half year and how many are still unanswered. Both come from the
 * search index ({@link SimilarKnelpunten}, {@link Themes}); the words they share are given in the
 * words of the knelpunten themselves, so a reader can see why they were put together.
 */
public final class RecurringKnelpunten {

  public static final int SIMILAR_EACH = 3;
  public static final int MAX_THEMES = 15;

  private final ArchiveIndex index;
  private final FollowUpStore followups;
  /** Similar knelpunten by session, scope and index version; the least recently used go first. */
  private final Map<String, Map<String, List<Said>>> found =
      new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, List<Said>>> eldest) {
          return size() > 500;
        }
      };

  public RecurringKnelpunten(ArchiveIndex index, FollowUpStore followups) {
    this.index = index;
    this.followups = followups;
  }

  /** A knelpunt with its session and the municipality's answer (null when none yet). */
  public record Row(IndexEntry session, IndexEntry.IndexedPost knelpunt, FollowUp followUp) {}

  /** A similar knelpunt elsewhere and the words the two share. */
  public record Similar(Row row, List<String> shared) {}

  /** A count per community or per half year ("2025-1": January to June). */
  public record Count(String name, int count) {}

  public record Theme(List<String> shared, List<Row> knelpunten, List<Count> communities, List<Count> halfYears,
      int unanswered, int sessions) {}

  /**
   * By post id of this session's knelpunten: similar knelpunten of other sessions the account may
   * read. Read from the index as it stands (a record page never waits for the index to follow the
   * store); empty when the index cannot answer.
   */
  public Future<Map<String, List<Similar>>> similarTo(Account account, String session) {
    Scope scope = ArchiveSearch.scope(account).without(session);
    // On the index pool: the look-up and the mapping of stems to the knelpunten's own words (which
    // analyses their text) both cost CPU, and an event loop must not pay it.
    return index.asItStands(lucene -> lucene.read(searcher -> {
          // Kept per view of the index: a record viewed again costs nothing until the index changes.
          String key = session + "|" + scope.query() + "|"
              + ((org.apache.lucene.index.DirectoryReader) searcher.getIndexReader()).getVersion();
          synchronized (found) {
            Map<String, List<Said>> kept = found.get(key);
            if (kept != null) {
              return kept;
            }
          }
          Map<String, List<Said>> fresh = said(session,
              SimilarKnelpunten.of(searcher, session, scope.query(), SIMILAR_EACH));
          synchronized (found) {
            found.put(key, fresh);
          }
          return fresh;
        }))
        .compose(matches -> {
          Set<String> sessions = new HashSet<>();
          matches.values().forEach(list -> list.forEach(m -> sessions.add(m.row().session().id())));
          return followups.forSessions(sessions).map(answers -> {
            Map<String, List<Similar>> out = new TreeMap<>();
            matches.forEach((post, each) -> {
              List<Similar> list = new ArrayList<>();
              for (Said m : each) {
                Row row = m.row();
                if (ArchiveAccess.mayRead(account, ArchiveIndex.session(row.session()))) {
                  list.add(new Similar(new Row(row.session(), row.knelpunt(), answers.get(row.knelpunt().id())),
                      m.shared()));
                }
              }
              if (!list.isEmpty()) {
                out.put(post, List.copyOf(list));
              }
            });
            return out;
          });
        })
        .otherwiseEmpty().map(m -> m == null ? Map.<String, List<Similar>>of() : m);
  }

  /** A similar knelpunt (without its answer, read per view) and the words shared, in its own spelling. */
  private record Said(Row row, List<String> shared) {}

  /** The matches with their kept entries and their shared stems said in words; blocking, on the index pool. */
  private Map<String, List<Said>> said(String session, Map<String, List<SimilarKnelpunten.Match>> matches) {
    Map<String, List<Said>> out = new java.util.LinkedHashMap<>();
    matches.forEach((post, each) -> {
      IndexEntry.IndexedPost own = post(index.entry(session), post);
      List<Said> list = new ArrayList<>();
      for (SimilarKnelpunten.Match m : each) {
        Row row = row(index.entry(m.session()), m.post(), Map.of());
        if (row != null) {
          list.add(new Said(row, words(m.shared(), own == null ? List.of() : List.of(own), row)));
        }
      }
      out.put(post, List.copyOf(list));
    });
    return out;
  }

  /** The recurring themes among the knelpunten this account may read, optionally of one municipality. */
  public Future<List<Theme>> themes(Account account, String municipality) {
    Scope scope = ArchiveSearch.scope(account).where("municipality", ArchiveIndex.key(municipality));
    // Themes, their knelpunten and their words are made on the index pool; only the answers are added after.
    return index.withIndex(lucene -> lucene.read(searcher -> named(account, Themes.of(searcher, scope.query(),
            MAX_THEMES))))
        .compose(named -> {
          Set<String> sessions = new HashSet<>();
          named.forEach(t -> t.knelpunten().forEach(r -> sessions.add(r.session().id())));
          return followups.forSessions(sessions).map(answers -> {
            List<Theme> out = new ArrayList<>();
            for (Theme t : named) {
              List<Row> rows = t.knelpunten().stream()
                  .map(r -> new Row(r.session(), r.knelpunt(), answers.get(r.knelpunt().id()))).toList();
              int unanswered = (int) rows.stream().filter(r -> r.followUp() == null).count();
              out.add(new Theme(t.shared(), rows, t.communities(), t.halfYears(), unanswered, t.sessions()));
            }
            return out;
          });
        });
  }

  /**
   * The themes' knelpunten the account may read (newest first) and their shared words in the
   * knelpunten's own spelling; counts and answers are left to the caller. Blocking, on the index pool.
   */
  private List<Theme> named(Account account, List<Themes.Theme> found) {
    List<Theme> out = new ArrayList<>();
    for (Themes.Theme t : found) {
      List<Row> rows = new ArrayList<>();
      for (Themes.Member m : t.members()) {
        Row row = row(index.entry(m.session()), m.post(), Map.of());
        if (row != null && ArchiveAccess.mayRead(account, ArchiveIndex.session(row.session()))) {
          rows.add(row);
        }
      }
      if (rows.size() < 2) {
        continue;
      }
      rows.sort((a, b) -> b.session().closedAt().compareTo(a.session().closedAt()));
      Map<String, Integer> communities = new TreeMap<>();
      Map<String, Integer> halves = new TreeMap<>();
      for (Row r : rows) {
        communities.merge(r.session().community() == null ? "" : r.session().community(), 1, Integer::sum);
        LocalDate day = Dates.localDay(r.session().closedAt());
        if (day != null) {
          halves.merge(day.getYear() + "-" + (day.getMonthValue() <= 6 ? 1 : 2), 1, Integer::sum);
        }
      }
      out.add(new Theme(words(t.shared(), rows.stream().map(Row::knelpunt).toList(), null), List.copyOf(rows),
          counts(communities), counts(halves), 0, (int) rows.stream().map(r -> r.session().id()).distinct().count()));
    }
    return out;
  }

  private static List<Count> counts(Map<String, Integer> map) {
    return map.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue())).toList();
  }

  /** Stems said in the knelpunten's own words ("wachtlijsten"), the stem itself when none gave it whole. */
  private static List<String> words(List<String> stems, Collection<IndexEntry.IndexedPost> posts, Row other) {
    List<IndexEntry.IndexedPost> all = new ArrayList<>(posts);
    if (other != null) {
      all.add(other.knelpunt());
    }
    List<String> out = new ArrayList<>();
    for (String stem : stems) {
      String word = stem;
      for (IndexEntry.IndexedPost p : all) {
        String said = DutchText.surfaceWords(SearchIndex.join(p.title(), p.text())).get(stem);
        if (said != null) {
          word = said;
          break;
        }
      }
      if (!out.contains(word)) {
        out.add(word);
      }
    }
    return List.copyOf(out);
  }

  private static Row row(IndexEntry entry, String post, Map<String, FollowUp> answers) {
    IndexEntry.IndexedPost p = post(entry, post);
    return p == null ? null : new Row(entry, p, answers.get(post));
  }

  private static IndexEntry.IndexedPost post(IndexEntry entry, String id) {
    if (entry == null) {
      return null;
    }
    return entry.posts().stream().filter(p -> p.id().equals(id) && "barrier".equals(p.kind())).findFirst()
        .orElse(null);
  }
}
