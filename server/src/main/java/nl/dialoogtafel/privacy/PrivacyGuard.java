package nl.dialoogtafel.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds identifiers of clients (BSN, postcode with house number, date of birth, phone number,
 * e-mail address, IBAN) in free text written by youth-care professionals.
 *
 * <p>Each kind has its own {@link Detector}; this class runs them and decides between
 * overlapping findings. Pure, JDK-only and thread-safe: all state is in immutable static
 * patterns and tables. Every pattern uses bounded quantifiers and starts behind a word
 * boundary, so a scan stays roughly linear in the text length however hostile the input. The
 * detectors lean towards precision: numbers that merely look like an identifier (meeting dates,
 * amounts, years, article numbers) need a nearby keyword or a strict shape before they count.
 */
public final class PrivacyGuard {

    private PrivacyGuard() {}

    /** When two findings overlap, the kind earlier in this list wins (an IBAN hides a BSN in it). */
    private static final List<FindingKind> PRIORITY = List.of(
            FindingKind.IBAN, FindingKind.EMAIL, FindingKind.PHONE, FindingKind.BSN,
            FindingKind.DATE_OF_BIRTH, FindingKind.POSTCODE_HOUSENUMBER);

    /** Stateless, so shared; listed in PRIORITY order. */
    private static final List<Detector> DETECTORS = List.of(
            new IbanDetector(), new EmailDetector(), new PhoneDetector(), new BsnDetector(),
            new BirthDateDetector(), new PostcodeDetector());

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
        for (Detector detector : DETECTORS) {
            detector.find(text, found);
        }
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
}
