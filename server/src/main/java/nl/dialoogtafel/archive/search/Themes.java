package nl.dialoogtafel.archive.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/**
 * Recurring themes among the knelpunten in scope, formed so a council member can check them: a
 * theme is a word (a stem) that knelpunten of at least two sessions share, taken greedily — the
 * word shared by the most sessions first, with every knelpunt that holds it and is not yet in a
 * theme — and shown with all the words its knelpunten have in common. Words in more than half of
 * the knelpunten (once there are {@link #MANY}) say nothing and are passed over, as are the common
 * words of {@link DutchText#common} ("per", "mag", "elke", "ander", "niemand").
 */
public final class Themes {

  static final int MANY = 20;

  private Themes() {}

  public record Member(String session, String post) {}

  /** One theme: the stems every member holds (the one it was formed on first), and its members. */
  public record Theme(List<String> shared, List<Member> members) {}

  public static List<Theme> of(IndexSearcher searcher, Query scope, int most) throws IOException {
    Query knelpunten = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(SearchIndex.TYPE, SearchIndex.KNELPUNT)), Occur.FILTER)
        .add(scope, Occur.FILTER).build();
    ScoreDoc[] docs = searcher.search(knelpunten, Math.max(1, searcher.getIndexReader().maxDoc())).scoreDocs;
    List<Member> members = new ArrayList<>();
    List<Set<String>> termsOf = new ArrayList<>();
    Map<String, List<Integer>> holders = new HashMap<>();
    for (ScoreDoc d : docs) {
      Document stored = searcher.storedFields().document(d.doc, Set.of(SearchIndex.SESSION, SearchIndex.POST));
      int i = members.size();
      members.add(new Member(stored.get(SearchIndex.SESSION), stored.get(SearchIndex.POST)));
      Set<String> terms = SimilarKnelpunten.terms(searcher.getIndexReader(), d.doc);
      termsOf.add(terms);
      for (String t : terms) {
        if (t.length() >= 4 && !t.chars().allMatch(Character::isDigit) && !DutchText.common(t)) {
          holders.computeIfAbsent(t, k -> new ArrayList<>()).add(i);
        }
      }
    }
    int total = members.size();
    List<String> candidates = new ArrayList<>();
    Map<String, Integer> sessionsOf = new HashMap<>();
    holders.forEach((term, who) -> {
      int sessions = (int) who.stream().map(i -> members.get(i).session()).distinct().count();
      boolean telling = total < MANY || who.size() * 2 <= total;
      if (sessions >= 2 && telling) {
        candidates.add(term);
        sessionsOf.put(term, sessions);
      }
    });
    candidates.sort(Comparator.comparing((String t) -> -sessionsOf.get(t))
        .thenComparing(t -> -holders.get(t).size()).thenComparing(t -> t));
    Set<Integer> taken = new HashSet<>();
    List<Theme> out = new ArrayList<>();
    for (String term : candidates) {
      if (out.size() == most) {
        break;
      }
      List<Integer> group = holders.get(term).stream().filter(i -> !taken.contains(i)).toList();
      if (group.size() < 2 || group.stream().map(i -> members.get(i).session()).distinct().count() < 2) {
        continue;
      }
      Set<String> shared = new LinkedHashSet<>();
      shared.add(term);
      Set<String> common = new HashSet<>(termsOf.get(group.get(0)));
      group.forEach(i -> common.retainAll(termsOf.get(i)));
      common.stream().filter(sessionsOf::containsKey).sorted().forEach(shared::add);
      taken.addAll(group);
      out.add(new Theme(List.copyOf(shared), group.stream().map(members::get).toList()));
    }
    return out;
  }
}
