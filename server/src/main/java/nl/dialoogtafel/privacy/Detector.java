package nl.dialoogtafel.privacy;

import java.util.List;

/**
 * Finds one kind of identifier. Detectors only add candidates; {@link PrivacyGuard} decides
 * between overlapping ones, so a detector never needs to know about the others.
 */
interface Detector {

    /** Adds every finding of this detector's kind in {@code text} (non-empty) to {@code out}. */
    void find(String text, List<Finding> out);
}
