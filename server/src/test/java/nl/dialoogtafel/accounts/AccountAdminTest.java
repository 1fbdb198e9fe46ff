package nl.dialoogtafel.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.dialoogtafel.support.AdminCookie;
import nl.dialoogtafel.support.ArchiveClient;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The admin's account management over the real server: the list, taking access away (and giving
 * it back), a new password — and that a login or API token of a disabled account stops working.
 */
@Timeout(120)
@DisplayName("Managing accounts through the API")
@WithServer
class AccountAdminTest {

  private static final String PASSWORD = "lang-genoeg-wachtwoord";

  private static TestServer server;
  @AdminCookie
  private static String admin;
  private static ArchiveClient archive;

  private static HttpResponse<String> action(String cookie, String username, String what, JsonObject body)
      throws Exception {
    return server.post("/api/accounts/" + username + "/" + what, cookie, body);
  }

  private static void assertError(HttpResponse<String> response, int status, String error, String message) {
    assertEquals(status, response.statusCode(), response.body());
    JsonObject body = new JsonObject(response.body());
    assertEquals(error, body.getString("error"), response.body());
    if (message != null) {
      assertEquals(message, body.getString("message"), response.body());
    }
  }

  private static JsonObject listed(String username) throws Exception {
    HttpResponse<String> list = server.get("/api/accounts", admin);
    assertEquals(200, list.statusCode(), list.body());
    return new JsonObject(list.body()).getJsonArray("accounts").stream().map(JsonObject.class::cast)
        .filter(a -> username.equals(a.getString("username"))).findFirst().orElse(null);
  }

  @Test
  @DisplayName("GET /api/accounts lists every account by username, with role, municipalities and signature, never a hash or token")
  void listAccounts() throws Exception {
    archive.account(admin, "Zwolle-lezer", "reader", "Wethouder Jeugd, gemeente Zwolle", "Zwolle", "Kampen");
    archive.account(admin, "anna.gespreksleider", "facilitator", null);
    String reader = archive.login("Zwolle-lezer", PASSWORD);
    String token = new JsonObject(server.post("/api/tokens", admin, new JsonObject()).body()).getString("token");

    HttpResponse<String> response = server.get("/api/accounts", admin);
    assertEquals(200, response.statusCode(), response.body());
    assertFalse(response.body().contains("argon2"), "no password hash in " + response.body());
    assertFalse(response.body().contains("passwordHash"), response.body());
    assertFalse(response.body().contains(reader.substring(reader.indexOf('=') + 1)), "no login token");
    assertFalse(response.body().contains(token), "no API token");
    List<String> names = new JsonObject(response.body()).getJsonArray("accounts").stream()
        .map(a -> ((JsonObject) a).getString("username")).collect(Collectors.toList());
    assertTrue(names.containsAll(List.of(TestServer.ADMIN, "Zwolle-lezer", "anna.gespreksleider")), names.toString());
    List<String> sorted = names.stream().sorted(String.CASE_INSENSITIVE_ORDER).collect(Collectors.toList());
    assertEquals(sorted, names, "by username, case ignored");

    JsonObject zwolle = listed("Zwolle-lezer");
    assertEquals("reader", zwolle.getString("role"));
    assertEquals(new JsonArray().add("Zwolle").add("Kampen"), zwolle.getJsonArray("municipalities"));
    assertEquals("Wethouder Jeugd, gemeente Zwolle", zwolle.getString("signature"));
    assertEquals(false, zwolle.getBoolean("disabled"));
    assertEquals("admin", listed(TestServer.ADMIN).getString("role"));
    assertEquals(new JsonArray(), listed("anna.gespreksleider").getJsonArray("municipalities"));
  }

