package nl.dialoogtafel.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The bundles say everything the pages ask for, in both languages. */
class MessagesTest {

  private static Properties bundle(String lang) throws IOException {
    Properties p = new Properties();
    try (InputStream in = MessagesTest.class.getResourceAsStream("/i18n/messages_" + lang + ".properties")) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  @DisplayName("An apostrophe survives formatting, inside a choice too (\"collega's\", not \"collegas\")")
  void apostrophesSurvive() throws IOException {
    for (String lang : List.of("nl", "en")) {
      Properties p = bundle(lang);
      for (String key : p.stringPropertyNames()) {
        String pattern = p.getProperty(key);
        if (!pattern.contains("''") || !pattern.contains("{")) {
          continue;
        }
        String text = Messages.text(lang, key, 3, 3, 3, 3);
        assertTrue(text.contains("'"), lang + " " + key + " lost its apostrophe: " + text);
      }
    }
    assertEquals("Herkend door 3 collega's", Messages.text("nl", "record.recognised_by", 3));
  }

  @Test
  @DisplayName("Dutch and English have the same keys")
  void sameKeys() throws IOException {
    assertEquals(new TreeSet<>(bundle("nl").stringPropertyNames()), new TreeSet<>(bundle("en").stringPropertyNames()));
  }

  @Test
  @DisplayName("Every literal t(\"key\") in the page templates exists in both bundles")
  void templateKeysExist() throws IOException {
    Properties nl = bundle("nl");
    Pattern call = Pattern.compile("t\\(\"([a-z0-9_.\\-]+)\"");
    List<String> missing = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/templates"))) {
      for (Path file : files.toList()) {
        Matcher m = call.matcher(Files.readString(file));
        while (m.find()) {
          String key = m.group(1);
          if (!key.endsWith(".") && !nl.containsKey(key)) {
            missing.add(file.getFileName() + ": " + key);
          }
        }
      }
    }
    assertEquals(List.of(), missing);
  }

  @Test
  @DisplayName("A sentence without arguments has no MessageFormat quoting (it would show as two quotes)")
  void noDoubledQuotesWithoutArguments() throws IOException {
    for (String lang : List.of("nl", "en")) {
      Properties p = bundle(lang);
      for (String key : p.stringPropertyNames()) {
        String value = p.getProperty(key);
        assertTrue(value.contains("{") || !value.contains("''"), lang + " " + key + ": " + value);
      }
    }
  }
}
