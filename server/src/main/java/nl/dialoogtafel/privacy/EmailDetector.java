package nl.dialoogtafel.privacy;

import static nl.dialoogtafel.privacy.ScanText.add;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** E-mail addresses: local part, @, and a domain ending in a letters-only top-level domain. */
final class EmailDetector implements Detector {

    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]{1,64}@[\\p{L}\\p{N}-]{1,63}"
                    + "(?:\\.[\\p{L}\\p{N}-]{1,63}){0,8}\\.\\p{L}{2,24}(?![\\p{L}\\p{N}-])");

    @Override
    public void find(String text, List<Finding> out) {
        Matcher m = EMAIL.matcher(text);
        while (m.find()) {
            add(out, FindingKind.EMAIL, text, m.start(), m.end());
        }
    }
}
