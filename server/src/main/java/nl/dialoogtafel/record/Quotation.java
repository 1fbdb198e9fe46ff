package nl.dialoogtafel.record;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import nl.dialoogtafel.dialogue.SessionEvent.PostAdded;

/**
 * Whether a free text (a contact note) quotes posts whose words must go. A contact note names no
 * post — a request goes from person to person — so quoting is all it can do: it holds a run of
 * {@value #RUN} consecutive words of a post's title or text, or the whole title or text when that
 * is shorter (two words at least: one word alone is an ordinary word, not a quote). Words are
 * compared in lower case without accents or punctuation. When in doubt the note goes: it is a
 * courtesy line beside a request, the request itself stays.
 */
public final class Quotation {

  /** Consecutive words that make a quote. */
  static final int RUN = 4;
  public static final Quotation NOTHING = new Quotation(List.of());

  /** The word runs that count as a quote, each as a list of normalised words. */
  private final List<List<String>> runs;

  private Quotation(List<List<String>> runs) {
    this.runs = runs;
  }

  /** The quotes of these posts' words (posts whose words are already gone add nothing). */
  public static Quotation of(List<PostAdded> posts) {
    List<List<String>> runs = new ArrayList<>();
    for (PostAdded post : posts) {
      addRuns(runs, post.title());
      addRuns(runs, post.text());
    }
    return new Quotation(runs);
  }

  public boolean isEmpty() {
    return runs.isEmpty();
  }

  /** Whether this text holds one of the runs. */
  public boolean quotedIn(String text) {
    if (text == null || runs.isEmpty()) {
      return false;
    }
    List<String> words = words(text);
    return runs.stream().anyMatch(run -> Collections.indexOfSubList(words, run) >= 0);
  }

  private static void addRuns(List<List<String>> runs, String source) {
    if (source == null) {
      return;
    }
    List<String> words = words(source);
    if (words.size() < 2) {
      return;
    }
    int length = Math.min(RUN, words.size());
    for (int i = 0; i + length <= words.size(); i++) {
      runs.add(List.copyOf(words.subList(i, i + length)));
    }
  }

  /** "Één wachtlijst, bij de GGD!" becomes [een, wachtlijst, bij, de, ggd]. */
  static List<String> words(String text) {
    String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
        .toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    return plain.isEmpty() ? List.of() : Arrays.asList(plain.split(" "));
  }
}
