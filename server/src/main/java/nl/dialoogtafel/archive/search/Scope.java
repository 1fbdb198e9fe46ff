package nl.dialoogtafel.archive.search;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Which indexed sessions a search may see, as a Lucene filter applied inside the query: who may
 * read them (everything, the sessions one ran, the sessions of some municipalities) narrowed by
 * the reader's filters. Values are keys as {@link SessionDoc} holds them.
 */
public record Scope(Query query) {

  public static Scope everything() {
    return new Scope(new MatchAllDocsQuery());
  }

  public static Scope nothing() {
    return new Scope(new MatchNoDocsQuery());
  }

  public static Scope ranBy(String owner) {
    return new Scope(new TermQuery(new Term(SearchIndex.OWNER, owner)));
  }

  public static Scope municipalities(List<String> keys) {
    Set<BytesRef> terms = new TreeSet<>();
    keys.forEach(k -> terms.add(new BytesRef(k)));
    return terms.isEmpty() ? nothing() : new Scope(new TermInSetQuery(SearchIndex.MUNICIPALITY, terms));
  }

  /** Only the sessions with this value of a field ({@code municipality}, {@code community}, {@code template}). */
  public Scope where(String field, String value) {
    if (value == null || value.isEmpty()) {
      return this;
    }
    String name = switch (field) {
      case "municipality" -> SearchIndex.MUNICIPALITY;
      case "community" -> SearchIndex.COMMUNITY;
      case "template" -> SearchIndex.TEMPLATE;
      default -> throw new IllegalArgumentException(field);
    };
    return and(new TermQuery(new Term(name, value)));
  }

  /** Only the sessions closed on these days (epoch days, Dutch time; either end may be open). */
  public Scope closedBetween(Long fromDay, Long toDay) {
    if (fromDay == null && toDay == null) {
      return this;
    }
    return and(LongPoint.newRangeQuery(SearchIndex.DAY, fromDay == null ? Long.MIN_VALUE : fromDay,
        toDay == null ? Long.MAX_VALUE : toDay));
  }

  /** Everything of the scope except one session (similar knelpunten come from other sessions). */
  public Scope without(String session) {
    return new Scope(new BooleanQuery.Builder().add(query, Occur.FILTER)
        .add(new TermQuery(new Term(SearchIndex.SESSION, session)), Occur.MUST_NOT).build());
  }

  private Scope and(Query more) {
    return new Scope(new BooleanQuery.Builder().add(query, Occur.FILTER).add(more, Occur.FILTER).build());
  }
}
