package nl.dialoogtafel.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Dutch and English must say the same things: a key missing in one language fails here. */
class MessageBundlesTest {

  private static final Path SCREEN_BUNDLES = Path.of("..", "web-assets", "i18n");

  @Test
  @DisplayName("Every screen bundle exists in Dutch and English with exactly the same keys, none empty")
  void screenBundlesMatch() throws IOException {
    List<Path> dutch;
    try (Stream<Path> files = Files.list(SCREEN_BUNDLES)) {
      dutch = files.filter(p -> p.getFileName().toString().endsWith(".nl.json")).sorted().toList();
    }
    assertFalse(dutch.isEmpty(), "screen bundles are in " + SCREEN_BUNDLES.toAbsolutePath());
    for (Path nl : dutch) {
      Path en = nl.resolveSibling(nl.getFileName().toString().replace(".nl.json", ".en.json"));
      assertTrue(Files.exists(en), "English bundle for " + nl.getFileName());
      JsonObject dutchMessages = new JsonObject(Files.readString(nl));
      JsonObject englishMessages = new JsonObject(Files.readString(en));
      assertEquals(new TreeSet<>(dutchMessages.fieldNames()), new TreeSet<>(englishMessages.fieldNames()),
          "keys of " + nl.getFileName() + " and " + en.getFileName());
      for (String key : dutchMessages.fieldNames()) {
        assertFalse(dutchMessages.getString(key).isBlank(), nl.getFileName() + ": " + key + " is empty");
        assertFalse(englishMessages.getString(key).isBlank(), en.getFileName() + ": " + key + " is empty");
      }
    }
  }

  @Test
  @DisplayName("The server's Dutch and English sentences have the same keys")
  void serverBundlesMatch() throws IOException {
    assertEquals(keys("/i18n/messages_nl.properties"), keys("/i18n/messages_en.properties"));
  }

  private static Set<String> keys(String resource) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = MessageBundlesTest.class.getResourceAsStream(resource)) {
      properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    return new TreeSet<>(properties.stringPropertyNames());
  }
}
