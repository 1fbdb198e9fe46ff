package nl.dialoogtafel.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the host sets in the environment, read once: numbers in range, or a Dutch sentence that says what is wrong. */
class SettingsTest {

  @Test
  @DisplayName("Event loops: one per core unless set; a number from 1 to 256, else a clear refusal")
  void eventLoops() {
    assertEquals(Runtime.getRuntime().availableProcessors(), Settings.from(Map.of()).eventLoops());
    assertEquals(4, Settings.from(Map.of("DIALOOG_EVENT_LOOPS", " 4 ")).eventLoops());
    for (String wrong : new String[] {"0", "257", "vier", ""}) {
      IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
          () -> Settings.from(Map.of("DIALOOG_EVENT_LOOPS", wrong)));
      assertTrue(refused.getMessage().startsWith("DIALOOG_EVENT_LOOPS moet een getal tussen 1 en 256 zijn"),
          refused.getMessage());
    }
  }

  @Test
  @DisplayName("The port keeps its own words")
  void port() {
    assertEquals(0, Settings.from(Map.of("PORT", "0")).port());
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> Settings.from(Map.of("PORT", "70000")));
    assertEquals("PORT moet een getal tussen 0 en 65535 zijn, niet: 70000", refused.getMessage());
  }

  @Test
  @DisplayName("The admin's password at start-up follows the accounts API's rule: 12 to 200 characters")
  void adminPassword() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> Settings.from(Map.of("DIALOOG_ADMIN", "beheer:kort")));
    assertEquals("Het wachtwoord in DIALOOG_ADMIN moet 12 tot 200 tekens lang zijn", refused.getMessage());
    assertFalse(refused.getMessage().contains("kort"), "the password itself is never repeated");
    assertEquals("beheer", Settings.from(Map.of("DIALOOG_ADMIN", "beheer:twaalf-tekens")).adminUser().orElseThrow());
  }

  @Test
  @DisplayName("Clustered mode is off by default, refused without MONGODB_URI, and reads members, host and port")
  void cluster() {
    assertTrue(Settings.from(Map.of()).cluster().isEmpty());
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> Settings.from(Map.of("DIALOOG_CLUSTER_MEMBERS", "10.0.0.1:5701")));
    assertTrue(refused.getMessage().contains("MONGODB_URI"), refused.getMessage());
    var cluster = Settings.from(Map.of("DIALOOG_CLUSTER_MEMBERS", " 10.0.0.1:5701, 10.0.0.2:5701 ",
        "MONGODB_URI", "mongodb://db/dialoogtafel", "DIALOOG_CLUSTER_HOST", "10.0.0.1")).cluster().orElseThrow();
    assertEquals(java.util.List.of("10.0.0.1:5701", "10.0.0.2:5701"), cluster.members());
    assertEquals("10.0.0.1", cluster.host());
    assertEquals(5701, cluster.port());
    assertThrows(IllegalArgumentException.class, () -> Settings.from(Map.of("DIALOOG_CLUSTER_MEMBERS", "geen-poort",
        "MONGODB_URI", "mongodb://db")));
    assertThrows(IllegalArgumentException.class, () -> Settings.from(Map.of("DIALOOG_TRUSTED_PROXIES", "proxy.example.nl")));
    assertEquals(java.util.List.of("10.0.0.9"), Settings.from(Map.of("DIALOOG_TRUSTED_PROXIES", "10.0.0.9")).trustedProxies());
  }
}
