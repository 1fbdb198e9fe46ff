package nl.dialoogtafel.privacy;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * 0800 (free), 0900, 0906 and 0909 (paid) numbers: the prefix and four or seven digits, 8 or 11
 * in all (0800-1234, 0900 123 45 67). A parent's business line or a paid line can lead to a
 * person, so they are warned about like any phone number, with two exceptions that name no one:
 * the national help lines a professional points families to, and opening hours written as
 * "open van 0900-1200".
 */
final class ServiceNumbers {

    private ServiceNumbers() {}

    /** Kindertelefoon, Veilig Thuis, 113 Zelfmoordpreventie, Meld Misdaad Anoniem, Politie (geen spoed). */
    private static final Set<String> HELP_LINES = Set.of("08000432", "08002000", "08000113", "08007000", "09008844");

    private static final Pattern TIME_BEFORE = Pattern.compile(
            "(?:(?<!\\p{L})(?:van|vanaf|tussen|from)[ \\u00A0]{1,2}"
                    + "|(?<!\\p{L})(?:open|geopend|spreekuur|inloop|tijd|tijden|openingstijden|hours)(?!\\p{L}).{0,40})$",
            ScanText.CI);
    private static final Pattern HOURS_AFTER = Pattern.compile("[ \\u00A0]{0,2}(?:uur|u\\.|h)(?!\\p{L})", ScanText.CI);

    static boolean isServicePrefix(String text, int at) {
        return text.startsWith("0800", at) || text.startsWith("0900", at)
                || text.startsWith("0906", at) || text.startsWith("0909", at);
    }

    /** Where the number starting at the first group ends, or -1 when the groups are no service number. */
    static int end(String text, List<int[]> groups) {
        StringBuilder digits = new StringBuilder();
        int last = -1;
        for (int g = 0; g < groups.size() && digits.length() < 11; g++) {
            int[] group = groups.get(g);
            int size = group[1] - group[0];
            if (g > 0 && (size < 2 || !separatorOk(PhoneDetector.between(text, groups, g), g))) {
                break;
            }
            digits.append(PhoneDetector.part(text, group));
            last = g;
        }
        String d = digits.toString();
        boolean moreDigits = last + 1 < groups.size() && d.length() < 11;
        if (d.length() == 11 || (d.length() == 8 && !moreDigits)) {
            int end = groups.get(last)[1];
            return HELP_LINES.contains(d) || openingHours(text, groups.get(0), end, d) ? -1 : end;
        }
        return -1;
    }

    /** After the prefix a dash, slash or space; inside the subscriber number spaces only. */
    private static boolean separatorOk(String separator, int group) {
        return group == 1 ? separator.matches("[ \\u00A0/-]{1,3}") : separator.matches("[ \\u00A0]");
    }

    /**
     * "open van 0900-1200", "0800-1730 uur": the prefix alone, then a later whole or quarter hour,
     * with "van" or "tussen" right before, a word about opening hours shortly before, or "uur" after.
     */
    private static boolean openingHours(String text, int[] prefix, int end, String d) {
        if (d.length() != 8 || prefix[1] - prefix[0] != 4
                || !(d.startsWith("0800") || d.startsWith("0900"))) {
            return false;
        }
        int hour = Integer.parseInt(d.substring(4, 6));
        int minute = Integer.parseInt(d.substring(6));
        if (hour > 24 || minute % 15 != 0 || Integer.parseInt(d.substring(4)) <= Integer.parseInt(d.substring(0, 4))) {
            return false;
        }
        int start = prefix[0];
        return TIME_BEFORE.matcher(text.substring(Math.max(0, start - 40), start)).find()
                || ScanText.region(HOURS_AFTER, text, end, Math.min(text.length(), end + 8)).lookingAt();
    }

}
