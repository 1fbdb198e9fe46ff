package nl.dialoogtafel.archive.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * "Loop jij daar ook tegenaan?" across sessions: for each knelpunt of a session, the knelpunten of
 * other sessions in scope that share at least {@link #MIN_SHARED} of its telling words. The words
 * are chosen by Lucene's MoreLikeThis (the knelpunt's words that are rare in the archive but occur
 * in at least one other knelpunt); the words both share are returned, so the page can say why.
 */
public final class SimilarKnelpunten {

  public static final int MIN_SHARED = 2;
  /** Knelpunten of one record looked up at most (a record of hundreds would cost seconds per view). */
  public static final int MAX_LOOKED_UP = 40;

  private SimilarKnelpunten() {}

  /** A similar knelpunt elsewhere, and the stems it shares with the one it is like. */
  public record Match(String session, String post, List<String> shared) {}

  /**
   * By post id of the session's knelpunten (the first {@link #MAX_LOOKED_UP}): up to {@code most}
   * matches each, best first.
   */
  public static Map<String, List<Match>> of(IndexSearcher searcher, String session, Query scope, int most)
      throws IOException {
    IndexReader reader = searcher.getIndexReader();
    Query own = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(SearchIndex.TYPE, SearchIndex.KNELPUNT)), Occur.FILTER)
        .add(new TermQuery(new Term(SearchIndex.SESSION, session)), Occur.FILTER).build();
    MoreLikeThis mlt = new MoreLikeThis(reader);
    mlt.setAnalyzer(DutchText.INDEX);
    mlt.setFieldNames(new String[] {SearchIndex.KNELPUNT});
    mlt.setMinTermFreq(1);
    mlt.setMinDocFreq(2);
    mlt.setMinWordLen(3);
    mlt.setMaxQueryTerms(15);
    mlt.setStopWords(DutchText.commonStems()); // "per", "mag", "niemand": shared by chance, not by theme
    Map<String, List<Match>> out = new LinkedHashMap<>();
    for (ScoreDoc mine : searcher.search(own, MAX_LOOKED_UP).scoreDocs) {
      String post = searcher.storedFields().document(mine.doc, Set.of(SearchIndex.POST)).get(SearchIndex.POST);
      Query like = mlt.like(mine.doc);
      Set<String> asked = new LinkedHashSet<>();
      BooleanQuery.Builder atLeast = new BooleanQuery.Builder();
      if (like instanceof BooleanQuery b) {
        for (BooleanClause c : b.clauses()) {
          atLeast.add(c.getQuery(), Occur.SHOULD);
          if (c.getQuery() instanceof org.apache.lucene.search.BoostQuery boost
              && boost.getQuery() instanceof TermQuery t) {
            asked.add(t.getTerm().text());
          } else if (c.getQuery() instanceof TermQuery t) {
            asked.add(t.getTerm().text());
          }
        }
      }
      if (asked.size() < MIN_SHARED) {
        continue;
      }
      atLeast.setMinimumNumberShouldMatch(MIN_SHARED);
      Query query = new BooleanQuery.Builder().add(atLeast.build(), Occur.MUST)
          .add(new TermQuery(new Term(SearchIndex.TYPE, SearchIndex.KNELPUNT)), Occur.FILTER)
          .add(scope, Occur.FILTER).build();
      List<Match> found = new ArrayList<>();
      for (ScoreDoc hit : searcher.search(query, most).scoreDocs) {
        var d = searcher.storedFields().document(hit.doc, Set.of(SearchIndex.SESSION, SearchIndex.POST));
        List<String> shared = new ArrayList<>(asked);
        shared.retainAll(terms(reader, hit.doc));
        found.add(new Match(d.get(SearchIndex.SESSION), d.get(SearchIndex.POST), shared));
      }
      if (!found.isEmpty()) {
        out.put(post, found);
      }
    }
    return out;
  }

  /** The stems of one knelpunt document, from its term vector. */
  static Set<String> terms(IndexReader reader, int doc) throws IOException {
    Set<String> out = new LinkedHashSet<>();
    Terms terms = reader.termVectors().get(doc, SearchIndex.KNELPUNT);
    if (terms == null) {
      return out;
    }
    TermsEnum it = terms.iterator();
    for (BytesRef t = it.next(); t != null; t = it.next()) {
      out.add(t.utf8ToString());
    }
    return out;
  }
}
