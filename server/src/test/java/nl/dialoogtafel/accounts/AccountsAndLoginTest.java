package nl.dialoogtafel.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Map;
import nl.dialoogtafel.support.AdminCookie;
import nl.dialoogtafel.support.ArchiveClient;
import nl.dialoogtafel.support.Facilitator;
import nl.dialoogtafel.support.Phone;
import nl.dialoogtafel.support.SessionScript;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Accounts made by the admin, the /login form, and the facilitator's closing steps (harvest, telling). */
@Timeout(120)
@WithServer
class AccountsAndLoginTest {

  private static TestServer server;
  private static Facilitator facilitator;
  @AdminCookie
  private static String admin;
  private static ArchiveClient archive;

  private static JsonObject account(String username, String role, JsonArray municipalities) {
    return new JsonObject().put("username", username).put("password", "lang-genoeg-wachtwoord").put("role", role)
        .put("municipalities", municipalities);
  }

  private static void assertField(HttpResponse<String> response, int status, String field) {
    assertEquals(status, response.statusCode(), response.body());
    JsonObject body = new JsonObject(response.body());
    assertEquals(field, body.getString("field"), response.body());
    assertFalse(body.getString("message", "").isBlank());
  }

  @Test
  @DisplayName("The admin creates a reader (201); a facilitator may not (403); bad input names its field in Dutch; a taken name is 409")
  void createAccounts() throws Exception {
    HttpResponse<String> created = server.post("/api/accounts", admin,
        account("raadslid-a", "reader", new JsonArray().add("Utrecht")).put("signature", "Raadslid"));
    assertEquals(201, created.statusCode(), created.body());
    assertEquals(new JsonArray().add("Utrecht"), new JsonObject(created.body()).getJsonArray("municipalities"));
    assertField(server.post("/api/accounts", admin, account("raadslid-a", "reader", new JsonArray().add("Utrecht"))),
        409, "username");
    assertField(server.post("/api/accounts", admin, account("lezer-zonder", "reader", new JsonArray())), 400,
        "municipalities");
    assertField(server.post("/api/accounts", admin, account("x", "reader", new JsonArray().add("Utrecht"))), 400,
        "username");
    assertField(server.post("/api/accounts", admin, account("iemand", "koning", new JsonArray())), 400, "role");
    assertField(server.post("/api/accounts", admin, account("kort-ww", "facilitator", new JsonArray())
        .put("password", "kort")), 400, "password");
    assertEquals(403, server.send("/api/accounts", admin, account("vals", "admin", new JsonArray()),
        "http://evil.example").statusCode(), "cookie change from a foreign origin");

    server.post("/api/accounts", admin, account("gespreksleider-b", "facilitator", new JsonArray()));
    String facilitator = archive.login("gespreksleider-b", "lang-genoeg-wachtwoord");
    assertEquals(403, server.post("/api/accounts", facilitator, account("stiekem", "admin", new JsonArray()))
        .statusCode());
  }

  @Test
  @DisplayName("The /login form: a wrong password is 401 with a Dutch sentence, a foreign Origin 403, next never leaves the site")
  void loginForm() throws Exception {
    archive.account(admin, "lezer-login", "reader", null, "Zeist");
    HttpResponse<String> form = archive.get("/login", null);
    assertEquals(200, form.statusCode());
    assertTrue(form.body().contains("<label for=\"username\">Gebruikersnaam</label>"));
    HttpResponse<String> wrong = archive.form("/login", null, Map.of("username", "lezer-login", "password", "fout"),
        server.origin());
    assertEquals(401, wrong.statusCode());
    assertTrue(wrong.body().contains("Gebruikersnaam of wachtwoord klopt niet."));
    assertEquals(403, archive.form("/login", null, Map.of("username", "lezer-login",
        "password", "lang-genoeg-wachtwoord"), "http://evil.example").statusCode());
    HttpResponse<String> right = archive.form("/login", null, Map.of("username", "lezer-login",
        "password", "lang-genoeg-wachtwoord", "next", "//evil.example/x"), server.origin());
    assertEquals(303, right.statusCode());
    assertEquals("/archief", right.headers().firstValue("Location").orElse(""));
    String cookie = archive.login("lezer-login", "lang-genoeg-wachtwoord");
    assertEquals(200, archive.get("/archief", cookie).statusCode());
    assertEquals(303, archive.form("/logout", cookie, Map.of(), server.origin()).statusCode());
    assertEquals(303, archive.get("/archief", cookie).statusCode(), "the logged-out cookie opens nothing");
  }

  @Test
  @DisplayName("Harvest and telling: limits and the privacy guard answer 400 naming the field; an unknown post 404")
  void closingSteps() throws Exception {
    SessionScript session = facilitator.script().create("Afsluiting", "Utrecht", null);
    try (Phone a = session.join("Anna", "Wijkteam", "hulpverlener", true)) {
      session.phase("verhalen");
      session.post(a, "s", "story", "", "Een verhaal.");
    }
    String base = "/api/sessions/" + session.id;
    assertField(server.post(base + "/harvest", admin, new JsonObject().put("harvest", "x".repeat(4001))), 400, "harvest");
    assertField(server.post(base + "/harvest", admin, new JsonObject()), 400, "harvest");
    HttpResponse<String> bsn = server.post(base + "/harvest", admin,
        new JsonObject().put("agreements", "Bel over BSN 111222333 morgen.").put("confirm", true));
    assertEquals("privacy", new JsonObject(bsn.body()).getString("error"), bsn.body());
    HttpResponse<String> harvest = server.post(base + "/harvest", admin, new JsonObject().put("harvest", "Samen verder."));
    assertEquals(200, harvest.statusCode(), harvest.body());
    assertEquals("harvest.added", new JsonObject(harvest.body()).getString("name"));
    assertEquals(404, server.post(base + "/posts/p-bestaatniet/telling", admin, new JsonObject()).statusCode());
    assertTrue(session.telling("s").getJsonObject("data").getBoolean("telling"), "post.marked answered");
    assertField(server.post(base + "/posts/" + session.posts.get("s") + "/telling", admin,
        new JsonObject().put("telling", "ja")), 400, "telling");
  }
}
