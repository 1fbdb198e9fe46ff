package nl.dialoogtafel.facilitator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import nl.dialoogtafel.storage.Database;
import nl.dialoogtafel.support.AdminCookie;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
@WithServer
class FacilitatorApiTest {

  private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final String FOREIGN = "http://evil.example";
  private static final int PARALLEL_GUESSES = 20;

  private static TestServer server;
  @AdminCookie
  private static String cookie;
  private static Properties dutch;
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() throws Exception {
    dutch = new Properties();
    try (InputStream in = FacilitatorApiTest.class.getResourceAsStream("/i18n/messages_nl.properties")) {
      assertNotNull(in, "the Dutch messages are on the class path");
      dutch.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
  }

  @Test
  @DisplayName("A body over the limit gets 413 with a Dutch message that names no wrong limit")
  void tooLargeBody() throws Exception {
    String huge = "x".repeat(70 * 1024);
    HttpResponse<String> refused = server.post("/api/sessions", cookie, new JsonObject()
        .put("template", "transformatiedialoog").put("title", huge).put("municipality", "Utrecht"));
    assertEquals(413, refused.statusCode());
    JsonObject body = new JsonObject(refused.body());
    assertEquals("too_large", body.getString("error"));
    assertEquals(dutch.getProperty("error.too_large_request"), body.getString("message"));
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private static HttpResponse<String> request(TestServer on, String method, String path, Map<String, String> headers,
      String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + on.port() + path))
        .timeout(Duration.ofSeconds(20))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    headers.forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> login(TestServer on, String username, String password) throws Exception {
    return on.post("/api/login", null, new JsonObject().put("username", username).put("password", password));
  }

  private static JsonObject newSession(String title) throws Exception {
    HttpResponse<String> created = server.post("/api/sessions", cookie, new JsonObject()
        .put("template", "transformatiedialoog").put("title", title).put("municipality", "Utrecht"));
    assertEquals(201, created.statusCode(), created.body());
    return new JsonObject(created.body());
  }

  private static JsonObject describe(String id) throws Exception {
    HttpResponse<String> got = server.get("/api/sessions/" + id, cookie);
    assertEquals(200, got.statusCode(), got.body());
    return new JsonObject(got.body());
  }

  private static void assertError(HttpResponse<String> response, int status, String code, String field) {
    assertEquals(status, response.statusCode(), response.body());
    JsonObject body = new JsonObject(response.body());
    assertEquals(code, body.getString("error"), response.body());
    assertFalse(body.getString("message", "").isBlank(), "every error carries a sentence: " + response.body());
    if (field != null) {
      assertEquals(field, body.getString("field"), response.body());
    }
  }

  private static long sessionCount() {
    return server.server().database().collection(Database.SESSIONS).countDocuments();
  }

  // ---- login ------------------------------------------------------------------------------------

  @Test
  @DisplayName("A right login answers 200 and sets an HttpOnly, SameSite=Strict session cookie that opens the API")
  void loginSetsStrictHttpOnlyCookie() throws Exception {
    HttpResponse<String> response = login(server, TestServer.ADMIN, TestServer.PASSWORD);
    assertEquals(200, response.statusCode(), response.body());
    String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
    List<String> attributes = List.of(setCookie.toLowerCase(Locale.ROOT).split(";\\s*"));
    assertTrue(attributes.contains("httponly"), setCookie);
    assertTrue(attributes.contains("samesite=strict"), setCookie);
    assertTrue(attributes.contains("path=/"), setCookie);
    String value = setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    assertTrue(value.length() >= 22, "the cookie carries at least 128 random bits");
    HttpResponse<String> me = server.get("/api/me", setCookie.substring(0, setCookie.indexOf(';')));
    assertEquals(200, me.statusCode(), me.body());
    assertEquals(TestServer.ADMIN, new JsonObject(me.body()).getString("username"));
  }

  @Test
  @DisplayName("A wrong password answers 401 and sets no cookie")
  void wrongPasswordIs401() throws Exception {
    HttpResponse<String> response = login(server, TestServer.ADMIN, "fout-wachtwoord");
    assertError(response, 401, "unauthorized", null);
    assertTrue(response.headers().firstValue("Set-Cookie").isEmpty());
  }

  @Test
  @DisplayName("After 5 wrong passwords for an account the next try, even with the right password, gets 429 with Retry-After")
  void loginIsThrottledPerAccount() throws Exception {
    try (TestServer own = TestServer.start()) {
      for (int i = 0; i < 5; i++) {
        assertEquals(401, login(own, TestServer.ADMIN, "gok-" + i).statusCode(), "wrong password " + (i + 1));
      }
      HttpResponse<String> right = login(own, TestServer.ADMIN, TestServer.PASSWORD);
      assertError(right, 429, "rate_limited", null);
      assertTrue(right.headers().firstValue("Set-Cookie").isEmpty(), "no cookie while throttled");
      long retryAfter = Long.parseLong(right.headers().firstValue("Retry-After").orElseThrow());
      assertTrue(retryAfter > 0 && retryAfter <= 15 * 60, "Retry-After " + retryAfter + " s");
      assertEquals(401, login(own, "iemand-anders", "gok").statusCode(), "another account is not blocked by this one");
    }
  }

  @Test
  @DisplayName("Guessing in parallel does not get past the limit: of 20 simultaneous wrong passwords at most 5 are tried")
  void parallelGuessesAreThrottledToo() throws Exception {
    try (TestServer own = TestServer.start()) {
      List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> guesses = new java.util.ArrayList<>();
      for (int i = 0; i < PARALLEL_GUESSES; i++) {
        HttpRequest guess = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + own.port() + "/api/login"))
            .version(HttpClient.Version.HTTP_1_1).timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json").header("Origin", own.origin())
            .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", TestServer.ADMIN)
                .put("password", "parallelle-gok-" + i).encode()))
            .build();
        guesses.add(HTTP.sendAsync(guess, HttpResponse.BodyHandlers.ofString()));
      }
      int tried = 0;
      int throttled = 0;
      for (var guess : guesses) {
        int status = guess.get(60, java.util.concurrent.TimeUnit.SECONDS).statusCode();
        if (status == 401) {
          tried++;
        } else if (status == 429) {
          throttled++;
        }
      }
      System.out.printf("FacilitatorApiTest: %d simultaneous wrong passwords: %d checked (401), %d throttled (429)%n",
          PARALLEL_GUESSES, tried, throttled);
      assertEquals(PARALLEL_GUESSES, tried + throttled, "each guess is refused as wrong (401) or throttled (429)");
      assertTrue(tried <= 5, tried + " of " + PARALLEL_GUESSES
          + " simultaneous guesses had their password checked (limit 5 per account)");
      assertError(login(own, TestServer.ADMIN, TestServer.PASSWORD), 429, "rate_limited", null);
    }
  }

  @Test
  @DisplayName("Without DIALOOG_ADMIN no account exists and every login is refused")
  void noAdminMeansNoAccount() throws Exception {
    try (TestServer bare = TestServer.start(Map.of())) {
      assertEquals(0, bare.server().database().collection(Database.ACCOUNTS).countDocuments());
      assertEquals(401, login(bare, TestServer.ADMIN, TestServer.PASSWORD).statusCode());
      assertEquals(401, login(bare, "admin", "admin").statusCode());
      assertEquals(401, login(bare, "admin", "").statusCode());
      assertEquals(0, bare.server().database().collection(Database.ACCOUNTS).countDocuments());
    }
  }

  // ---- templates and sessions ---------------------------------------------------------------------

  @Test
  @DisplayName("GET /api/templates lists the 5 templates, each with an id, title, description and phases")
  void templatesAreListed() throws Exception {
    HttpResponse<String> response = server.get("/api/templates", cookie);
    assertEquals(200, response.statusCode(), response.body());
    JsonArray templates = new JsonArray(response.body());
    assertEquals(5, templates.size(), response.body());
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < templates.size(); i++) {
      JsonObject t = templates.getJsonObject(i);
      assertTrue(ids.add(t.getString("id")), "ids are unique");
      assertFalse(t.getString("title", "").isBlank());
      assertNotNull(t.getString("description"));
      JsonArray phases = t.getJsonArray("phases");
      assertFalse(phases.isEmpty(), t.getString("id") + " has phases");
      for (int p = 0; p < phases.size(); p++) {
        assertFalse(phases.getJsonObject(p).getString("id", "").isBlank());
        assertFalse(phases.getJsonObject(p).getString("title", "").isBlank());
      }
    }
    assertTrue(ids.contains("transformatiedialoog"), ids.toString());
  }

  @Test
  @DisplayName("POST /api/sessions answers 201 with id, a 6-character code, a join URL and a kiosk URL with the key in the fragment")
  void createSession() throws Exception {
    JsonObject created = newSession("Dialoog Oost");
    String id = created.getString("id");
    String code = created.getString("code");
    assertFalse(id == null || id.isBlank());
    assertTrue(code.matches("[" + CODE_ALPHABET + "]{6}"), code);
    assertTrue(created.getString("joinUrl").endsWith("/j/" + code), created.getString("joinUrl"));
    String kiosk = created.getString("kioskUrl");
    assertTrue(kiosk.contains("/kiosk/" + id + "#key="), kiosk);
    assertTrue(kiosk.substring(kiosk.indexOf("#key=") + 5).length() >= 22, "the kiosk key is a real secret");
  }

  @Test
  @DisplayName("GET /api/sessions/{id} gives the state, the phases and the counts")
  void describeSession() throws Exception {
    JsonObject created = newSession("Dialoog West");
    JsonObject session = describe(created.getString("id"));
    assertEquals(created.getString("id"), session.getString("id"));
    assertEquals(created.getString("code"), session.getString("code"));
    assertEquals("Dialoog West", session.getString("title"));
    assertEquals("open", session.getString("state"));
    assertEquals("welkom", session.getString("phase"), "a new session starts in its first phase");
    JsonArray phases = session.getJsonArray("phases");
    assertEquals(6, phases.size());
    assertEquals("verhalen", phases.getJsonObject(1).getString("id"));
    JsonObject counts = session.getJsonObject("counts");
    assertNotNull(counts, session.encode());
    for (String count : List.of("participants", "stories", "barriers", "recognitions", "connections")) {
      assertEquals(0, counts.getInteger(count), count);
    }
  }

  @Test
  @DisplayName("An unknown session answers 404")
  void unknownSessionIs404() throws Exception {
    assertError(server.get("/api/sessions/s-bestaatniet", cookie), 404, "not_found", null);
  }

  @Test
  @DisplayName("Moving to a phase answers 200 with the phase.started event, and the session is in that phase")
  void startPhase() throws Exception {
    JsonObject created = newSession("Fasen");
    HttpResponse<String> moved = server.post("/api/sessions/" + created.getString("id") + "/phase", cookie,
        new JsonObject().put("phase", "verhalen"));
    assertEquals(200, moved.statusCode(), moved.body());
    JsonObject event = new JsonObject(moved.body());
    assertEquals("phase.started", event.getString("name"));
    assertEquals("verhalen", event.getJsonObject("data").getJsonObject("phase").getString("id"));
    assertEquals("verhalen", describe(created.getString("id")).getString("phase"));
  }

  // ---- who may change what ------------------------------------------------------------------------

  @Test
  @DisplayName("A cookie-borne change from a foreign Origin, or without Origin, gets 403 and changes nothing")
  void cookieChangeNeedsOwnOrigin() throws Exception {
    JsonObject created = newSession("Herkomst");
    String id = created.getString("id");
    JsonObject before = describe(id);
    JsonObject phase = new JsonObject().put("phase", "verhalen");

    assertError(server.send("/api/sessions/" + id + "/phase", cookie, phase, FOREIGN), 403, "forbidden", null);
    assertError(server.send("/api/sessions/" + id + "/phase", cookie, phase, null), 403, "forbidden", null);
    assertError(server.send("/api/sessions/" + id + "/lock", cookie, new JsonObject(), FOREIGN), 403, "forbidden", null);
    assertError(server.send("/api/sessions/" + id + "/close", cookie, new JsonObject(), null), 403, "forbidden", null);
    JsonObject after = describe(id);
    assertEquals(before.getString("phase"), after.getString("phase"));
    assertEquals(before.getString("state"), after.getString("state"));
    assertEquals(before.getLong("seq"), after.getLong("seq"), "no event was stored");

    long sessions = sessionCount();
    JsonObject body = new JsonObject().put("template", "transformatiedialoog").put("title", "Vals")
        .put("municipality", "Utrecht");
    assertError(server.send("/api/sessions", cookie, body, FOREIGN), 403, "forbidden", null);
    assertError(server.send("/api/sessions", cookie, body, null), 403, "forbidden", null);
    assertError(server.send("/api/tokens", cookie, new JsonObject(), FOREIGN), 403, "forbidden", null);
    assertEquals(sessions, sessionCount(), "no session was created");
  }

  @Test
  @DisplayName("An API token from POST /api/tokens works as Bearer for reading and for changes without Origin")
  void apiTokenWorksAsBearer() throws Exception {
    HttpResponse<String> issued = server.post("/api/tokens", cookie, new JsonObject());
    assertEquals(201, issued.statusCode(), issued.body());
    String token = new JsonObject(issued.body()).getString("token");
    assertTrue(token != null && token.length() >= 22, issued.body());
    Map<String, String> bearer = Map.of("Authorization", "Bearer " + token);

    HttpResponse<String> templates = request(server, "GET", "/api/templates", bearer, null);
    assertEquals(200, templates.statusCode(), templates.body());

    HttpResponse<String> created = request(server, "POST", "/api/sessions", bearer, new JsonObject()
        .put("template", "transformatiedialoog").put("title", "Via script").put("municipality", "Zeist").encode());
    assertEquals(201, created.statusCode(), created.body());
    String id = new JsonObject(created.body()).getString("id");

    HttpResponse<String> got = request(server, "GET", "/api/sessions/" + id, bearer, null);
    assertEquals(200, got.statusCode(), got.body());
    HttpResponse<String> moved = request(server, "POST", "/api/sessions/" + id + "/phase", bearer,
        new JsonObject().put("phase", "verhalen").encode());
    assertEquals(200, moved.statusCode(), moved.body());
    assertEquals("verhalen", describe(id).getString("phase"));

    HttpResponse<String> wrong = request(server, "GET", "/api/templates",
        Map.of("Authorization", "Bearer " + token + "x"), null);
    assertError(wrong, 401, "unauthorized", null);
  }

  @Test
  @DisplayName("Without credentials the API answers 401")
  void noCredentialsIs401() throws Exception {
    assertError(server.get("/api/templates", null), 401, "unauthorized", null);
    assertError(server.get("/api/sessions", null), 401, "unauthorized", null);
    assertError(server.get("/api/me", null), 401, "unauthorized", null);
    long sessions = sessionCount();
    assertError(server.post("/api/sessions", null, new JsonObject().put("template", "transformatiedialoog")
        .put("title", "Anoniem").put("municipality", "Utrecht")), 401, "unauthorized", null);
    assertError(server.get("/api/templates", "dt_session=verzonnen"), 401, "unauthorized", null);
    assertEquals(sessions, sessionCount());
  }

  // ---- input --------------------------------------------------------------------------------------

  @Test
  @DisplayName("A body that is not JSON answers 400 with a Dutch sentence")
  void badJsonIs400InDutch() throws Exception {
    HttpResponse<String> response = request(server, "POST", "/api/sessions",
        Map.of("Cookie", cookie, "Origin", server.origin()), "{\"template\": ");
    assertError(response, 400, "bad_request", null);
    assertEquals(dutch.getProperty("error.bad_body"), new JsonObject(response.body()).getString("message"));

    HttpResponse<String> array = request(server, "POST", "/api/sessions",
        Map.of("Cookie", cookie, "Origin", server.origin()), "[1, 2]");
    assertError(array, 400, "bad_request", null);
  }

  @Test
  @DisplayName("An unknown template answers 400 naming the field template")
  void unknownTemplateIs400() throws Exception {
    long sessions = sessionCount();
    HttpResponse<String> response = server.post("/api/sessions", cookie, new JsonObject()
        .put("template", "bestaat-niet").put("title", "Dialoog").put("municipality", "Utrecht"));
    assertError(response, 400, "invalid", "template");
    assertEquals(dutch.getProperty("error.template_unknown"), new JsonObject(response.body()).getString("message"));
    assertEquals(sessions, sessionCount());
  }

  @Test
  @DisplayName("A title of 121 characters answers 400 naming the field title; 120 is accepted")
  void titleLength() throws Exception {
    HttpResponse<String> tooLong = server.post("/api/sessions", cookie, new JsonObject()
        .put("template", "transformatiedialoog").put("title", "t".repeat(121)).put("municipality", "Utrecht"));
    assertError(tooLong, 400, "invalid", "title");
    HttpResponse<String> justRight = server.post("/api/sessions", cookie, new JsonObject()
        .put("template", "transformatiedialoog").put("title", "t".repeat(120)).put("municipality", "Utrecht"));
    assertEquals(201, justRight.statusCode(), justRight.body());
    HttpResponse<String> missing = server.post("/api/sessions", cookie, new JsonObject()
        .put("template", "transformatiedialoog").put("municipality", "Utrecht"));
    assertError(missing, 400, "invalid", "title");
  }

  @Test
  @DisplayName("A title with a C1 control (U+0085) answers 400 naming the field title, as it does from a phone")
  void c1ControlInTitleIsRefused() throws Exception {
    long sessions = sessionCount();
    HttpResponse<String> response = server.post("/api/sessions", cookie, new JsonObject()
        .put("template", "transformatiedialoog").put("title", "Dialoog\u0085Oost").put("municipality", "Utrecht"));
    assertError(response, 400, "invalid", "title");
    assertEquals(sessions, sessionCount());
  }

  @Test
  @DisplayName("A municipality with a bidi override or a zero-width space answers 400; a title is stored in NFC")
  void namesRefuseInvisibleCharactersAndAreStoredComposed() throws Exception {
    for (String sneaky : List.of("Utrecht\u202E", "Utr\u200Becht", "\u2066Utrecht\u2069", "Utrecht\uFEFF")) {
      HttpResponse<String> response = server.post("/api/sessions", cookie, new JsonObject()
          .put("template", "transformatiedialoog").put("title", "Dialoog").put("municipality", sneaky));
      assertError(response, 400, "invalid", "municipality");
    }
    JsonObject created = newSession("Cafe\u0301 Oost");
    assertEquals("Caf\u00e9 Oost", describe(created.getString("id")).getString("title"));
  }

  // ---- health and headers ---------------------------------------------------------------------------

  @Test
  @DisplayName("/health answers 200 {status: ok} without credentials")
  void health() throws Exception {
    HttpResponse<String> response = server.get("/health", null);
    assertEquals(200, response.statusCode());
    assertEquals(new JsonObject().put("status", "ok"), new JsonObject(response.body()));
  }

  @Test
  @DisplayName("Every answer carries the security headers: a CSP and nosniff, also on errors")
  void securityHeaders() throws Exception {
    for (HttpResponse<String> response : List.of(server.get("/health", null), server.get("/api/templates", cookie),
        server.get("/api/templates", null), server.get("/api/bestaat-niet", cookie))) {
      String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
      assertTrue(csp.contains("default-src 'self'"), response.uri() + ": " + csp);
      assertFalse(csp.contains("unsafe-inline"), csp);
      assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null),
          response.uri().toString());
    }
  }
}
