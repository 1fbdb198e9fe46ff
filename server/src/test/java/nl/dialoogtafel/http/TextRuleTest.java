package nl.dialoogtafel.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonObject;
import java.util.List;
import nl.dialoogtafel.http.TextRule.Fault;
import nl.dialoogtafel.http.TextRule.Shape;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The one field rule, and Fields telling its faults as refusals that name the field. */
class TextRuleTest {

  private static final String EMOJI = "\uD83D\uDE00"; // one code point, two UTF-16 units

  @Test
  @DisplayName("Length is counted in code points: ten emoji fit in ten, eleven do not")
  void codePointsNotUtf16Units() {
    assertNull(TextRule.fault(EMOJI.repeat(10), 10, Shape.NAME));
    assertEquals(Fault.LENGTH, TextRule.fault(EMOJI.repeat(11), 10, Shape.NAME));
    assertEquals(20, EMOJI.repeat(10).length(), "the test means something only if UTF-16 counts more");
    assertEquals("\uD83D\uDE00".repeat(10), new Fields(new JsonObject().put("name", EMOJI.repeat(10)))
        .name("name", 1, 10));
  }

  @Test
  @DisplayName("C0, DEL and C1 controls (U+0085 too) are refused in every shape; newline and tab only in text")
  void controls() {
    for (String bad : List.of("a\u0000b", "a\u0007b", "a\u001Bb", "a\u007Fb", "a\u0085b", "a\u0080b", "a\u009Fb")) {
      for (Shape shape : Shape.values()) {
        assertEquals(Fault.CHARACTERS, TextRule.fault(TextRule.clean(bad), 100, shape), bad + " as " + shape);
      }
    }
    for (String multiline : List.of("een\ntwee", "een\r\ntwee", "een\ttwee")) {
      assertNull(TextRule.fault(multiline, 100, Shape.TEXT));
      assertEquals(Fault.CHARACTERS, TextRule.fault(multiline, 100, Shape.LINE));
      assertEquals(Fault.CHARACTERS, TextRule.fault(multiline, 100, Shape.NAME));
    }
    assertNull(TextRule.fault("a\u00A0b", 100, Shape.NAME), "U+00A0, just past C1, is an ordinary space");
  }

  @Test
  @DisplayName("Bidi overrides and isolates and zero-width characters are refused in names, kept in free text")
  void hiddenCharactersInNames() {
    List<String> hidden = List.of("\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068",
        "\u2069", "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF");
    for (String h : hidden) {
      String name = "Ans" + h + "je";
      assertEquals(Fault.CHARACTERS, TextRule.fault(name, 80, Shape.NAME), Integer.toHexString(h.charAt(0)));
      assertNull(TextRule.fault(name, 80, Shape.TEXT), Integer.toHexString(h.charAt(0)));
    }
    // A family emoji is joined with U+200D: fine in a story, not in a name.
    String family = "\uD83D\uDC69\u200D\uD83D\uDC67";
    assertNull(TextRule.fault("Wij " + family, 80, Shape.LINE));
    assertEquals(Fault.CHARACTERS, TextRule.fault("Wij " + family, 80, Shape.NAME));
  }

  @Test
  @DisplayName("What is stored is stripped and in NFC: \"e\" + U+0301 is stored as \"é\" and counts as one")
  void nfc() {
    assertEquals("Ren\u00e9", TextRule.clean("  Rene\u0301 "));
    assertEquals("Ren\u00e9", new Fields(new JsonObject().put("name", "Rene\u0301")).name("name", 1, 4));
    assertNull(TextRule.fault(TextRule.clean("Rene\u0301"), 4, Shape.NAME));
  }

  @Test
  @DisplayName("Half a surrogate pair is not a character")
  void loneSurrogate() {
    assertEquals(Fault.CHARACTERS, TextRule.fault("a\uD800b", 10, Shape.TEXT));
    assertEquals(Fault.CHARACTERS, TextRule.fault("a\uDC00", 10, Shape.LINE));
  }

  @Test
  @DisplayName("Fields names the field: field_characters, field_length, field_required, field_type")
  void refusalsNameTheField() {
    Fields fields = new Fields(new JsonObject().put("title", "Dialoog\u0085Oost").put("role", "x".repeat(81))
        .put("blank", "   ").put("number", 7).put("organisation", "Wijk\u202Eteam"));
    assertRefused("title", "field_characters", () -> fields.text("title", 1, 120, false));
    assertRefused("organisation", "field_characters", () -> fields.name("organisation", 1, 120));
    assertRefused("role", "field_length", () -> fields.name("role", 1, 80));
    assertRefused("blank", "field_required", () -> fields.name("blank", 1, 80));
    assertRefused("number", "field_type", () -> fields.optionalName("number", 80));
    assertNull(fields.optionalName("absent", 80));
    assertNull(fields.optionalText("blank", 80, true));
  }

  private static void assertRefused(String field, String reason, Runnable read) {
    Refusal refusal = assertThrows(Refusal.class, read::run);
    assertEquals("invalid", refusal.code());
    assertEquals(reason, refusal.reason());
    assertEquals(field, refusal.field());
  }
}
