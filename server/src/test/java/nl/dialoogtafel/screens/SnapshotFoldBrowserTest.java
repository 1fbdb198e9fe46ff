package nl.dialoogtafel.screens;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import nl.dialoogtafel.support.Browser;
import nl.dialoogtafel.support.Facilitator;
import nl.dialoogtafel.support.LiveClient;
import nl.dialoogtafel.support.Scenarios;
import nl.dialoogtafel.support.SessionScript;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server's snapshot at seq N is what the screens' own fold (web-assets/shared/record.js, in
 * Chromium) makes of the events 1..N: the same people, wall, phase, state and harvest, so a screen
 * that takes the snapshot shows what one that replays would.
 */
@Timeout(240)
@WithServer
class SnapshotFoldBrowserTest {

  private static TestServer server;
  private static Facilitator facilitator;
  private static Vertx vertx;

  @Test
  @DisplayName("record.js folding events 1..N equals the snapshot at N, and loading the snapshot gives the same")
  void foldOfEventsEqualsSnapshot() throws Exception {
    SessionScript script = Scenarios.everyFold(facilitator);
    JsonObject replay = watch(script, false);
    JsonObject snapshot = watch(script, true).getJsonObject("snapshot");
    assertEquals(replay.getLong("seq"), snapshot.getLong("seq"), "both at the same seq");
    assertTrue(replay.getJsonArray("events").size() > 20, "a record worth comparing");

    try (Browser browser = Browser.screen()) {
      browser.go(server.origin() + "/login");
      String folds = String.valueOf(browser.script("""
          const [events, snapshot] = [JSON.parse(arguments[0]), JSON.parse(arguments[1])];
          return import('/assets/shared/record.js').then(({ SessionRecord }) => {
            const replayed = new SessionRecord();
            events.forEach(event => replayed.apply(event));
            const loaded = new SessionRecord();
            loaded.load(snapshot);
            return JSON.stringify({ replayed: replayed.snapshot(), loaded: loaded.snapshot() });
          });""", replay.getJsonArray("events").encode(), snapshot.encode()));
      JsonObject fromBrowser = new JsonObject(folds);
      JsonObject expected = snapshot.copy();
      expected.remove("seq");
      assertEquals(expected, fromBrowser.getJsonObject("replayed"), "record.js's fold of the events");
      assertEquals(expected, fromBrowser.getJsonObject("loaded"), "record.js after load(snapshot)");
    }
  }

  private static JsonObject watch(SessionScript script, boolean snapshot) throws Exception {
    try (LiveClient kiosk = LiveClient.connect(vertx, server.port())) {
      JsonObject watching = kiosk.reply(kiosk.request(new JsonObject().put("type", "watch").put("session", script.id)
          .put("key", script.kioskKey).put("snapshot", snapshot)));
      assertEquals("watching", watching.getString("type"), watching.encode());
      return watching;
    }
  }
}
