package nl.dialoogtafel.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The screens fold the record in web-assets/shared/record.js, switching on event names; no
 * compiler follows that switch. Every event the record can hold must have its own case there —
 * an event a screen does not show gets an empty case saying so — so that a new event cannot be
 * forgotten on the screens without failing the build.
 */
class RecordJsEventsTest {

  private static final Path RECORD_JS = Path.of("..", "web-assets", "shared", "record.js");
  private static final Pattern CASE = Pattern.compile("case\\s+'([^']+)'\\s*:");

  /** The case labels of the {@code switch (event.name)} in {@code apply(event)}. */
  static Set<String> handledNames(String js) {
    int apply = js.indexOf("apply(event) {");
    assertTrue(apply >= 0, "record.js has no apply(event)");
    int start = js.indexOf("switch (event.name) {", apply);
    assertTrue(start >= 0, "apply(event) in record.js no longer switches on event.name");
    int end = js.indexOf("default:", start);
    assertTrue(end >= 0, "the switch in apply(event) has no default (unknown events are ignored there)");
    Set<String> names = new TreeSet<>();
    Matcher m = CASE.matcher(js.substring(start, end));
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  @Test
  @DisplayName("record.js has a case for every event the record holds, and none for an event it does not")
  void everyEventHasACase() throws IOException {
    Set<String> handled = handledNames(Files.readString(RECORD_JS, StandardCharsets.UTF_8));
    List<String> missing = new ArrayList<>(new TreeSet<>(EventCodec.names()));
    missing.removeAll(handled);
    assertEquals(List.of(), missing, "record.js apply(event) has no case for these events (add one; an empty "
        + "case with a comment if the screens do not show it)");
    List<String> unknown = new ArrayList<>(handled);
    unknown.removeAll(EventCodec.names());
    assertEquals(List.of(), unknown, "record.js apply(event) handles events the record does not know");
  }
}
