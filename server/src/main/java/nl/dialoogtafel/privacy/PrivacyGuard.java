package nl.dialoogtafel.privacy;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds identifiers of clients (BSN, postcode with house number, date of birth, phone number,
 * e-mail address, IBAN) in free text written by youth-care professionals.
 *
 * <p>Pure, JDK-only and thread-safe: all state is in immutable static patterns and tables.
 * Every pattern uses bounded quantifiers and starts behind a word boundary, so a scan stays
 * roughly linear in the text length however hostile the input. The detectors lean towards
 * precision: numbers that merely look like an identifier (meeting dates, amounts, years,
 * article numbers) need a nearby keyword or a strict shape before they count.
 */
public final class PrivacyGuard {

    private PrivacyGuard() {}

    private static final int BSN_KEYWORD_DISTANCE = 40;
    private static final int BIRTH_KEYWORD_DISTANCE = 30;
    private static final int STREET_GAP = 40;

    /** When two findings overlap, the kind earlier in this list wins (an IBAN hides a BSN in it). */
    private static final List<FindingKind> PRIORITY = List.of(
            FindingKind.IBAN, FindingKind.EMAIL, FindingKind.PHONE, FindingKind.BSN,
            FindingKind.DATE_OF_BIRTH, FindingKind.POSTCODE_HOUSENUMBER);

    private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final String SP = "[ \\u00A0]"; // space or no-break space
    /** Not glued to a preceding letter or digit. */
    private static final String START = "(?<![\\p{L}\\p{N}])";
    /** Not glued to a following letter or digit. */
    private static final String STOP = "(?![\\p{L}\\p{N}])";

    /**
     * Scans a text for client identifiers.
     *
     * @return the findings in order of appearance; empty when nothing is found or text is null
     */
    public static List<Finding> scan(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Finding> found = new ArrayList<>();
        findIbans(text, found);
        findEmails(text, found);
        findPhones(text, found);
        findBsns(text, found);
        findDatesOfBirth(text, found);
        findPostcodes(text, found);
        return withoutOverlaps(found);
    }

    private static List<Finding> withoutOverlaps(List<Finding> found) {
        found.sort(Comparator.comparingInt((Finding f) -> PRIORITY.indexOf(f.kind()))
                .thenComparingInt(Finding::start));
        // kept findings never overlap, so the one starting last before f ends is the only one to check
        TreeMap<Integer, Finding> kept = new TreeMap<>();
        for (Finding f : found) {
            Map.Entry<Integer, Finding> before = kept.floorEntry(f.end() - 1);
            if (before == null || before.getValue().end() <= f.start()) {
                kept.put(f.start(), f);
            }
        }
        return List.copyOf(kept.values());
    }

    private static void add(List<Finding> out, FindingKind kind, String text, int start, int end) {
        out.add(new Finding(kind, start, end, text.substring(start, end)));
    }

    // ---------------------------------------------------------------- BSN

    private static final Pattern BSN_KEYWORD = Pattern.compile(
            "(?<!\\p{L})(?:bsn|burger[ \\u00A0-]?service[ \\u00A0-]?nummer|sofi[ \\u00A0-]?nummer|persoonsnummer)",
            CI);
    /** 123456782, or 12345678 (a BSN with its leading zero dropped); not part of 1.123.456.782. */
    private static final Pattern BSN_PLAIN = Pattern.compile(
            START + "(?<!\\d[.,])\\d{8,9}" + STOP + "(?![.,]\\d)");
    /** 1234.56.782 or 123 456 782, not part of a longer run of grouped digits. */
    private static final Pattern BSN_GROUPED = Pattern.compile(
            START + "(?<!\\d[., \\u00A0-])(?:\\d{4}([. \\u00A0-])\\d{2}\\1\\d{3}|\\d{3}([. \\u00A0-])\\d{3}\\2\\d{3})"
                    + STOP + "(?![., \\u00A0-]\\d)");

