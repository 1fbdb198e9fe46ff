package nl.dialoogtafel.archive;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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

  private final DateTimeFormatter day;
  private final DateTimeFormatter time;

  private Dates(Locale locale) {
    this.day = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).withZone(ZONE);
    this.time = DateTimeFormatter.ofPattern("HH:mm", locale).withZone(ZONE);
  }

  public static Dates of(String language) {
    return new Dates("en".equals(language) ? Locale.UK : Locale.forLanguageTag("nl-NL"));
  }

  /** "12 maart 2025"; empty for a missing or unreadable instant. */
  public String day(String iso) {
    Instant at = parse(iso);
    return at == null ? "" : day.format(at);
  }

  /** "12 maart 2025, 10:04". */
  public String dayTime(String iso) {
    Instant at = parse(iso);
    return at == null ? "" : day.format(at) + ", " + time.format(at);
  }

  public String time(String iso) {
    Instant at = parse(iso);
    return at == null ? "" : time.format(at);
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
