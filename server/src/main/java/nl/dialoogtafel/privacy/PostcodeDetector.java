package nl.dialoogtafel.privacy;

import static nl.dialoogtafel.privacy.ScanText.CI;
import static nl.dialoogtafel.privacy.ScanText.SP;
import static nl.dialoogtafel.privacy.ScanText.START;
import static nl.dialoogtafel.privacy.ScanText.STOP;
import static nl.dialoogtafel.privacy.ScanText.add;
import static nl.dialoogtafel.privacy.ScanText.region;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Postcode with house number: a postcode alone names a street, not a home, so it only counts
 * with a house number right after it or a "street number" shortly before or after it.
 */
final class PostcodeDetector implements Detector {

    private static final int STREET_GAP = 40;

    /** 1234 AB or 1234AB; lower case only when glued (so "2019 en" is not a postcode). */
    private static final Pattern POSTCODE = Pattern.compile(
            START + "[1-9]\\d{3}(?:" + SP + "?([A-Z]{2})|([a-z]{2}))" + STOP);
    private static final String HOUSE_NUMBER =
            "\\d{1,5}(?:" + SP + "?[A-Za-z](?!\\p{L}))?(?:-\\d{1,4})?(?!\\p{N})";
    /** ", 12a" or ", huisnummer 12" right after the postcode. */
    private static final Pattern NUMBER_AFTER = Pattern.compile(
            SP + "{0,3},?" + SP + "{0,3}(?:(?:huis)?(?:nummer|nr\\.?)" + SP + "{0,3})?" + HOUSE_NUMBER + "(?![.,:]\\d)",
            CI);
    /** "Dorpsstraat 12": a word ending like a Dutch street name, then a number. */
    private static final Pattern STREET_NUMBER = Pattern.compile(
            "(?<!\\p{L})\\p{L}{0,40}?(?:straatweg|straat|laan|weg|plein|gracht|kade|singel|dijk|hof|pad|steeg"
                    + "|dreef|park|markt)" + SP + "{1,3}" + HOUSE_NUMBER + "(?![.:]\\d)",
            CI);

    @Override
    public void find(String text, List<Finding> out) {
        Matcher pc = POSTCODE.matcher(text);
        while (pc.find()) {
            String letters = pc.group(1) != null ? pc.group(1) : pc.group(2).toUpperCase(Locale.ROOT);
            if (letters.equals("SA") || letters.equals("SD") || letters.equals("SS")) {
                continue; // never issued
            }
            int start = pc.start();
            int end = pc.end();
            Matcher after = region(NUMBER_AFTER, text, end, text.length());
            if (after.lookingAt()) {
                add(out, FindingKind.POSTCODE_HOUSENUMBER, text, start, after.end());
                continue;
            }
            Matcher before = region(STREET_NUMBER, text, Math.max(0, start - 2 * STREET_GAP), start);
            int streetStart = -1;
            while (before.find()) {
                if (start - before.end() <= STREET_GAP) {
                    streetStart = before.start();
                    break;
                }
            }
            if (streetStart >= 0) {
                add(out, FindingKind.POSTCODE_HOUSENUMBER, text, streetStart, end);
                continue;
            }
            Matcher later = region(STREET_NUMBER, text, end, Math.min(text.length(), end + 2 * STREET_GAP));
            if (later.find() && later.start() - end <= STREET_GAP) {
                add(out, FindingKind.POSTCODE_HOUSENUMBER, text, start, later.end());
            }
        }
    }
}
