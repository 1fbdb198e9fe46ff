package nl.dialoogtafel.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import nl.dialoogtafel.support.AdminCookie;
import nl.dialoogtafel.support.RawHttp;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The HTTP edge as a browser attack would meet it: login and logout only as JSON from our own
 * origin (no login CSRF), an Origin's scheme counts, and only our own host names are answered
 * (no DNS rebinding onto the pages, the API or /ws).
 */
@Timeout(120)
@WithServer(env = {"DIALOOG_PUBLIC_URL=https://dialoog.example.nl", "DIALOOG_ORIGINS=https://regie.example.org"})
class HttpEdgeTest {

  private static final String LOGIN = new JsonObject().put("username", TestServer.ADMIN)
      .put("password", TestServer.PASSWORD).encode();

  private static TestServer server;
  @AdminCookie
  private static String cookie;
  private static Properties dutch;

  @BeforeAll
  static void messages() throws Exception {
    dutch = new Properties();
    try (var in = HttpEdgeTest.class.getResourceAsStream("/i18n/messages_nl.properties")) {
      dutch.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
  }

  private static RawHttp request() {
    return RawHttp.to(server, "127.0.0.1");
  }

  private static void assertRefused(RawHttp.Answer answer, int status, String reason) {
    assertEquals(status, answer.status(), answer.body());
    assertEquals(dutch.getProperty("error." + reason), new JsonObject(answer.body()).getString("message"));
    assertNull(answer.header("Set-Cookie"), "no cookie with a refusal");
  }

  // ---- login and logout -------------------------------------------------------------------------

  @Test
  @DisplayName("POST /api/login as text/plain (a cross-site form can send that) is refused with 415 and no cookie")
  void loginNeedsJson() throws Exception {
    RawHttp.Answer plain = request().header("Origin", server.origin()).header("Content-Type", "text/plain")
        .post("/api/login", LOGIN);
    assertRefused(plain, 415, "json_required");
    RawHttp.Answer form = request().header("Origin", server.origin())
        .header("Content-Type", "application/x-www-form-urlencoded").post("/api/login", LOGIN);
    assertRefused(form, 415, "json_required");
    RawHttp.Answer json = request().header("Origin", server.origin())
        .header("Content-Type", "application/json; charset=utf-8").post("/api/login", LOGIN);
    assertEquals(200, json.status(), json.body());
  }

  @Test
  @DisplayName("POST /api/login without Origin, from a foreign Origin or with our host under the wrong scheme is refused with 403")
  void loginNeedsOwnOrigin() throws Exception {
    RawHttp.Answer none = request().header("Content-Type", "application/json").post("/api/login", LOGIN);
    assertRefused(none, 403, "origin");
    RawHttp.Answer foreign = request().header("Origin", "http://evil.example")
        .header("Content-Type", "application/json").post("/api/login", LOGIN);
    assertRefused(foreign, 403, "origin");
    RawHttp.Answer wrongScheme = request().header("Origin", "https://127.0.0.1:" + server.port())
        .header("Content-Type", "application/json").post("/api/login", LOGIN);
    assertRefused(wrongScheme, 403, "origin");
    RawHttp.Answer allowed = request().header("Origin", "https://regie.example.org")
        .header("Content-Type", "application/json").post("/api/login", LOGIN);
    assertEquals(200, allowed.status(), "an origin from DIALOOG_ORIGINS may log in: " + allowed.body());
  }

  @Test
  @DisplayName("POST /api/logout without Origin or as text/plain is refused and the login keeps working")
  void logoutNeedsJsonFromOwnOrigin() throws Exception {
    String mine = server.login();
    assertRefused(request().header("Cookie", mine).header("Content-Type", "application/json")
        .post("/api/logout", "{}"), 403, "origin");
    assertRefused(request().header("Cookie", mine).header("Origin", "http://evil.example")
        .header("Content-Type", "application/json").post("/api/logout", "{}"), 403, "origin");
    assertRefused(request().header("Cookie", mine).header("Origin", server.origin())
        .header("Content-Type", "text/plain").post("/api/logout", "{}"), 415, "json_required");
    assertEquals(200, server.get("/api/me", mine).statusCode(), "still logged in");
    RawHttp.Answer out = request().header("Cookie", mine).header("Origin", server.origin())
        .header("Content-Type", "application/json").post("/api/logout", "{}");
    assertEquals(200, out.status(), out.body());
    assertEquals(401, server.get("/api/me", mine).statusCode(), "logged out");
  }

  // ---- Origin scheme ----------------------------------------------------------------------------

  @Test
  @DisplayName("A cookie-borne change from the public URL's host under http instead of https is refused; under https it is carried out")
  void originSchemeCounts() throws Exception {
    String body = new JsonObject().put("template", "transformatiedialoog").put("title", "Schema")
        .put("municipality", "Utrecht").encode();
    RawHttp.Answer http = request().header("Host", "dialoog.example.nl").header("Cookie", cookie)
        .header("Origin", "http://dialoog.example.nl").header("Content-Type", "application/json")
        .post("/api/sessions", body);
    assertRefused(http, 403, "origin");
    RawHttp.Answer https = request().header("Host", "dialoog.example.nl").header("Cookie", cookie)
        .header("Origin", "https://dialoog.example.nl").header("Content-Type", "application/json")
        .post("/api/sessions", body);
    assertEquals(201, https.status(), https.body());
  }

  @Test
  @DisplayName("A WebSocket upgrade with our host under the wrong scheme as Origin is refused with 403")
  void webSocketOriginScheme() throws Exception {
    String refused = request().header("Origin", "https://127.0.0.1:" + server.port()).header("Upgrade", "websocket")
        .header("Connection", "Upgrade").header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
        .header("Sec-WebSocket-Version", "13").statusLine("/ws");
    assertTrue(refused.startsWith("HTTP/1.1 403"), refused);
  }

  // ---- Host allow-list --------------------------------------------------------------------------

  @Test
  @DisplayName("A request for a host name that is not ours (DNS rebinding) gets 421 with a sentence, on pages, API and login")
  void foreignHostRefused() throws Exception {
    for (String path : new String[] {"/", "/regie", "/login", "/archief", "/api/me", "/assets/kiosk/kiosk.css"}) {
      RawHttp.Answer answer = request().header("Host", "rebind.evil.example:" + server.port()).header("Cookie", cookie)
          .get(path);
      assertEquals(421, answer.status(), path + ": " + answer.body());
      assertTrue(answer.body().contains(dutch.getProperty("error.host_unknown")), path + ": " + answer.body());
      assertFalse(answer.body().contains("rebind.evil.example"), "the asked name is not echoed");
    }
    RawHttp.Answer login = request().header("Host", "rebind.evil.example").header("Origin", "http://rebind.evil.example")
        .header("Content-Type", "application/json").post("/api/login", LOGIN);
    assertEquals(421, login.status(), login.body());
    assertNull(login.header("Set-Cookie"));
  }

  @Test
  @DisplayName("A WebSocket upgrade for a foreign host name is refused before the upgrade; for ours it is upgraded")
  void foreignHostRefusedOnWebSocket() throws Exception {
    String foreign = upgrade("rebind.evil.example:" + server.port());
    assertTrue(foreign.startsWith("HTTP/1.1 421"), foreign);
    String own = upgrade("127.0.0.1:" + server.port());
    assertTrue(own.startsWith("HTTP/1.1 101"), own);
  }

  @Test
  @DisplayName("Our names are answered: loopback names and addresses, any IP address, the public URL's and DIALOOG_ORIGINS' hosts; /health for any")
  void ownHostsAnswered() throws Exception {
    for (String host : new String[] {"localhost:" + server.port(), "127.0.0.1:" + server.port(), "[::1]:" + server.port(),
        "192.168.1.20:" + server.port(), "dialoog.example.nl", "DIALOOG.example.NL:443", "regie.example.org"}) {
      RawHttp.Answer answer = request().header("Host", host).get("/");
      assertEquals(200, answer.status(), host + ": " + answer.body());
    }
    assertEquals(200, request().header("Host", "lb-probe.internal").get("/health").status(),
        "/health stays open for load balancers");
  }

  private static String upgrade(String host) throws Exception {
    return request().header("Host", host).header("Upgrade", "websocket").header("Connection", "Upgrade")
        .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==").header("Sec-WebSocket-Version", "13").statusLine("/ws");
  }
}
