package nl.dialoogtafel.http;

import java.text.Normalizer;

/**
 * The one rule for text people type, wherever it arrives (phone, API, form): trimmed, stored in
 * NFC so "e" + combining accent and "é" are the same name, counted in code points so an emoji is
 * one character, and without control characters (C0, DEL, C1). A name may not hide characters
 * either: bidi overrides and isolates can make a name read as another, zero-width characters can
 * make two names look the same. Pure; the callers decide how a fault is told.
 */
public final class TextRule {

  /** What kind of text a field holds. */
  public enum Shape {
    /** A name: a person, organisation, role, municipality, signature; one line, nothing hidden. */
    NAME,
    /** One line of free text (a post's title, an id). */
    LINE,
    /** Free text over several lines: newline, carriage return and tab are allowed. */
    TEXT
  }

  /** Why a text is refused. */
  public enum Fault { LENGTH, CHARACTERS }

  private TextRule() {}

  /** The text as it is checked and stored: stripped of surrounding white space and in NFC. */
  public static String clean(String raw) {
    String stripped = raw.strip();
    return Normalizer.isNormalized(stripped, Normalizer.Form.NFC)
        ? stripped : Normalizer.normalize(stripped, Normalizer.Form.NFC);
  }

  /** What is wrong with a cleaned text, or null when it may be stored; characters are judged first. */
  public static Fault fault(String cleaned, int max, Shape shape) {
    for (int i = 0; i < cleaned.length(); ) {
      int cp = cleaned.codePointAt(i);
      if (!allowed(cp, shape)) {
        return Fault.CHARACTERS;
      }
      i += Character.charCount(cp);
    }
    return length(cleaned) > max ? Fault.LENGTH : null;
  }

  /** Length in code points: what a person counts as characters, not UTF-16 units. */
  public static int length(String text) {
    return text.codePointCount(0, text.length());
  }

  private static boolean allowed(int cp, Shape shape) {
    if (cp == '\n' || cp == '\r' || cp == '\t') {
      return shape == Shape.TEXT;
    }
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) {
      return false; // C0, DEL and C1 (U+0085 among them: a line break to some readers)
    }
    if (cp >= 0xd800 && cp <= 0xdfff) {
      return false; // half of a pair: not a character at all, and not storable as UTF-8
    }
    return shape != Shape.NAME || !hidden(cp);
  }

  /** Bidi embeddings, overrides and isolates, and the zero-width characters. */
  private static boolean hidden(int cp) {
    return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)
        || (cp >= 0x200b && cp <= 0x200d) || cp == 0x2060 || cp == 0xfeff;
  }
}
