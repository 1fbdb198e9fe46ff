package nl.dialoogtafel.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A browser's view of the archive: accounts made through the API, form logins, pages and downloads. */
public final class ArchiveClient {

  private final TestServer server;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .followRedirects(HttpClient.Redirect.NEVER).build();

  public ArchiveClient(TestServer server) {
    this.server = server;
  }

  /** Creates an account as the admin (adminCookie) and returns its login cookie. */
  public String reader(String adminCookie, String username, String signature, String... municipalities)
      throws Exception {
    account(adminCookie, username, "reader", signature, municipalities);
    return login(username, "lang-genoeg-wachtwoord");
  }

  public HttpResponse<String> account(String adminCookie, String username, String role, String signature,
      String... municipalities) throws Exception {
    JsonObject body = new JsonObject().put("username", username).put("password", "lang-genoeg-wachtwoord")
        .put("role", role).put("municipalities", new JsonArray(List.of(municipalities)));
    if (signature != null) {
      body.put("signature", signature);
    }
    HttpResponse<String> created = server.post("/api/accounts", adminCookie, body);
    if (created.statusCode() != 201) {
      throw new AssertionError("account: " + created.statusCode() + " " + created.body());
    }
    return created;
  }

  /** Logs in through the /login form and returns "dt_session=..." */
  public String login(String username, String password) throws Exception {
    HttpResponse<String> response = form("/login", null, Map.of("username", username, "password", password),
        server.origin());
    if (response.statusCode() != 303) {
      throw new AssertionError("login: " + response.statusCode() + " " + response.body());
    }
    String setCookie = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("dt_session="))
        .findFirst().orElseThrow();
    return setCookie.substring(0, setCookie.indexOf(';'));
  }

  public HttpResponse<String> get(String path, String cookie) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).GET();
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<byte[]> bytes(String path, String cookie) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(120)).GET();
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  public HttpResponse<String> form(String path, String cookie, Map<String, String> fields, String origin)
      throws Exception {
    String body = fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    if (origin != null) {
      request.header("Origin", origin);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Sets a follow-up through the record page's form, as a browser would. */
  public HttpResponse<String> answer(String cookie, String session, String post, String status, String answer)
      throws Exception {
    return form("/archief/" + session + "/knelpunten/" + post, cookie, Map.of("status", status, "answer", answer),
        server.origin());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }
}
