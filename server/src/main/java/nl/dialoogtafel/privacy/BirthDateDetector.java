package nl.dialoogtafel.privacy;

import static nl.dialoogtafel.privacy.ScanText.CI;
import static nl.dialoogtafel.privacy.ScanText.SP;
import static nl.dialoogtafel.privacy.ScanText.START;
import static nl.dialoogtafel.privacy.ScanText.STOP;
import static nl.dialoogtafel.privacy.ScanText.add;
import static nl.dialoogtafel.privacy.ScanText.near;
import static nl.dialoogtafel.privacy.ScanText.spans;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Date of birth: a real calendar date, numeric or with a month name, near a birth keyword. */
final class BirthDateDetector implements Detector {

    private static final int KEYWORD_DISTANCE = 30;

    private static final Pattern KEYWORD = Pattern.compile(
            "(?<!\\p{L})(?:geboortedatum|geboortedag|geboren|geb\\.?" + SP + "?datum|geb"
                    + "|verjaardag|date" + SP + "of" + SP + "birth|birth" + SP + "?date|birthday|born|dob|d\\.o\\.b)"
                    + "(?!\\p{L})",
            CI);

    private static final Map<String, Integer> MONTHS = new HashMap<>();

    static {
        String[][] names = {
            {"januari", "jan", "january"}, {"februari", "feb", "february"}, {"maart", "mrt", "mar", "march"},
            {"april", "apr"}, {"mei", "may"}, {"juni", "jun", "june"}, {"juli", "jul", "july"},
            {"augustus", "aug", "august"}, {"september", "sept", "sep"}, {"oktober", "okt", "oct", "october"},
            {"november", "nov"}, {"december", "dec"}};
        for (int i = 0; i < names.length; i++) {
            for (String name : names[i]) {
                MONTHS.put(name, i + 1);
            }
        }
    }

    // built from MONTHS, so it must stay below the static block that fills it
    private static final String MONTH = "(" + String.join("|", MONTHS.keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed()).toList()) + ")(?!\\p{L})\\.?";
    private static final String YEAR = "((?:19|20)\\d{2})";
    private static final String NUMERIC_START = START + "(?<!\\d[./-])";
    private static final String NUMERIC_STOP = STOP + "(?![./-]\\d)";

    /** A date form and the groups holding its day, month and year. */
    private record DateForm(Pattern pattern, int day, int month, int year) {}

    private static final List<DateForm> DATE_FORMS = List.of(
            // 3-4-2012, 03/04/2012, 3.4.2012 (one separator throughout)
            new DateForm(Pattern.compile(NUMERIC_START + "(\\d{1,2})([./-])(\\d{1,2})\\2" + YEAR + NUMERIC_STOP), 1, 3, 4),
            // 2012-04-03
            new DateForm(Pattern.compile(NUMERIC_START + YEAR + "-(\\d{1,2})-(\\d{1,2})" + NUMERIC_STOP), 3, 2, 1),
            // 3 maart 2012, 3 mrt. 2012
            new DateForm(Pattern.compile(START + "(\\d{1,2})" + SP + "{1,3}" + MONTH + SP + "{1,3}" + YEAR + STOP, CI), 1, 2, 3),
            // March 3, 2012
            new DateForm(Pattern.compile(START + MONTH + SP + "{1,3}(\\d{1,2})(?:st|nd|rd|th)?,?" + SP + "{1,3}" + YEAR + STOP, CI), 2, 1, 3));

    @Override
    public void find(String text, List<Finding> out) {
        List<int[]> keywords = spans(KEYWORD, text);
        if (keywords.isEmpty()) {
            return; // a date alone is usually a meeting, not a birthday
        }
        for (DateForm form : DATE_FORMS) {
            Matcher m = form.pattern().matcher(text);
            while (m.find()) {
                String monthText = m.group(form.month());
                Integer month = Character.isDigit(monthText.charAt(0))
                        ? Integer.valueOf(Integer.parseInt(monthText))
                        : MONTHS.get(monthText.toLowerCase(Locale.ROOT));
                int day = Integer.parseInt(m.group(form.day()));
                int year = Integer.parseInt(m.group(form.year()));
                if (month != null && validDate(year, month, day)
                        && near(keywords, m.start(), m.end(), KEYWORD_DISTANCE)) {
                    add(out, FindingKind.DATE_OF_BIRTH, text, m.start(), m.end());
                }
            }
        }
    }

    private static boolean validDate(int year, int month, int day) {
        return month >= 1 && month <= 12 && day >= 1 && day <= YearMonth.of(year, month).lengthOfMonth();
    }
}
