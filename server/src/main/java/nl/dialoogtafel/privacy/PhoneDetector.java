package nl.dialoogtafel.privacy;

import static nl.dialoogtafel.privacy.ScanText.add;
import static nl.dialoogtafel.privacy.ScanText.isDigit;

import java.util.ArrayList;
import java.util.List;

/**
 * Dutch (and international) phone numbers. They are parsed by hand rather than by one big
 * regex: the text is cut into digit groups and the grouping must look like a Dutch (or
 * international) number. That keeps dates such as 06-02-2012 and amounts out, and the work
 * per start position is bounded. 0800/0900 numbers are read by {@link ServiceNumbers}.
 */
final class PhoneDetector implements Detector {

    @Override
    public void find(String text, List<Finding> out) {
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
        int end = international ? internationalEnd(text, groups)
                : !paren && ServiceNumbers.isServicePrefix(text, digitsFrom) ? ServiceNumbers.end(text, groups)
                : nationalEnd(text, groups, paren);
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

    static String part(String text, int[] group) {
        return text.substring(group[0], group[1]);
    }

    /** The separator text in front of group g. */
    static String between(String text, List<int[]> groups, int g) {
        return text.substring(groups.get(g - 1)[1], groups.get(g)[0]);
    }
}
