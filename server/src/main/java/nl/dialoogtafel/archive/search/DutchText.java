package nl.dialoogtafel.archive.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.tartarus.snowball.ext.DutchStemmer;

/**
 * How the archive reads Dutch: words split on Unicode rules, lower case, accents folded
 * ("één" = "een"), Dutch stop words dropped, Dutch stems ("kinderen" and "kind" both "kinder").
 * The index and the query share this chain, except that the index also holds the parts of
 * compound words ({@code search/woorddelen.txt}: "wachtlijstproblematiek" is found by
 * "wachtlijst") and only the query adds the field's synonyms ({@code search/synoniemen.txt}), so
 * that list can change without rebuilding the index.
 */
public final class DutchText {

  private static final CharArraySet STOP = DutchAnalyzer.getDefaultStopSet();
  /** "18-"/"18+" as words; built once (building this FST per text was most of stemming a word: seen in a thread dump). */
  private static final NormalizeCharMap EIGHTEEN = eighteen();
  /** Where the snowball stemmer and the plural disagree: the irregular plurals of the field. */
  private static final String[][] OVERRIDES = {{"kind", "kinder"}, {"kinderen", "kinder"}, {"ei", "eier"},
      {"eieren", "eier"}, {"gemeente", "gemeent"}, {"gemeenten", "gemeent"}, {"jongere", "jonger"},
      {"jongeren", "jonger"}};

  /** Parts of the field's compound words ({@code search/woorddelen.txt}). */
  private static final CharArraySet PARTS = parts();

  /** The chain for indexing (compounds also as their parts, no synonyms). */
  public static final Analyzer INDEX = new Chain(null, true);
  /** The chain for stems and for what a reader types: no splitting of compounds, plus synonyms. */
  public static final Analyzer QUERY = new Chain(synonyms(), false);
  /** The chain for a knelpunt's own stems (similar knelpunten, themes): no compounds, no synonyms. */
  public static final Analyzer STEMS = new Chain(null, false);

  /**
   * Stems of words that say nothing about what a knelpunt is about ({@code search/gewone-woorden.txt}:
   * "per", "mag", "elke", "ander", "niemand"…): never the ground of a theme or of a similar knelpunt.
   * Search still finds them; only the grouping passes them over.
   */
  private static final java.util.Set<String> COMMON = common();

  private DutchText() {}

  /** Whether a stem is one of the common words that ground no theme and no similar knelpunt. */
  public static boolean common(String stem) {
    return COMMON.contains(stem);
  }

  /** The common words' stems, for MoreLikeThis's stop words. */
  static java.util.Set<String> commonStems() {
    return COMMON;
  }

  /** "18-" and "18+" (18-/18+: the step to adult care) would otherwise both be just "18". */
  private static Reader mapped(Reader reader) {
    return new MappingCharFilter(EIGHTEEN, reader);
  }

  private static NormalizeCharMap eighteen() {
    NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
    map.add("18-", "18min ");
    map.add("18+", "18plus ");
    map.add("18 -", "18min ");
    map.add("18 +", "18plus ");
    return map.build();
  }

  private static final class Chain extends Analyzer {
    private final SynonymMap synonyms;
    private final boolean compounds;
    private final StemmerOverrideFilter.StemmerOverrideMap overrides;

    Chain(SynonymMap synonyms, boolean compounds) {
      this.synonyms = synonyms;
      this.compounds = compounds;
      try {
        StemmerOverrideFilter.Builder b = new StemmerOverrideFilter.Builder(false);
        for (String[] o : OVERRIDES) {
          b.add(o[0], o[1]);
        }
        this.overrides = b.build();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
      return mapped(reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      TokenStream out = folded(source);
      if (compounds) {
        // Only when indexing: "wachtlijstproblematiek" is also "wachtlijst" and "problematiek", so a
        // search for the part finds the whole (split in a query, a whole would find every part).
        out = new DictionaryCompoundWordTokenFilter(out, PARTS, 8, 4, 15, false);
      }
      out = new StopFilter(out, STOP);
      if (synonyms != null) {
        out = new SynonymGraphFilter(out, synonyms, true);
      }
      out = new StemmerOverrideFilter(out, overrides);
      out = new SnowballFilter(out, new DutchStemmer());
      return new TokenStreamComponents(source, out);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return folded(in);
    }
  }

  /** Splits and folds only, to read the synonym list in the same words the chain sees. */
  private static final class Plain extends Analyzer {
    @Override
    protected Reader initReader(String fieldName, Reader reader) {
      return mapped(reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      return new TokenStreamComponents(source, folded(source));
    }
  }

  /** Lower case, accents folded: the first steps of every chain here, so all see the same words. */
  private static TokenStream folded(TokenStream in) {
    return new ASCIIFoldingFilter(new LowerCaseFilter(in));
  }

  private static CharArraySet parts() {
    try (InputStream in = DutchText.class.getResourceAsStream("/search/woorddelen.txt")) {
      CharArraySet out = new CharArraySet(100, false);
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String word = line.strip();
        if (!word.isEmpty() && !word.startsWith("#")) {
          out.add(word);
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static java.util.Set<String> common() {
    try (InputStream in = DutchText.class.getResourceAsStream("/search/gewone-woorden.txt")) {
      java.util.Set<String> out = new java.util.HashSet<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String word = line.strip();
        if (!word.isEmpty() && !word.startsWith("#")) {
          out.addAll(stems(word));
        }
      }
      return java.util.Set.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SynonymMap synonyms() {
    try (InputStream in = DutchText.class.getResourceAsStream("/search/synoniemen.txt");
        Plain plain = new Plain()) {
      SolrSynonymParser parser = new SolrSynonymParser(true, true, plain);
      parser.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
      return parser.build();
    } catch (IOException | ParseException e) {
      throw new IllegalStateException("search/synoniemen.txt is onleesbaar", e);
    }
  }

  /** The stems of a text, in order, as the index holds them. */
  public static List<String> stems(String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = STEMS.tokenStream("kp", text == null ? "" : text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * For each stem of the text, the first word (as written, lower case) that gave it: to say in the
   * reader's words which words two knelpunten share ("wachtlijsten", not "wachtlijst").
   */
  public static Map<String, String> surfaceWords(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    if (text == null) {
      return out;
    }
    for (String word : text.split("[^\\p{L}\\p{N}]+")) {
      if (word.isEmpty()) {
        continue;
      }
      List<String> stem = stems(word);
      if (stem.size() == 1) {
        out.putIfAbsent(stem.get(0), word.toLowerCase(java.util.Locale.ROOT));
      }
    }
    return out;
  }
}
