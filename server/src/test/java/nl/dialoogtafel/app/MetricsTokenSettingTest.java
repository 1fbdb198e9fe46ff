package nl.dialoogtafel.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** DIALOOG_METRICS_TOKEN: unset means no /metrics; set, it must be a token nobody guesses. */
class MetricsTokenSettingTest {

  @Test
  @DisplayName("Unset or blank: no token (and no /metrics); a good one is kept without its surrounding spaces")
  void optional() {
    assertTrue(Settings.from(Map.of()).metricsToken().isEmpty());
    assertTrue(Settings.from(Map.of("DIALOOG_METRICS_TOKEN", "  ")).metricsToken().isEmpty());
    String hex = "0123456789abcdef0123456789abcdef";
    assertEquals(hex, Settings.from(Map.of("DIALOOG_METRICS_TOKEN", " " + hex + "\n")).metricsToken().orElseThrow());
    assertEquals("a-b.c_d~e+f/g=" + hex, Settings.from(Map.of("DIALOOG_METRICS_TOKEN", "a-b.c_d~e+f/g=" + hex))
        .metricsToken().orElseThrow());
  }

  @Test
  @DisplayName("Too short, too long or with characters a header does not carry: a Dutch refusal that does not repeat it")
  void refused() {
    for (String wrong : new String[] {"kort-token", "x".repeat(201), "0123456789abcdef 0123456789abcdef",
        "0123456789abcdef0123456789abcdéf", "0123456789abcdef0123456789abcdef\"", "0123456789abcdef\n0123456789abcdef"}) {
      IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
          () -> Settings.from(Map.of("DIALOOG_METRICS_TOKEN", wrong)));
      assertTrue(refused.getMessage().startsWith("DIALOOG_METRICS_TOKEN moet 32 tot 200 tekens lang zijn"),
          refused.getMessage());
      assertFalse(refused.getMessage().contains(wrong.trim()), "the token itself is never repeated");
    }
  }
}
