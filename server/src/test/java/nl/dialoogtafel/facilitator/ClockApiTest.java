package nl.dialoogtafel.facilitator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import nl.dialoogtafel.support.AdminCookie;
import nl.dialoogtafel.support.LiveClient;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code POST /api/sessions/{id}/clock} through the real server, and the clock a screen that joins
 * late gets in its snapshot (extension {@code phase.clock}, docs/protocol.md).
 */
@Timeout(120)
@WithServer
class ClockApiTest {

  /** The welcome phase of the transformatiedialoog (20 minutes), in seconds. */
  private static final long WELCOME_SECONDS = 20 * 60;

  private static TestServer server;
  private static Vertx vertx;
  @AdminCookie
  private static String cookie;
  private static Properties dutch;

  @BeforeAll
  static void messages() throws Exception {
    dutch = new Properties();
    try (InputStream in = ClockApiTest.class.getResourceAsStream("/i18n/messages_nl.properties")) {
      assertNotNull(in);
      dutch.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
  }

  @Test
  @DisplayName("The first phase's clock waits for the facilitator; start, pause, +5 and restart are events in the record")
  void clockActions() throws Exception {
    JsonObject session = server.createSession(cookie);
    String id = session.getString("id");
    JsonObject waiting = snapshotClock(session);
    assertEquals("waiting", waiting.getString("mode"), "created is not started: " + waiting);
    assertEquals(WELCOME_SECONDS * 1000, waiting.getLong("leftMs"));

    JsonObject started = data(clock(id, new JsonObject().put("action", "resume"), 200));
    assertEquals("started", started.getString("action"));
    assertEquals(WELCOME_SECONDS, started.getLong("left"));
    assertEquals(true, started.getBoolean("running"));
    assertEquals("welkom", started.getString("phase"));

    JsonObject paused = data(clock(id, new JsonObject().put("action", "pause"), 200));
    assertEquals("paused", paused.getString("action"));
    assertEquals(false, paused.getBoolean("running"));
    assertTrue(paused.getLong("left") <= WELCOME_SECONDS && paused.getLong("left") > WELCOME_SECONDS - 30, paused.encode());
    refused(clock(id, new JsonObject().put("action", "pause"), 409), "conflict", "clock_not_running");

    JsonObject extended = data(clock(id, new JsonObject().put("action", "extend"), 200));
    assertEquals(5, extended.getInteger("minutes"), "+5 unless the console says otherwise");
    assertEquals(paused.getLong("left") + 300, extended.getLong("left"), "the time the pause kept, plus five minutes");
    assertEquals(false, extended.getBoolean("running"), "a paused clock stays paused");
    JsonObject shown = snapshotClock(session);
    assertEquals("paused", shown.getString("mode"));
    assertEquals(extended.getLong("left") * 1000, shown.getLong("leftMs"), "a late screen gets the same clock");

    refused(clock(id, new JsonObject().put("action", "extend").put("minutes", 61), 400), "invalid", "clock_minutes");
    refused(clock(id, new JsonObject().put("action", "extend").put("minutes", 2.5), 400), "invalid", "field_type");
    refused(clock(id, new JsonObject().put("action", "stop"), 400), "invalid", "clock_action");
    refused(clock(id, new JsonObject(), 400), "invalid", null);

    JsonObject restarted = data(clock(id, new JsonObject().put("action", "restart"), 200));
    assertEquals(WELCOME_SECONDS, restarted.getLong("left"));
    assertEquals(true, restarted.getBoolean("running"));
    assertEquals("running", snapshotClock(session).getString("mode"));
  }

  @Test
  @DisplayName("A lock holds the clock (no clock action until reopen, 409); it runs on after the reopen; closed refuses")
  void lockHoldsTheClock() throws Exception {
    JsonObject session = server.createSession(cookie);
    String id = session.getString("id");
    server.startPhase(cookie, id, "verhalen");
    assertEquals(200, server.post("/api/sessions/" + id + "/lock", cookie, new JsonObject()).statusCode());
    JsonObject held = snapshotClock(session);
    assertEquals("held", held.getString("mode"));
    refused(clock(id, new JsonObject().put("action", "extend"), 409), "session_locked", "clock_locked");
    // Two screens joining during the lock, some time apart, show the very same time left.
    JsonObject later = snapshotClock(session);
    assertEquals(held, later);

    assertEquals(200, server.post("/api/sessions/" + id + "/reopen", cookie, new JsonObject()).statusCode());
    JsonObject reopened = snapshotClock(session);
    assertEquals("running", reopened.getString("mode"));
    assertEquals(held.getLong("leftMs"), reopened.getLong("leftMs"), "it runs on from where the lock stopped it");

    assertEquals(200, server.post("/api/sessions/" + id + "/close", cookie, new JsonObject()).statusCode());
    refused(clock(id, new JsonObject().put("action", "restart"), 409), "session_closed", "session_closed");
  }

  @Test
  @DisplayName("Only a facilitator who is logged in may touch the clock")
  void needsLogin() throws Exception {
    JsonObject session = server.createSession(cookie);
    HttpResponse<String> anonymous = server.post("/api/sessions/" + session.getString("id") + "/clock", null,
        new JsonObject().put("action", "pause"));
    assertEquals(401, anonymous.statusCode());
    assertEquals(404, server.post("/api/sessions/s-unknown/clock", cookie, new JsonObject().put("action", "pause"))
        .statusCode());
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private static HttpResponse<String> clock(String id, JsonObject body, int status) throws Exception {
    HttpResponse<String> response = server.post("/api/sessions/" + id + "/clock", cookie, body);
    assertEquals(status, response.statusCode(), response.body());
    return response;
  }

  private static JsonObject data(HttpResponse<String> response) {
    JsonObject event = new JsonObject(response.body());
    assertEquals("phase.clock", event.getString("name"));
    return event.getJsonObject("data");
  }

  private static void refused(HttpResponse<String> response, String code, String reason) {
    JsonObject body = new JsonObject(response.body());
    assertEquals(code, body.getString("error"), response.body());
    if (reason != null) {
      String message = dutch.getProperty("error." + reason);
      assertNotNull(message, reason);
      assertEquals(message.replace("''", "'").replace("{0}", "minutes"), body.getString("message"));
    }
  }

  /** The clock in the snapshot a kiosk gets when it starts watching now. */
  private static JsonObject snapshotClock(JsonObject session) throws Exception {
    try (LiveClient kiosk = LiveClient.connect(vertx, server.port())) {
      String ref = kiosk.request(new JsonObject().put("type", "watch").put("session", session.getString("id"))
          .put("key", session.getString("kioskKey")).put("snapshot", true));
      return kiosk.reply(ref).getJsonObject("snapshot").getJsonObject("clock");
    }
  }
}
