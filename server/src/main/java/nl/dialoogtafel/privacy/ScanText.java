package nl.dialoogtafel.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pattern pieces and keyword helpers shared by the detectors, kept in one place so every
 * detector agrees on what a word boundary and "near a keyword" mean.
 */
final class ScanText {

    private ScanText() {}

    static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    static final String SP = "[ \\u00A0]"; // space or no-break space
    /** Not glued to a preceding letter or digit. */
    static final String START = "(?<![\\p{L}\\p{N}])";
    /** Not glued to a following letter or digit. */
    static final String STOP = "(?![\\p{L}\\p{N}])";

    static void add(List<Finding> out, FindingKind kind, String text, int start, int end) {
        out.add(new Finding(kind, start, end, text.substring(start, end)));
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static List<int[]> spans(Pattern p, String text) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        return spans;
    }

    /** Keyword spans come from one find() loop, so both their starts and ends ascend: binary search. */
    static boolean near(List<int[]> keywords, int start, int end, int distance) {
        int lo = 0;
        int hi = keywords.size();
        while (lo < hi) { // first keyword ending at or after start - distance
            int mid = (lo + hi) >>> 1;
            if (keywords.get(mid)[1] < start - distance) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < keywords.size() && keywords.get(lo)[0] <= end + distance;
    }

    /** A matcher limited to [from, to) that still sees the text around it for look-arounds. */
    static Matcher region(Pattern p, String text, int from, int to) {
        return p.matcher(text).region(from, to).useTransparentBounds(true).useAnchoringBounds(false);
    }
}