    private static void findBsns(String text, List<Finding> out) {
        List<int[]> keywords = spans(BSN_KEYWORD, text);
        if (keywords.isEmpty()) {
            return; // without a keyword a 9-digit number is as likely a phone or case number
        }
        for (Pattern p : List.of(BSN_PLAIN, BSN_GROUPED)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                String digits = m.group().replaceAll("\\D", "");
                if (elevenProof(digits) && near(keywords, m.start(), m.end(), BSN_KEYWORD_DISTANCE)) {
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

    // ---------------------------------------------------------------- date of birth

    private static final Pattern BIRTH_KEYWORD = Pattern.compile(
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

    private static void findDatesOfBirth(String text, List<Finding> out) {
        List<int[]> keywords = spans(BIRTH_KEYWORD, text);
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
                        && near(keywords, m.start(), m.end(), BIRTH_KEYWORD_DISTANCE)) {
                    add(out, FindingKind.DATE_OF_BIRTH, text, m.start(), m.end());
                }
            }
        }
    }

    private static boolean validDate(int year, int month, int day) {
        return month >= 1 && month <= 12 && day >= 1 && day <= YearMonth.of(year, month).lengthOfMonth();
    }

    // ---------------------------------------------------------------- postcode with house number

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

    private static void findPostcodes(String text, List<Finding> out) {
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

    // ---------------------------------------------------------------- phone

    /**
     * Phone numbers are parsed by hand rather than by one big regex: the text is cut into digit
     * groups and the grouping must look like a Dutch (or international) number. That keeps
     * dates such as 06-02-2012 and amounts out, and the work per start position is bounded.
     */
    private static void findPhones(String text, List<Finding> out) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c != '+' && c != '0' && c != '(') {
                continue;
            }
            if (i > 0) {
                char p = text.charAt(i - 1);
                if (Character.isLetterOrDigit(p) || "+.,-@_".indexOf(p) >= 0) {
                    continue; // inside some other token
                }
            }
            int end = phoneEnd(text, i);
            if (end > 0) {
                add(out, FindingKind.PHONE, text, i, end);
                i = end - 1;
            }
        }
    }

    private static int phoneEnd(String text, int i) {
        char c = text.charAt(i);
        boolean international = c == '+' || text.startsWith("00", i);
        boolean paren = c == '(';
        int digitsFrom = c == '+' || paren ? i + 1 : international ? i + 2 : i;
        if (paren && !text.startsWith("0", digitsFrom)) {
            return -1;
        }
        List<int[]> groups = digitGroups(text, digitsFrom);
        if (groups.isEmpty() || groups.get(0)[0] != digitsFrom) {
            return -1;
        }
        int end = international ? internationalEnd(text, groups) : nationalEnd(text, groups, paren);
        if (end > 0 && end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
            return -1;
        }
        return end;
    }

    /** Runs of ASCII digits separated by at most 3 of " -/()" each; at most 8 runs. */
    private static List<int[]> digitGroups(String text, int from) {
        List<int[]> groups = new ArrayList<>();
        int n = text.length();
        int j = from;
        while (j < n && groups.size() < 8) {
            int k = j;
            while (k < n && isDigit(text.charAt(k)) && k - j < 16) {
                k++;
            }
            if (k == j) {
                break;
            }
            groups.add(new int[] {j, k});
            int s = k;
            while (s < n && s - k < 3 && " \u00A0-/()".indexOf(text.charAt(s)) >= 0) {
                s++;
            }
            if (s == k || s >= n || !isDigit(text.charAt(s))) {
                break;
            }
            j = s;
        }
        return groups;
    }

    /** 0612345678, 06-1234 5678, 020 123 4567, (020) 1234567: exactly 10 digits. */
    private static int nationalEnd(String text, List<int[]> groups, boolean paren) {
        String first = part(text, groups.get(0));
        if (first.length() < 2 || first.charAt(1) == '0') {
            return -1;
        }
        StringBuilder digits = new StringBuilder();
        int last = 0;
        while (last < groups.size() && digits.length() < 10) {
            digits.append(part(text, groups.get(last++)));
        }
        last--;
        if (digits.length() != 10) {
            return -1;
        }
        if (last == 0 && paren) {
            return -1;
        }
        if (last > 0) {
            // an area code (06, 010, 0111) then the subscriber number grouped by spaces only
            boolean areaCode = first.equals("06") || first.length() == 3 || first.length() == 4;
            String sep = between(text, groups, 1);
            boolean sepOk = paren ? sep.equals(")") || sep.equals(") ") : sep.matches("[ \\u00A0/-]{1,3}");
            if (!areaCode || !sepOk) {
                return -1;
            }
            for (int g = 1; g <= last; g++) {
                int[] group = groups.get(g);
                if (group[1] - group[0] < 2 || (g > 1 && !between(text, groups, g).matches("[ \\u00A0]"))) {
                    return -1;
                }
            }
        }
        String d = digits.toString();
        if (d.startsWith("0800") || d.startsWith("0900") || d.startsWith("0906") || d.startsWith("0909")) {
            return -1; // public service numbers
        }
        return groups.get(last)[1];
    }

    /** +31 6 12345678, +31 (0)20 1234567, 0031 6...; other countries: 9 to 15 digits. */
    private static int internationalEnd(String text, List<int[]> groups) {
        int usable = 1;
        while (usable < groups.size() && between(text, groups, usable).matches("[ \\u00A0()-]{1,3}")) {
            usable++;
        }
        String first = part(text, groups.get(0));
        if (first.charAt(0) == '0') {
            return -1;
        }
        if (!first.startsWith("31")) {
            int total = 0;
            for (int g = 0; g < usable; g++) {
                total += groups.get(g)[1] - groups.get(g)[0];
            }
            return total >= 9 && total <= 15 ? groups.get(usable - 1)[1] : -1;
        }
        StringBuilder national = new StringBuilder(first.substring(2));
        int g = 1;
        if (national.length() == 0 && usable > 2 && part(text, groups.get(1)).equals("0")
                && between(text, groups, 1).endsWith("(") && between(text, groups, 2).startsWith(")")) {
            g = 2; // the "(0)" of +31 (0)6 ...
        }
        int last = 0;
        // nine digits, or ten when written with the trunk zero (+31 06 ...)
        while (g < usable && national.length() < (national.length() > 0 && national.charAt(0) == '0' ? 10 : 9)) {
            national.append(part(text, groups.get(g)));
            last = g++;
        }
        String d = national.toString();
        if (d.startsWith("0")) {
            d = d.substring(1);
        }
        if (d.length() != 9 || d.startsWith("0") || d.startsWith("800") || d.startsWith("900")
                || d.startsWith("906") || d.startsWith("909")) {
            return -1;
        }
        return groups.get(last)[1];
    }

    private static String part(String text, int[] group) {
        return text.substring(group[0], group[1]);
    }

    /** The separator text in front of group g. */
    private static String between(String text, List<int[]> groups, int g) {
        return text.substring(groups.get(g - 1)[1], groups.get(g)[0]);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    // ---------------------------------------------------------------- e-mail

    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]{1,64}@[\\p{L}\\p{N}-]{1,63}"
                    + "(?:\\.[\\p{L}\\p{N}-]{1,63}){0,8}\\.\\p{L}{2,24}(?![\\p{L}\\p{N}-])");

    private static void findEmails(String text, List<Finding> out) {
        Matcher m = EMAIL.matcher(text);
        while (m.find()) {
            add(out, FindingKind.EMAIL, text, m.start(), m.end());
        }
    }

    // ---------------------------------------------------------------- IBAN

    private static final Map<String, Integer> IBAN_LENGTHS = new HashMap<>();

    static {
        String table = "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BR29 CH21 CR22 CY28 CZ24 DE22 DK18"
                + " DO28 EE20 EG29 ES24 FI18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23"
                + " IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 MC27 MD24 ME22 MK19 MR27 MT31"
                + " MU30 NL18 NO15 PK24 PL28 PS29 PT25 QA29 RO24 RS22 SA24 SC31 SE24 SI19 SK24 SM27 TN24"
                + " TR26 UA29 VA22 VG24 XK20";
        for (String entry : table.split(" ")) {
            IBAN_LENGTHS.put(entry.substring(0, 2), Integer.parseInt(entry.substring(2)));
        }
    }

    private static final Pattern IBAN_START = Pattern.compile(START + "[A-Za-z]{2}\\d{2}");
    private static final Pattern NL_IBAN = Pattern.compile("NL\\d{2}[A-Z]{4}\\d{10}");

    /** Country code, check digits, then the account in one run or in groups of four. */
    private static void findIbans(String text, List<Finding> out) {
        int n = text.length();
        Matcher m = IBAN_START.matcher(text);
        while (m.find()) {
            String country = m.group().substring(0, 2).toUpperCase(Locale.ROOT);
            Integer length = IBAN_LENGTHS.get(country);
            if (length == null) {
                continue;
            }
            StringBuilder iban = new StringBuilder(m.group().toUpperCase(Locale.ROOT));
            int j = m.end();
            while (iban.length() < length && j < n) {
                char c = text.charAt(j);
                if (isAsciiAlnum(c)) {
                    iban.append(Character.toUpperCase(c));
                    j++;
                } else if ((c == ' ' || c == '\u00A0') && iban.length() % 4 == 0
                        && j + 1 < n && isAsciiAlnum(text.charAt(j + 1))) {
                    j++;
                } else {
                    break;
                }
            }
            if (iban.length() == length && (j == n || !Character.isLetterOrDigit(text.charAt(j)))
                    && (!country.equals("NL") || NL_IBAN.matcher(iban).matches()) && mod97(iban)) {
                add(out, FindingKind.IBAN, text, m.start(), j);
            }
        }
    }

    private static boolean isAsciiAlnum(char c) {
        return isDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    /** ISO 13616: move the first four characters to the end, read letters as 10..35, mod 97 == 1. */
    private static boolean mod97(CharSequence iban) {
        String s = iban.subSequence(4, iban.length()) + iban.subSequence(0, 4).toString();
        int rest = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            rest = isDigit(c) ? (rest * 10 + (c - '0')) % 97 : (rest * 100 + (c - 'A' + 10)) % 97;
        }
        return rest == 1;
    }

    // ---------------------------------------------------------------- helpers

    private static List<int[]> spans(Pattern p, String text) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        return spans;
    }

    /** Keyword spans come from one find() loop, so both their starts and ends ascend: binary search. */
    private static boolean near(List<int[]> keywords, int start, int end, int distance) {
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
    private static Matcher region(Pattern p, String text, int from, int to) {
        return p.matcher(text).region(from, to).useTransparentBounds(true).useAnchoringBounds(false);
    }
}
