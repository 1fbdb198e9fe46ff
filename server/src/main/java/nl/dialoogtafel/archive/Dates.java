package nl.dialoogtafel.archive;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Dates as a Dutch (or English) reader writes them, in Dutch time: the record keeps UTC instants,
 * the sessions happen in Dutch municipalities.
 */
public final class Dates {

  public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
  /** A formatter is immutable and safe to share: one a language, not one per page. */
  private static final Dates DUTCH = new Dates(Locale.forLanguageTag("nl-NL"));
  private static final Dates ENGLISH = new Dates(Locale.UK);
  /** No instant: missing or unreadable. */
  private static final long NONE = Long.MIN_VALUE;

  private final DateTimeFormatter day;

  private Dates(Locale locale) {
    this.day = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).withZone(ZONE);
  }

  public static Dates of(String language) {
    return "en".equals(language) ? ENGLISH : DUTCH;
  }

  /** "12 maart 2025"; empty for a missing or unreadable instant. */
  public String day(String iso) {
    long at = epochSecond(iso);
    return at == NONE ? "" : day.format(Instant.ofEpochSecond(at));
  }

  /** "12 maart 2025, 10:04". */
  public String dayTime(String iso) {
    long at = epochSecond(iso);
    return at == NONE ? "" : day.format(Instant.ofEpochSecond(at)) + ", " + clock(at);
  }

  /**
   * "10:04" (the same in both languages). Called for every post of a record page, so it reads the
   * instant by hand and counts the minutes itself (a formatter's parse and format were ~13 % of
   * rendering a big record).
   */
  public String time(String iso) {
    long at = epochSecond(iso);
    return at == NONE ? "" : clock(at);
  }

  private static String clock(long epochSecond) {
    int offset = ZONE.getRules().getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
    int minutes = (int) (Math.floorMod(epochSecond + offset, 86_400L) / 60);
    int hour = minutes / 60;
    int minute = minutes % 60;
    return new String(new char[] {(char) ('0' + hour / 10), (char) ('0' + hour % 10), ':',
        (char) ('0' + minute / 10), (char) ('0' + minute % 10)});
  }

  /**
   * Seconds since the epoch of an instant as the record writes it ({@code Instant.toString()}:
   * "2025-03-12T09:04:05Z", with or without a fraction), read by position; anything else through
   * {@link Instant#parse}. {@link #NONE} when missing or unreadable.
   */
  static long epochSecond(String iso) {
    if (iso == null) {
      return NONE;
    }
    int n = iso.length();
    if (n >= 20 && iso.charAt(4) == '-' && iso.charAt(7) == '-' && iso.charAt(10) == 'T' && iso.charAt(13) == ':'
        && iso.charAt(16) == ':' && iso.charAt(n - 1) == 'Z' && (n == 20 || iso.charAt(19) == '.' && n > 21)
        && digits(iso, 0, 4) && digits(iso, 5, 7) && digits(iso, 8, 10) && digits(iso, 11, 13)
        && digits(iso, 14, 16) && digits(iso, 17, 19) && (n == 20 || digits(iso, 20, n - 1))) {
      try {
        return LocalDateTime.of(number(iso, 0, 4), number(iso, 5, 7), number(iso, 8, 10), number(iso, 11, 13),
            number(iso, 14, 16), number(iso, 17, 19)).toEpochSecond(ZoneOffset.UTC);
      } catch (DateTimeException e) {
        // e.g. a leap second, which Instant.parse reads as the second before
      }
    }
    Instant at = parse(iso);
    return at == null ? NONE : at.getEpochSecond();
  }

  private static boolean digits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static int number(String s, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      value = value * 10 + (s.charAt(i) - '0');
    }
    return value;
  }

  /** The calendar day (Dutch time) of an instant, for filtering by period. */
  public static LocalDate localDay(String iso) {
    Instant at = parse(iso);
    return at == null ? null : at.atZone(ZONE).toLocalDate();
  }

  private static Instant parse(String iso) {
    if (iso == null) {
      return null;
    }
    try {
      return Instant.parse(iso);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
