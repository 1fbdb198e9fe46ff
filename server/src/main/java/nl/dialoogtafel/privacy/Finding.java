package nl.dialoogtafel.privacy;

/**
 * One identifier found in a text. {@code start} and {@code end} are {@link String} (UTF-16)
 * indices, end exclusive, so {@code text.substring(start, end).equals(excerpt)}.
 */
public record Finding(FindingKind kind, int start, int end, String excerpt) {}
