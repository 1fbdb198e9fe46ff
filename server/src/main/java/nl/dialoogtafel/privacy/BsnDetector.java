package nl.dialoogtafel.privacy;

import static nl.dialoogtafel.privacy.ScanText.CI;
import static nl.dialoogtafel.privacy.ScanText.SP;
import static nl.dialoogtafel.privacy.ScanText.add;
import static nl.dialoogtafel.privacy.ScanText.spans;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BSN: nine digits (or eight, the leading zero dropped), plain or grouped, passing the 11-proof,
 * with a BSN word anywhere in the same sentence (see {@link Sentences}). Without such a word a
 * 9-digit number is as likely a case or phone number, so it is not reported (one in eleven
 * random numbers passes the 11-proof). A number that reads as an amount, a date, or is labelled
 * as another number ("zaaknummer 123456782", "KvK-nummer van de aanbieder: ...") is not a BSN.
 */
final class BsnDetector implements Detector {

    /** BSN, B.S.N., B S N, bsn-nr, burgerservicenr., sofinr, fiscaal nummer, citizen service number, ... */
    private static final Pattern KEYWORD = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:bsn"
                    + "|b(?:[.-]" + SP + "?|" + SP + ")s(?:[.-]" + SP + "?|" + SP + ")n(?!\\p{L})\\.?"
                    + "|burger[ \\u00A0-]?serv(?:ice)?[ \\u00A0.-]{0,2}(?:nummer|nr|no)"
                    + "|sofi[ \\u00A0-]?(?:nummer|nr|no)"
                    + "|persoons[ \\u00A0-]?(?:nummer|nr)"
                    + "|fiscaal[ \\u00A0-]?(?:nummer|nr)"
                    + "|citizen(?:'?s)?[ \\u00A0-]service[ \\u00A0-]?(?:number|no|nr)"
                    + "|social[ \\u00A0-]security[ \\u00A0-]?(?:number|no|nr))",
            CI);
    /** 123456782, or 12345678; not part of 1.123.456.782, 2023-123456782 or 123456782-01. */
    private static final Pattern PLAIN = Pattern.compile(
            "(?<!\\p{N})(?<!\\p{N}[.,/-])\\d{8,9}(?![\\p{L}\\p{N}])(?![.,/-]\\d)");
    /** 1234.56.782, 123 456 782, 123-456-782, 12.34.56.782: one separator throughout. */
    private static final Pattern GROUPED = Pattern.compile(
            "(?<!\\p{N})(?<!\\p{N}[., \\u00A0/-])(?:\\d{4}([. \\u00A0-])\\d{2}\\1\\d{3}|\\d{3}([. \\u00A0-])\\d{3}\\2\\d{3}"
                    + "|\\d{2}([. \\u00A0-])\\d{2}\\3\\d{2}\\3\\d{3})(?![\\p{L}\\p{N}])(?![., \\u00A0/-]\\d)");
    private static final Pattern CURRENCY_BEFORE =
            Pattern.compile("(?:€|\\$|(?<!\\p{L})eur|(?<!\\p{L})euro)" + SP + "{0,2}$", CI);
    private static final Pattern CURRENCY_AFTER = Pattern.compile(SP + "{0,2}(?:,-|,=|€|euro|eur(?!\\p{L}))", CI);
    /** Another number's label or an amount's word, then at most four words, right before the number. */
    private static final Pattern OTHER_LABEL = Pattern.compile(
            "(?<!\\p{L})(?:(?:kenmerk|referentie|ref|zaak|kvk|agb)(?:[ \\u00A0-]?(?:nummer|nr|code|no))?"
                    + "|budget|bedrag|kosten|tekort|overschot|begroting|subsidie|omzet|totaal|saldo|schulde?n?"
                    + "|(?:dossier|cli[eë]nt|klant|factuur|polis|relatie|order|registratie|debiteur|contract|lid|pas"
                    + "|leerling|onderwijs|meldings?)[ \\u00A0-]?(?:nummer|nr|code|no))\\.?"
                    + "(?:" + SP + "{1,3}[\\p{L}'-]{1,20}){0,4}" + SP + "{0,3}[:#=]?" + SP + "{0,3}$",
            CI);

    @Override
    public void find(String text, List<Finding> out) {
        List<int[]> keywords = spans(KEYWORD, text);
        if (keywords.isEmpty()) {
            return; // without a keyword a 9-digit number is as likely a phone or case number
        }
        Sentences sentences = new Sentences(text);
        for (Pattern p : List.of(PLAIN, GROUPED)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                String digits = m.group().replaceAll("\\D", "");
                if (elevenProof(digits) && !gluedToWord(text, m.start(), keywords)
                        && inSentence(keywords, sentences.start(m.start()), sentences.end(m.end() - 1, text.length()))
                        && !amount(text, m.start(), m.end()) && !(digits.length() == 8 && date(digits))
                        && !labelledOther(text, m.start())) {
                    add(out, FindingKind.BSN, text, m.start(), m.end());
                }
            }
        }
    }

    /** "BSN123456782" counts, "AB123456782" does not. */
    private static boolean gluedToWord(String text, int start, List<int[]> keywords) {
        if (start == 0 || !Character.isLetter(text.charAt(start - 1))) {
            return false;
        }
        return keywords.stream().noneMatch(k -> k[1] == start);
    }

    /** Keyword spans ascend, so the first one starting at or after from decides. */
    private static boolean inSentence(List<int[]> keywords, int from, int to) {
        int lo = 0;
        int hi = keywords.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (keywords.get(mid)[0] < from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < keywords.size() && keywords.get(lo)[1] <= to;
    }

    private static boolean amount(String text, int start, int end) {
        return CURRENCY_BEFORE.matcher(text.substring(Math.max(0, start - 8), start)).find()
                || ScanText.region(CURRENCY_AFTER, text, end, Math.min(text.length(), end + 8)).lookingAt();
    }

    /** 20150101 or 01012015: eight digits that read as a day in 1900-2099. */
    private static boolean date(String d) {
        return validDate(d.substring(0, 4), d.substring(4, 6), d.substring(6))
                || validDate(d.substring(4), d.substring(2, 4), d.substring(0, 2));
    }

    private static boolean validDate(String year, String month, String day) {
        int y = Integer.parseInt(year);
        if (y < 1900 || y > 2099) {
            return false;
        }
        try {
            LocalDate.of(y, Integer.parseInt(month), Integer.parseInt(day));
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** "kenmerk 123456782" is a case number, unless a BSN word sits between ("dossier- en bsn-nummer"). */
    private static boolean labelledOther(String text, int start) {
        String before = text.substring(Math.max(0, start - 80), start);
        Matcher label = OTHER_LABEL.matcher(before);
        // "bsn/cliëntnummer 123456782": a BSN word glued to the label makes it a BSN label too
        return label.find() && !KEYWORD.matcher(before.substring(Math.max(0, label.start() - 4))).find();
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
