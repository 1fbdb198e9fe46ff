package nl.dialoogtafel.archive.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Every new view of the index (at start-up and after each commit) answers a few searches of the
 * shapes readers ask (words, two words, a phrase, a filter by municipality and period, passages)
 * before it is handed out. The first search on a view otherwise paid for loading what its new
 * segments keep on disk (postings, norms, doc values, stored text); right after the first build
 * those first searches took hundreds of milliseconds. {@link #rounds} repeats the same searches
 * after a start, so the JIT has compiled Lucene's paths before the first reader asks.
 */
final class WarmSearchers extends SearcherFactory {

  /** Terms read to choose the words to warm with; an archive's common words come early enough. */
  private static final int TERMS_READ = 100_000;

  @Override
  public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) throws IOException {
    IndexSearcher searcher = new IndexSearcher(reader);
    warm(searcher);
    return searcher;
  }

  /** The warm-up's searches once on this view; blocking. */
  static void warm(IndexSearcher searcher) throws IOException {
    List<BytesRef> common = common(searcher.getIndexReader(), 2);
    if (common.isEmpty()) {
      return;
    }
    Query first = new TermQuery(new Term(SearchIndex.TEXT, common.get(0)));
    List<Query> words = new ArrayList<>(List.of(first));
    if (common.size() > 1) {
      Query second = new TermQuery(new Term(SearchIndex.TEXT, common.get(1)));
      words.add(new BooleanQuery.Builder().add(first, Occur.MUST).add(second, Occur.MUST).build());
      words.add(new PhraseQuery(SearchIndex.TEXT, common.get(0), common.get(1)));
    }
    Query filtered = Scope.municipalities(List.of("")).closedBetween(0L, Long.MAX_VALUE / 2).query();
    for (Query w : words) {
      SearchIndex.search(searcher, new MatchAllDocsQuery(), w, 200, 30);
      SearchIndex.search(searcher, filtered, w, 200, 30);
    }
    SearchIndex.search(searcher, new MatchAllDocsQuery(), null, 200, 0);
  }

  /** The {@code n} stems of the searched text found in most documents (none in an empty index). */
  private static List<BytesRef> common(IndexReader reader, int n) throws IOException {
    Terms terms = MultiTerms.getTerms(reader, SearchIndex.TEXT);
    List<BytesRef> best = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    if (terms == null) {
      return best;
    }
    TermsEnum each = terms.iterator();
    int read = 0;
    for (BytesRef term = each.next(); term != null && read < TERMS_READ; term = each.next(), read++) {
      int df = each.docFreq();
      int at = 0;
      while (at < counts.size() && counts.get(at) >= df) {
        at++;
      }
      if (at < n) {
        best.add(at, BytesRef.deepCopyOf(term));
        counts.add(at, df);
        if (best.size() > n) {
          best.remove(n);
          counts.remove(n);
        }
      }
    }
    return best;
  }
}