  @Test
  @DisplayName("Only an admin manages accounts: a facilitator gets 403 admin_only on list, disable, enable and password")
  void adminOnly() throws Exception {
    archive.account(admin, "facilitator-c", "facilitator", null);
    archive.account(admin, "lezer-c", "reader", null, "Utrecht");
    String facilitator = archive.login("facilitator-c", PASSWORD);
    String reader = archive.login("lezer-c", PASSWORD);
    String adminOnly = "Alleen een beheerder mag dit doen.";
    assertError(server.get("/api/accounts", facilitator), 403, "forbidden", adminOnly);
    assertError(action(facilitator, "lezer-c", "disable", null), 403, "forbidden", adminOnly);
    assertError(action(facilitator, "lezer-c", "enable", null), 403, "forbidden", adminOnly);
    assertError(action(facilitator, "lezer-c", "password", new JsonObject().put("password", "een-ander-wachtwoord")),
        403, "forbidden", adminOnly);
    assertError(server.get("/api/accounts", reader), 403, "forbidden", null);
    assertError(action(reader, "facilitator-c", "disable", null), 403, "forbidden", null);
    assertEquals(200, archive.get("/archief", reader).statusCode(), "the refused calls changed nothing");
    assertEquals(false, listed("lezer-c").getBoolean("disabled"));
    assertEquals(401, server.get("/api/accounts", null).statusCode());
    assertError(server.send("/api/accounts/lezer-c/disable", admin, new JsonObject(), "http://evil.example"),
        403, "forbidden", null);
    assertEquals(false, listed("lezer-c").getBoolean("disabled"), "no change from a foreign origin");
  }

  @Test
  @DisplayName("Disabling a reader ends their login at once: the archive sends them to /login, and logging in again is refused")
  void disablingEndsTheReadersLogin() throws Exception {
    archive.account(admin, "wethouder-d", "reader", "Wethouder Jeugd", "Amersfoort");
    String cookie = archive.login("wethouder-d", PASSWORD);
    assertEquals(200, archive.get("/archief", cookie).statusCode());

    HttpResponse<String> disabled = action(admin, "wethouder-d", "disable", null);
    assertEquals(200, disabled.statusCode(), disabled.body());
    assertEquals(true, new JsonObject(disabled.body()).getBoolean("disabled"));

    HttpResponse<String> after = archive.get("/archief", cookie);
    assertEquals(303, after.statusCode(), "the old cookie opens nothing");
    assertTrue(after.headers().firstValue("Location").orElse("").startsWith("/login"));
    HttpResponse<String> again = archive.form("/login", null, Map.of("username", "wethouder-d", "password", PASSWORD),
        server.origin());
    assertEquals(401, again.statusCode(), "a disabled account cannot log in");
    assertTrue(again.body().contains("Gebruikersnaam of wachtwoord klopt niet."));
    assertEquals(true, listed("wethouder-d").getBoolean("disabled"));
    assertEquals(200, action(admin, "wethouder-d", "disable", null).statusCode(), "disabling twice is harmless");
    assertError(server.post("/api/accounts", admin, new JsonObject().put("username", "wethouder-d")
        .put("password", PASSWORD).put("role", "reader").put("municipalities", new JsonArray().add("Ede"))),
        409, "conflict", "Deze gebruikersnaam bestaat al.");

    HttpResponse<String> enabled = action(admin, "wethouder-d", "enable", null);
    assertEquals(200, enabled.statusCode(), enabled.body());
    assertEquals(false, new JsonObject(enabled.body()).getBoolean("disabled"));
    assertEquals(303, archive.get("/archief", cookie).statusCode(), "a cookie ended stays ended");
    String fresh = archive.login("wethouder-d", PASSWORD);
    assertEquals(200, archive.get("/archief", fresh).statusCode(), "access given back, with the old password");
  }

  @Test
  @DisplayName("Disabling a facilitator ends their console cookie and their API tokens")
  void disablingEndsCookiesAndTokens() throws Exception {
    archive.account(admin, "facilitator-e", "facilitator", null);
    String cookie = server.post("/api/login", null,
        new JsonObject().put("username", "facilitator-e").put("password", PASSWORD)).headers()
        .firstValue("Set-Cookie").map(c -> c.substring(0, c.indexOf(';'))).orElseThrow();
    String token = new JsonObject(server.post("/api/tokens", cookie, new JsonObject()).body()).getString("token");
    assertEquals(200, server.get("/api/me", cookie).statusCode());
    assertEquals(200, server.get("/api/sessions", "Bearer " + token).statusCode());

    assertEquals(200, action(admin, "facilitator-e", "disable", null).statusCode());
    assertError(server.get("/api/me", cookie), 401, "unauthorized", null);
    assertError(server.get("/api/sessions", "Bearer " + token), 401, "unauthorized", null);
    assertEquals(401, server.post("/api/login", null,
        new JsonObject().put("username", "facilitator-e").put("password", PASSWORD)).statusCode());
  }

