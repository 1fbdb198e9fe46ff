package nl.dialoogtafel.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The record page's clock times, read by hand for speed, say what the JDK's formatters say. */
class DatesTest {

  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(Dates.ZONE);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
      .withLocale(Locale.forLanguageTag("nl-NL")).withZone(Dates.ZONE);

  @Test
  @DisplayName("Every 23 minutes over two years, across the clock changes, with and without a fraction")
  void sameAsTheFormatter() {
    Dates nl = Dates.of("nl");
    Instant at = Instant.parse("2025-01-01T00:00:00Z");
    for (int i = 0; i < 2 * 365 * 24 * 60 / 23; i++, at = at.plus(Duration.ofMinutes(23).plusMillis(1_234))) {
      String iso = at.toString();
      assertEquals(CLOCK.format(at), nl.time(iso), iso);
      assertEquals(DAY.format(at) + ", " + CLOCK.format(at), nl.dayTime(iso), iso);
    }
    for (String iso : List.of("2025-03-30T00:59:59Z", "2025-03-30T01:00:00Z", "2025-10-26T00:59:59.999Z",
        "2025-10-26T01:00:00.000000001Z", "1999-12-31T23:59:59Z")) {
      assertEquals(CLOCK.format(Instant.parse(iso)), nl.time(iso), iso);
    }
  }

  @Test
  @DisplayName("A missing or unreadable instant is empty, as before; a leap second or 24:00 reads as Instant.parse reads it")
  void unreadable() {
    Dates en = Dates.of("en");
    for (String iso : new String[] {null, "", "gisteren", "2025-13-01T10:00:00Z", "2025-02-30T10:00:00Z",
        "2025-01-01T10:00:0xZ", "2025-01-01 10:00:00Z"}) {
      assertEquals("", en.time(iso), String.valueOf(iso));
      assertEquals("", en.day(iso), String.valueOf(iso));
    }
    assertEquals(CLOCK.format(Instant.parse("2016-12-31T23:59:60Z")), en.time("2016-12-31T23:59:60Z"));
    assertEquals(CLOCK.format(Instant.parse("2025-01-01T24:00:00Z")), en.time("2025-01-01T24:00:00Z"));
    assertEquals("12 March 2025", en.day("2025-03-12T09:04:05Z"));
  }
}
