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
  private final Map<String, Map<String, List<SimilarKnelpunten.Match>>> found =
      new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, List<SimilarKnelpunten.Match>>> eldest) {
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
    return index.asItStands(lucene -> lucene.read(searcher -> {
          // Kept per view of the index: a record viewed again costs nothing until the index changes.
          String key = session + "|" + scope.query() + "|"
              + ((org.apache.lucene.index.DirectoryReader) searcher.getIndexReader()).getVersion();
          synchronized (found) {
            Map<String, List<SimilarKnelpunten.Match>> kept = found.get(key);
            if (kept != null) {
              return kept;
            }
          }
          Map<String, List<SimilarKnelpunten.Match>> fresh =
              SimilarKnelpunten.of(searcher, session, scope.query(), SIMILAR_EACH);
          synchronized (found) {
            found.put(key, fresh);
          }
          return fresh;
        }))
        .compose(matches -> {
          Set<String> sessions = new HashSet<>();
          matches.values().forEach(list -> list.forEach(m -> sessions.add(m.session())));
          return followups.forSessions(sessions).map(answers -> {
            Map<String, List<Similar>> out = new TreeMap<>();
            matches.forEach((post, each) -> {
              IndexEntry.IndexedPost own = post(index.entry(session), post);
              List<Similar> list = new ArrayList<>();
              for (SimilarKnelpunten.Match m : each) {
                Row row = row(index.entry(m.session()), m.post(), answers);
                if (row != null && ArchiveAccess.mayRead(account, ArchiveIndex.session(row.session()))) {
                  list.add(new Similar(row, words(m.shared(), own == null ? List.of() : List.of(own), row)));
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

  /** The recurring themes among the knelpunten this account may read, optionally of one municipality. */
  public Future<List<Theme>> themes(Account account, String municipality) {
    Scope scope = ArchiveSearch.scope(account).where("municipality", ArchiveIndex.key(municipality));
    return index.withIndex(lucene -> lucene.read(searcher -> Themes.of(searcher, scope.query(), MAX_THEMES)))
        .compose(found -> {
          Set<String> sessions = new HashSet<>();
          found.forEach(t -> t.members().forEach(m -> sessions.add(m.session())));
          return followups.forSessions(sessions).map(answers -> {
            List<Theme> out = new ArrayList<>();
            for (Themes.Theme t : found) {
              List<Row> rows = new ArrayList<>();
              for (Themes.Member m : t.members()) {
                Row row = row(index.entry(m.session()), m.post(), answers);
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
              int unanswered = 0;
              for (Row r : rows) {
                String community = r.session().community() == null ? "" : r.session().community();
                communities.merge(community, 1, Integer::sum);
                LocalDate day = Dates.localDay(r.session().closedAt());
                if (day != null) {
                  halves.merge(day.getYear() + "-" + (day.getMonthValue() <= 6 ? 1 : 2), 1, Integer::sum);
                }
                unanswered += r.followUp() == null ? 1 : 0;
              }
              out.add(new Theme(words(t.shared(), rows.stream().map(Row::knelpunt).toList(), null), List.copyOf(rows),
                  counts(communities), counts(halves), unanswered,
                  (int) rows.stream().map(r -> r.session().id()).distinct().count()));
            }
            return out;
          });
        });
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
