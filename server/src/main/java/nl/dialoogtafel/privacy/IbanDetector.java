package nl.dialoogtafel.privacy;

import static nl.dialoogtafel.privacy.ScanText.START;
import static nl.dialoogtafel.privacy.ScanText.add;
import static nl.dialoogtafel.privacy.ScanText.isDigit;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** IBAN: a known country with its exact length, passing the mod-97 check (Dutch ones by shape too). */
final class IbanDetector implements Detector {

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
    @Override
    public void find(String text, List<Finding> out) {
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
}
