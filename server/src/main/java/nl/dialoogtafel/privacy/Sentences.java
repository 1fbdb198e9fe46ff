package nl.dialoogtafel.privacy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where the sentences of a text begin, found once per scan so that "in the same sentence" is a
 * binary search. A sentence ends at a line break, unless it follows a colon or a number starts
 * the next line ("BSN:" or "BSN" above its number); and at . ! ? or … before a space and a
 * capital, unless the full stop closes an initial or a common abbreviation ("B.S.N. Van",
 * "dhr. Jansen"). So "Het BSN? 123456782" is one sentence, as the writer meant it.
 */
final class Sentences {

    private static final Set<String> ABBREVIATIONS = Set.of(
            "nr", "dhr", "mevr", "mw", "mr", "dr", "drs", "ir", "ing", "prof", "tel", "geb", "bijv", "evt",
            "ca", "zgn", "resp", "jl", "vs", "st", "nl", "no", "serv", "sr", "jr");

    /** Start indices of every sentence after the first, ascending. */
    private final List<Integer> starts = new ArrayList<>();

    Sentences(String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if ((c == '\n' || c == '\r') && !colonBefore(text, i) && !digitAfter(text, i + 1)) {
                starts.add(i + 1);
            } else if ((c == '!' || c == '?' || c == '\u2026') && i + 2 < n
                    && Character.isWhitespace(text.charAt(i + 1)) && capitalAfter(text, i + 1)) {
                starts.add(i + 1);
            } else if (c == '.' && i + 2 < n && Character.isWhitespace(text.charAt(i + 1))
                    && !abbreviationBefore(text, i) && capitalAfter(text, i + 1)) {
                starts.add(i + 1);
            }
        }
    }

    /** The first index of the sentence holding {@code index}. */
    int start(int index) {
        int k = Collections.binarySearch(starts, index);
        int at = k >= 0 ? k : -k - 2; // the last start at or before index
        return at < 0 ? 0 : starts.get(at);
    }

    /** The index just past the sentence holding {@code index}. */
    int end(int index, int length) {
        int k = Collections.binarySearch(starts, index + 1);
        int next = k >= 0 ? k : -k - 1; // the first start after index
        return next < starts.size() ? starts.get(next) : length;
    }

    private static boolean abbreviationBefore(String text, int dot) {
        int from = dot;
        while (from > 0 && Character.isLetter(text.charAt(from - 1)) && dot - from < 6) {
            from--;
        }
        if (from > 0 && Character.isLetter(text.charAt(from - 1))) {
            return false; // a long word, not an abbreviation
        }
        return dot - from == 1 || ABBREVIATIONS.contains(text.substring(from, dot).toLowerCase(Locale.ROOT));
    }

    private static boolean colonBefore(String text, int lineBreak) {
        int i = lineBreak - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i)) && lineBreak - i < 8) {
            i--;
        }
        return i >= 0 && text.charAt(i) == ':';
    }

    private static boolean digitAfter(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\r')
                && i - from < 8) {
            i++;
        }
        return i < text.length() && ScanText.isDigit(text.charAt(i));
    }

    private static boolean capitalAfter(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i)) && i - from < 4) {
            i++;
        }
        return i < text.length() && Character.isUpperCase(text.charAt(i));
    }
}
