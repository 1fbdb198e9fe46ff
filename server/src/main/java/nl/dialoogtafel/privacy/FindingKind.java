package nl.dialoogtafel.privacy;

/** The kinds of client identifier the {@link PrivacyGuard} looks for. */
public enum FindingKind {
    BSN, POSTCODE_HOUSENUMBER, DATE_OF_BIRTH, PHONE, EMAIL, IBAN;

    /** A BSN is never stored, not even after the author confirms; the others only warn. */
    public boolean alwaysRefused() {
        return this == BSN;
    }
}
