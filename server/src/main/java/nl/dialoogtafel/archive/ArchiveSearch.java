package nl.dialoogtafel.archive;

import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import nl.dialoogtafel.http.Account;

/**
 * Finding a session in the archive: the closed sessions this account may read, newest first,
 * narrowed by municipality, community, period and theme (the dialogue template), and by words of
 * their stories and knelpunten. Words match anywhere in a word, without regard to case or accents
 * ("wachtlijst" finds "Wachtlijsten"); every word asked must occur.
 */
public final class ArchiveSearch {

  public static final int MAX_RESULTS = 200;

  private final ArchiveIndex index;

  public ArchiveSearch(ArchiveIndex index) {
    this.index = index;
  }

  /** What the reader asked; blank fields do not narrow. */
  public record Query(String words, String municipality, String community, String template, LocalDate from,
      LocalDate to) {}

  /** One session found, with the words around the first match (when words were asked). */
  public record Hit(IndexEntry entry, String snippet) {}

  public Future<List<Hit>> search(Account account, Query query) {
    List<String> words = words(query.words());
    return index.search(session -> ArchiveAccess.mayRead(account, session)
            && matches(query.municipality(), session.info().municipality())
            && matches(query.community(), session.info().community())
            && (blank(query.template()) || query.template().equals(session.info().templateId())), words)
        .map(entries -> {
          List<Hit> hits = new ArrayList<>();
          for (IndexEntry entry : entries) {
            LocalDate day = Dates.localDay(entry.closedAt());
            if ((query.from() != null && (day == null || day.isBefore(query.from())))
                || (query.to() != null && (day == null || day.isAfter(query.to())))) {
              continue;
            }
            hits.add(new Hit(entry, words.isEmpty() ? null : snippet(entry, words.get(0))));
          }
          hits.sort(Comparator.comparing((Hit h) -> h.entry().closedAt(), Comparator.nullsLast(Comparator.naturalOrder()))
              .reversed());
          return hits.size() > MAX_RESULTS ? hits.subList(0, MAX_RESULTS) : hits;
        });
  }

  /** At most ten words of two or more letters, normalised like the index. */
  static List<String> words(String asked) {
    if (asked == null) {
      return List.of();
    }
    String normalized = IndexEntry.normalize(asked.length() > 200 ? asked.substring(0, 200) : asked);
    return Arrays.stream(normalized.split(" ")).filter(w -> w.length() >= 2).distinct().limit(10).toList();
  }

  private static boolean matches(String wanted, String actual) {
    return blank(wanted) || (actual != null && Account.key(actual).equals(Account.key(wanted)));
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  /** About 200 characters of the first visible post that holds the word, cut at word boundaries. */
  private static String snippet(IndexEntry entry, String word) {
    for (IndexEntry.IndexedPost post : entry.posts()) {
      String text = post.text() == null ? "" : post.text();
      String plain = IndexEntry.normalize(text);
      if (!plain.contains(word) && !IndexEntry.normalize(post.title()).contains(word)) {
        continue;
      }
      if (text.length() <= 220) {
        return text;
      }
      int at = Math.max(0, plainIndex(text, word) - 80);
      int start = at == 0 ? 0 : Math.max(0, text.lastIndexOf(' ', at) + 1);
      int end = Math.min(text.length(), start + 200);
      int cut = text.lastIndexOf(' ', end);
      end = end == text.length() || cut <= start ? end : cut;
      return (start > 0 ? "… " : "") + text.substring(start, end) + (end < text.length() ? " …" : "");
    }
    return null;
  }

  private static int plainIndex(String text, String word) {
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    int at = lower.indexOf(word);
    return at < 0 ? 0 : at;
  }
}
