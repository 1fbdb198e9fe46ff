package nl.dialoogtafel.archive.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * A found passage as pieces of plain text, some marked as matching: never HTML, so the page
 * template escapes every piece and a story can never inject markup through a highlight.
 */
public record Highlight(List<Piece> pieces) {

  public record Piece(String text, boolean mark) {}

  static final int MAX_CHARS = 240;
  private static final int BEFORE = 80;

  /** Turns the highlighter's passages into pieces, each cut to about {@link #MAX_CHARS} around its first match. */
  static final class Formatter extends PassageFormatter {
    @Override
    public Object format(Passage[] passages, String content) {
      List<Highlight> out = new ArrayList<>();
      for (Passage p : passages) {
        if (p.getNumMatches() == 0) {
          continue;
        }
        int start = p.getStartOffset();
        int end = p.getEndOffset();
        if (end - start > MAX_CHARS) {
          int first = p.getMatchStarts()[0];
          start = Math.max(start, wordStart(content, Math.max(start, first - BEFORE)));
          end = Math.min(end, wordEnd(content, Math.min(end, start + MAX_CHARS)));
        }
        List<Piece> pieces = new ArrayList<>();
        if (start > p.getStartOffset()) {
          pieces.add(new Piece("… ", false));
        }
        int at = start;
        for (int i = 0; i < p.getNumMatches(); i++) {
          int ms = Math.max(p.getMatchStarts()[i], at);
          int me = Math.min(p.getMatchEnds()[i], end);
          if (me <= ms) {
            continue;
          }
          if (ms > at) {
            pieces.add(new Piece(content.substring(at, ms), false));
          }
          pieces.add(new Piece(content.substring(ms, me), true));
          at = me;
        }
        if (at < end) {
          pieces.add(new Piece(content.substring(at, end).stripTrailing(), false));
        }
        if (end < p.getEndOffset()) {
          pieces.add(new Piece(" …", false));
        }
        out.add(new Highlight(List.copyOf(pieces)));
      }
      return List.copyOf(out);
    }

    private static int wordStart(String s, int at) {
      int space = s.lastIndexOf(' ', at);
      return space < 0 ? at : space + 1;
    }

    private static int wordEnd(String s, int at) {
      int space = s.indexOf(' ', at);
      return space < 0 ? at : space;
    }
  }
}
