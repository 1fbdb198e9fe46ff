package nl.dialoogtafel.facilitator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import nl.dialoogtafel.storage.Database;
import nl.dialoogtafel.support.AdminCookie;
import nl.dialoogtafel.support.ArchiveClient;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A facilitator account makes at most DIALOOG_SESSIONS_PER_DAY sessions in 24 hours; an admin is not capped. */
@Timeout(120)
@WithServer(env = "DIALOOG_SESSIONS_PER_DAY=3")
class SessionsPerDayTest {

  private static TestServer server;
  private static ArchiveClient archive;
  @AdminCookie
  private static String admin;

  private static HttpResponse<String> create(String cookie, String title) throws Exception {
    return server.post("/api/sessions", cookie, new JsonObject().put("template", "transformatiedialoog")
        .put("title", title).put("municipality", "Utrecht"));
  }

  @Test
  @DisplayName("The fourth session in a day is refused with 429 and a Dutch sentence, nothing stored; another account and the admin go on")
  void capPerAccount() throws Exception {
    archive.account(admin, "leider-a", "facilitator", null);
    archive.account(admin, "leider-b", "facilitator", null);
    String a = archive.login("leider-a", "lang-genoeg-wachtwoord");
    String b = archive.login("leider-b", "lang-genoeg-wachtwoord");
    for (int i = 1; i <= 3; i++) {
      assertEquals(201, create(a, "Sessie " + i).statusCode(), "session " + i);
    }
    long stored = server.server().database().collection(Database.SESSIONS).countDocuments();
    HttpResponse<String> fourth = create(a, "Sessie 4");
    assertEquals(429, fourth.statusCode(), fourth.body());
    JsonObject body = new JsonObject(fourth.body());
    assertEquals("rate_limited", body.getString("error"));
    Properties dutch = new Properties();
    try (var in = getClass().getResourceAsStream("/i18n/messages_nl.properties")) {
      dutch.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    assertEquals(dutch.getProperty("error.sessions_per_day").replace("{0}", "3"), body.getString("message"));
    assertEquals(stored, server.server().database().collection(Database.SESSIONS).countDocuments(), "nothing stored");

    assertEquals(201, create(b, "Andere leider").statusCode(), "another facilitator has a cap of their own");
    for (int i = 1; i <= 4; i++) {
      assertEquals(201, create(admin, "Beheer " + i).statusCode(), "the admin is not capped (" + i + ")");
    }
  }
}
