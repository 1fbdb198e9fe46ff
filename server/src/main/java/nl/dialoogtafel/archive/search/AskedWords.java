package nl.dialoogtafel.archive.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;

/**
 * What a reader typed in the search box, as a query: words outside quotes must each occur (as
 * stem or synonym), words in "quotes" as that phrase. No other syntax: a "+", "-", "/" or ":" is
 * just text, so nothing a reader types can fail to parse or widen the search.
 */
public final class AskedWords {

  /** At most this many characters are read. */
  public static final int MAX = 200;

  private static final QueryBuilder BUILDER = new QueryBuilder(DutchText.QUERY);

  private AskedWords() {}

  /** The query, or null when nothing searchable was asked (empty, only stop words or signs). */
  public static Query parse(String asked) {
    if (asked == null) {
      return null;
    }
    String text = asked.length() > MAX ? asked.substring(0, MAX) : asked;
    List<Query> parts = new ArrayList<>();
    StringBuilder loose = new StringBuilder();
    boolean inQuote = false;
    StringBuilder phrase = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\u201C' || c == '\u201D' || c == '\u201E') {
        if (inQuote) {
          add(parts, BUILDER.createPhraseQuery(SearchIndex.TEXT, phrase.toString()));
          phrase.setLength(0);
        }
        inQuote = !inQuote;
      } else {
        (inQuote ? phrase : loose).append(c);
      }
    }
    // An unclosed quote counts as loose words.
    loose.append(' ').append(phrase);
    add(parts, BUILDER.createBooleanQuery(SearchIndex.TEXT, loose.toString(), Occur.MUST));
    if (parts.isEmpty()) {
      return null;
    }
    if (parts.size() == 1) {
      return parts.get(0);
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    parts.forEach(p -> all.add(p, Occur.MUST));
    return all.build();
  }

  private static void add(List<Query> parts, Query q) {
    if (q != null) {
      parts.add(q);
    }
  }
}
