package nl.dialoogtafel.facilitator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import nl.dialoogtafel.support.AdminCookie;
import nl.dialoogtafel.support.ArchiveClient;
import nl.dialoogtafel.support.LiveClient;
import nl.dialoogtafel.support.Phone;
import nl.dialoogtafel.support.SessionScript;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** PUT /api/sessions/{id}/kiosk on the real server: checked, owned, stored as kiosk.view, in the snapshot. */
@Timeout(120)
@WithServer
class KioskViewApiTest {

  private static TestServer server;
  @AdminCookie
  private static String cookie;
  private static Vertx vertx;
  private static ArchiveClient archive;
  private static Properties dutch;

  @BeforeAll
  static void start() throws Exception {
    dutch = new Properties();
    try (InputStream in = KioskViewApiTest.class.getResourceAsStream("/i18n/messages_nl.properties")) {
      dutch.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
  }

  @Test
  @DisplayName("The whole view is stored as kiosk.view (left-out fields take their defaults) and a late kiosk's snapshot carries it")
  void setAndSnapshot() throws Exception {
    SessionScript session = new SessionScript(server, vertx, cookie).create("Projector", "Utrecht", null);
    session.phase("verhalen");
    try (Phone fatima = session.join("Fatima", "Jeugdteam Oost", "jeugdverpleegkundige", true)) {
      String post = session.post(fatima, "loketten", "story", "", "Drie loketten voordat iemand hielp.");
      JsonObject event = session.kiosk(new JsonObject().put("join", false).put("frozen", true).put("post", post)
          .put("theme", "dark").put("order", "recognised"));
      assertEquals("kiosk.view", event.getString("name"));
      assertEquals(new JsonObject().put("join", false).put("counts", true).put("frozen", true).put("post", post)
          .put("theme", "dark").put("order", "recognised").put("totals", false), event.getJsonObject("data"));
      // Changed while frozen: the freeze keeps the seq where it began.
      JsonObject later = session.kiosk(new JsonObject().put("frozen", true).put("totals", true));

      try (LiveClient kiosk = LiveClient.connect(vertx, server.port())) {
        JsonObject watching = kiosk.reply(kiosk.request(new JsonObject().put("type", "watch").put("session", session.id)
            .put("key", session.kioskKey).put("snapshot", true)));
        JsonObject view = watching.getJsonObject("snapshot").getJsonObject("kioskView");
        assertNotNull(view, watching.encode());
        assertTrue(view.getBoolean("totals"));
        assertNull(view.getString("post"));
        assertEquals(event.getLong("seq"), view.getLong("frozenAt"), "frozen since the first setting that froze it");
        assertTrue(later.getLong("seq") > event.getLong("seq"));
      }
      JsonObject thawed = session.kiosk(new JsonObject());
      assertEquals(new JsonObject().put("join", true).put("counts", true).put("frozen", false).putNull("post")
          .put("theme", "light").put("order", "newest").put("totals", false), thawed.getJsonObject("data"));
    }
  }

  @Test
  @DisplayName("An unknown field or value, a wrong type or a hidden post is refused with a Dutch sentence; nothing is stored")
  void refusals() throws Exception {
    SessionScript session = new SessionScript(server, vertx, cookie).create("Projector", "Utrecht", null);
    session.phase("verhalen");
    long seq = seq(session);
    assertRefused(session, new JsonObject().put("qr", false), 400, "qr", "error.kiosk_field_unknown");
    assertRefused(session, new JsonObject().put("theme", "neon"), 400, "theme", "error.kiosk_theme_unknown");
    assertRefused(session, new JsonObject().put("order", "oldest"), 400, "order", "error.kiosk_order_unknown");
    assertRefused(session, new JsonObject().put("frozen", "ja"), 400, "frozen", "error.field_type");
    assertRefused(session, new JsonObject().put("post", "p-does-not-exist"), 404, null, "error.post_not_found");
    try (Phone fatima = session.join("Fatima", "Jeugdteam Oost", "jeugdverpleegkundige", true)) {
      String post = session.post(fatima, "weg", "story", "", "Een verhaal dat van de wand gaat.");
      session.hide("weg", "herleidbaar");
      assertRefused(session, new JsonObject().put("post", post), 404, null, "error.post_not_found");
    }
    assertEquals(seq + 3, seq(session), "only the join, the post and the hide were stored");
  }

  @Test
  @DisplayName("Only the session's own facilitator (or an admin) sets its projector; others get 404, strangers 401")
  void ownerOnly() throws Exception {
    SessionScript session = new SessionScript(server, vertx, cookie).create("Projector", "Utrecht", null);
    HttpResponse<String> anonymous = server.put("/api/sessions/" + session.id + "/kiosk", null, new JsonObject());
    assertEquals(401, anonymous.statusCode());
    archive.account(cookie, "projectie-ander", "facilitator", null);
    String other = archive.login("projectie-ander", "lang-genoeg-wachtwoord");
    HttpResponse<String> stranger = server.put("/api/sessions/" + session.id + "/kiosk", other, new JsonObject());
    assertEquals(404, stranger.statusCode(), stranger.body());
  }

  private static long seq(SessionScript session) throws Exception {
    return new JsonObject(server.get("/api/sessions/" + session.id, cookie).body()).getLong("seq");
  }

  private static void assertRefused(SessionScript session, JsonObject body, int status, String field, String key)
      throws Exception {
    HttpResponse<String> refused = server.put("/api/sessions/" + session.id + "/kiosk", cookie, body);
    assertEquals(status, refused.statusCode(), refused.body());
    JsonObject error = new JsonObject(refused.body());
    if (field != null) {
      assertEquals(field, error.getString("field"), refused.body());
    }
    String expected = dutch.getProperty(key).replace("{0}", field == null ? "" : field);
    assertEquals(expected, error.getString("message"), refused.body());
  }
}
