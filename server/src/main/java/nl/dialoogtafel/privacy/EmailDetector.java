package nl.dialoogtafel.privacy;

import static nl.dialoogtafel.privacy.ScanText.CI;
import static nl.dialoogtafel.privacy.ScanText.SP;
import static nl.dialoogtafel.privacy.ScanText.add;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * E-mail addresses: local part, @, and a domain ending in a letters-only top-level domain; also
 * written to dodge a filter ("naam [at] domein [punt] nl", "naam(at)domein.nl", "naam at gmail
 * dot com"). The disguised form needs a known top-level domain, so "Sem at snel. Daarna ..."
 * (at: the past tense of eten) stays prose.
 */
final class EmailDetector implements Detector {

    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]{1,64}@[\\p{L}\\p{N}-]{1,63}"
                    + "(?:\\.[\\p{L}\\p{N}-]{1,63}){0,8}\\.\\p{L}{2,24}(?![\\p{L}\\p{N}-])");

    private static final String OPEN = "[\\[({<]" + SP + "{0,2}";
    private static final String CLOSE = SP + "{0,2}[\\])}>]";
    /** [at] (at) {@} (a), " at ", " apenstaartje ", or @ with spaces around it. */
    private static final String AT = "(?:" + SP + "{0,3}" + OPEN + "(?:at|@|a|apen?staartje)" + CLOSE + SP + "{0,3}"
            + "|" + SP + "{1,3}(?:at|apen?staartje)" + SP + "{1,3}"
            + "|" + SP + "{0,3}@" + SP + "{0,3})";
    /** [punt] (dot) [.], " punt ", " dot ", or a full stop with at most two spaces around it. */
    private static final String DOT = "(?:" + SP + "{0,3}" + OPEN + "(?:dot|punt|\\.)" + CLOSE + SP + "{0,3}"
            + "|" + SP + "{1,3}(?:dot|punt)" + SP + "{1,3}"
            + "|" + SP + "{0,2}\\." + SP + "{0,2})";
    private static final String LABEL = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?";
    private static final String TLD = "(?:nl|be|com|net|org|eu|de|fr|uk|info|nu|io|me|biz|online|amsterdam|frl|email|co)";
    private static final Pattern DISGUISED = Pattern.compile(
            "(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]{1,64}" + AT + "(" + LABEL + ")(?:" + DOT + LABEL + "){0,4}"
                    + DOT + TLD + "(?![\\p{L}\\p{N}])",
            CI);

    @Override
    public void find(String text, List<Finding> out) {
        Matcher m = EMAIL.matcher(text);
        while (m.find()) {
            add(out, FindingKind.EMAIL, text, m.start(), m.end());
        }
        Matcher d = DISGUISED.matcher(text);
        while (d.find()) {
            if (!d.group(1).toLowerCase(Locale.ROOT).equals("www")) { // "more info at www.nji.nl" is a website
                add(out, FindingKind.EMAIL, text, d.start(), d.end());
            }
        }
    }
}