  @Test
  @DisplayName("The last admin with access cannot be disabled, nor can an admin disable themself; another admin can")
  void lastAdminAndSelf() throws Exception {
    archive.account(admin, "beheerder-f", "admin", null);
    String second = archive.login("beheerder-f", PASSWORD);
    assertEquals(200, action(admin, "beheerder-f", "disable", null).statusCode());
    assertError(action(admin, TestServer.ADMIN, "disable", null), 409, "conflict",
        "Dit is de laatste beheerder met toegang. Maak eerst een andere beheerder aan.");
    assertEquals(200, server.get("/api/me", admin).statusCode(), "the last admin keeps access");

    assertEquals(200, action(admin, "beheerder-f", "enable", null).statusCode());
    second = archive.login("beheerder-f", PASSWORD);
    assertError(action(admin, TestServer.ADMIN, "disable", null), 409, "conflict",
        "Je kunt je eigen toegang niet intrekken. Vraag dat aan een andere beheerder.");
    HttpResponse<String> english = server.post("/api/accounts/" + TestServer.ADMIN + "/disable?lang=en", admin, null);
    assertError(english, 409, "conflict", "You cannot take away your own access. Ask another administrator.");
    assertEquals(200, server.get("/api/me", admin).statusCode());

    // The other admin may: then the first is gone, and the second one is the last.
    assertEquals(200, action(second, TestServer.ADMIN, "disable", null).statusCode());
    assertEquals(401, server.get("/api/me", admin).statusCode(), "the disabled admin's cookie ended");
    assertError(action(second, "beheerder-f", "disable", null), 409, "conflict", null);
    assertEquals(200, action(second, TestServer.ADMIN, "enable", null).statusCode());
    admin = server.login();
  }

  @Test
  @DisplayName("A new password: 12–200 characters, the old password and the account's other logins stop working")
  void resetPassword() throws Exception {
    archive.account(admin, "lezer-g", "reader", null, "Utrecht");
    String old = archive.login("lezer-g", PASSWORD);
    HttpResponse<String> tooShort = action(admin, "lezer-g", "password", new JsonObject().put("password", "kort"));
    assertError(tooShort, 400, "invalid", "Het veld \"password\" moet tussen 12 en 200 tekens lang zijn.");
    assertEquals("password", new JsonObject(tooShort.body()).getString("field"));
    assertError(action(admin, "lezer-g", "password", new JsonObject().put("password", "x".repeat(201))),
        400, "invalid", null);
    assertError(action(admin, "lezer-g", "password", new JsonObject().put("password", 123456789012L)),
        400, "invalid", null);
    assertEquals(200, archive.get("/archief", old).statusCode(), "refused resets change nothing");

    HttpResponse<String> reset = action(admin, "lezer-g", "password",
        new JsonObject().put("password", "een-heel-nieuw-wachtwoord"));
    assertEquals(200, reset.statusCode(), reset.body());
    assertEquals("lezer-g", new JsonObject(reset.body()).getString("username"));
    assertFalse(reset.body().contains("een-heel-nieuw-wachtwoord"), "the password is never sent back");
    assertEquals(303, archive.get("/archief", old).statusCode(), "the login from before the reset ended");
    assertEquals(401, archive.form("/login", null, Map.of("username", "lezer-g", "password", PASSWORD),
        server.origin()).statusCode(), "the old password is refused");
    assertEquals(200, archive.get("/archief", archive.login("lezer-g", "een-heel-nieuw-wachtwoord")).statusCode());

    assertError(action(admin, "niemand-bekend", "password", new JsonObject().put("password", PASSWORD)),
        404, "not_found", "Dit account bestaat niet.");
    assertError(action(admin, "x", "disable", null), 404, "not_found", null);
    assertError(action(admin, "niemand-bekend", "enable", null), 404, "not_found", null);
    assertError(action(admin, "niemand-bekend", "disable", null), 404, "not_found", null);
  }

  @Test
  @DisplayName("An admin who sets their own new password stays logged in in this browser, not elsewhere")
  void ownPassword() throws Exception {
    archive.account(admin, "beheerder-h", "admin", null);
    String here = archive.login("beheerder-h", PASSWORD);
    String elsewhere = archive.login("beheerder-h", PASSWORD);
    assertEquals(200, action(here, "beheerder-h", "password",
        new JsonObject().put("password", "mijn-eigen-nieuwe-wachtwoord")).statusCode());
    assertEquals(200, server.get("/api/me", here).statusCode(), "this login stays");
    assertEquals(401, server.get("/api/me", elsewhere).statusCode(), "other logins end");
    assertEquals(200, action(admin, "beheerder-h", "disable", null).statusCode(), "leave one active admin behind");
  }
}
