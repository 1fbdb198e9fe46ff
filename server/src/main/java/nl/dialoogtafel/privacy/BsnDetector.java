package nl.dialoogtafel.privacy;

import static nl.dialoogtafel.privacy.ScanText.CI;
import static nl.dialoogtafel.privacy.ScanText.START;
import static nl.dialoogtafel.privacy.ScanText.STOP;
import static nl.dialoogtafel.privacy.ScanText.add;
import static nl.dialoogtafel.privacy.ScanText.near;
import static nl.dialoogtafel.privacy.ScanText.spans;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** BSN: eight or nine digits, plain or grouped, passing the 11-proof and near a BSN keyword. */
final class BsnDetector implements Detector {

    private static final int KEYWORD_DISTANCE = 40;

    private static final Pattern KEYWORD = Pattern.compile(
            "(?<!\\p{L})(?:bsn|burger[ \\u00A0-]?service[ \\u00A0-]?nummer|sofi[ \\u00A0-]?nummer|persoonsnummer)",
            CI);
    /** 123456782, or 12345678 (a BSN with its leading zero dropped); not part of 1.123.456.782. */
    private static final Pattern PLAIN = Pattern.compile(
            START + "(?<!\\d[.,])\\d{8,9}" + STOP + "(?![.,]\\d)");
    /** 1234.56.782 or 123 456 782, not part of a longer run of grouped digits. */
    private static final Pattern GROUPED = Pattern.compile(
            START + "(?<!\\d[., \\u00A0-])(?:\\d{4}([. \\u00A0-])\\d{2}\\1\\d{3}|\\d{3}([. \\u00A0-])\\d{3}\\2\\d{3})"
                    + STOP + "(?![., \\u00A0-]\\d)");

    @Override
    public void find(String text, List<Finding> out) {
        List<int[]> keywords = spans(KEYWORD, text);
        if (keywords.isEmpty()) {
            return; // without a keyword a 9-digit number is as likely a phone or case number
        }
        for (Pattern p : List.of(PLAIN, GROUPED)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                String digits = m.group().replaceAll("\\D", "");
                if (elevenProof(digits) && near(keywords, m.start(), m.end(), KEYWORD_DISTANCE)) {
                    add(out, FindingKind.BSN, text, m.start(), m.end());
                }
            }
        }
    }

    /** The BSN 11-proof: 9*d1 + 8*d2 + ... + 2*d8 - d9 is divisible by 11 (and not all zeros). */
    static boolean elevenProof(String digits) {
        String d = digits.length() == 8 ? "0" + digits : digits;
        if (d.length() != 9 || d.chars().allMatch(c -> c == '0')) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (d.charAt(i) - '0');
        }
        sum -= d.charAt(8) - '0';
        return sum % 11 == 0;
    }
}
