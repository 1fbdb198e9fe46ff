package nl.dialoogtafel.i18n;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A story the facilitator marks for the half-year account has one Dutch name everywhere: the
 * console once said "typerend verhaal" where the record and the account say "sprekend verhaal".
 */
class TellingWordTest {

  private static final Path SERVER_BUNDLE = Path.of("src", "main", "resources", "i18n", "messages_nl.properties");
  private static final Path SCREEN_BUNDLES = Path.of("..", "web-assets", "i18n");
  private static final Path TEMPLATES = Path.of("src", "main", "resources", "templates");

  @Test
  @DisplayName("No Dutch bundle, screen or page calls a telling story 'typerend'; console and record say 'sprekend'")
  void oneWordForATellingStory() throws IOException {
    List<Path> dutch = new ArrayList<>(List.of(SERVER_BUNDLE));
    try (Stream<Path> screens = Files.list(SCREEN_BUNDLES)) {
      screens.filter(p -> p.getFileName().toString().endsWith(".nl.json")).forEach(dutch::add);
    }
    try (Stream<Path> pages = Files.list(TEMPLATES)) {
      pages.filter(p -> p.getFileName().toString().endsWith(".ftl")).forEach(dutch::add);
    }
    for (Path file : dutch) {
      assertFalse(Files.readString(file).toLowerCase(Locale.ROOT).contains("typerend"),
          file + " says 'typerend' where the record says 'sprekend'");
    }
    String console = Files.readString(SCREEN_BUNDLES.resolve("console.nl.json")).toLowerCase(Locale.ROOT);
    assertTrue(console.contains("\"console.posts.telling\": \"sprekend verhaal\""), "the console's button");
    assertTrue(console.contains("gemarkeerd als sprekend verhaal"), "the console's confirmation");
    assertTrue(Files.readString(SERVER_BUNDLE).contains("record.telling=sprekend verhaal"), "the record's label");
  }
}
