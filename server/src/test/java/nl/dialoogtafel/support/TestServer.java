package nl.dialoogtafel.support;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import nl.dialoogtafel.app.Server;
import nl.dialoogtafel.app.Settings;

/** The real server on the embedded database in a fresh data directory, plus a small HTTP client for the API. */
public final class TestServer implements AutoCloseable {

  public static final String ADMIN = "gespreksleider";
  public static final String PASSWORD = "correct-paard-batterij-nietje";

  private Server server;
  private final Path dataDir;
  private final Map<String, String> env;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private TestServer(Server server, Path dataDir, Map<String, String> env) {
    this.server = server;
    this.dataDir = dataDir;
    this.env = env;
  }

  public static TestServer start() throws Exception {
    return start(Map.of("DIALOOG_ADMIN", ADMIN + ":" + PASSWORD));
  }

  public static TestServer start(Map<String, String> extraEnv) throws Exception {
    Path dataDir = Files.createTempDirectory("dialoogtafel-test");
    Map<String, String> env = new HashMap<>(extraEnv);
    env.put("PORT", "0");
    env.put("HOST", "127.0.0.1");
    env.put("DIALOOG_DATA_DIR", dataDir.toString());
    env.put("DIALOOG_TEMPLATES_DIR", System.getenv().getOrDefault("DIALOOG_TEMPLATES_DIR", "../session-templates"));
    return new TestServer(Server.start(Settings.from(env)), dataDir, env);
  }

  /** Stops the server (as a crash would end its connections) and starts it again on the same port and data. */
  public void restart() throws Exception {
    int port = port();
    server.close();
    Map<String, String> again = new HashMap<>(env);
    again.put("PORT", String.valueOf(port));
    server = Server.start(Settings.from(again));
  }

  /** Stops the server; {@link #startAgain} brings it back on the same port and data. */
  public int stop() throws Exception {
    int port = port();
    server.close();
    return port;
  }

  public void startAgain(int port) throws Exception {
    Map<String, String> again = new HashMap<>(env);
    again.put("PORT", String.valueOf(port));
    server = Server.start(Settings.from(again));
  }

  public int port() {
    return server.port();
  }

  public String origin() {
    return "http://127.0.0.1:" + port();
  }

  public Server server() {
    return server;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** Logs in as the admin facilitator and returns the session cookie ("name=value"). */
  public String login() throws IOException, InterruptedException {
    HttpResponse<String> response = post("/api/login", null,
        new JsonObject().put("username", ADMIN).put("password", PASSWORD));
    if (response.statusCode() != 200) {
      throw new IllegalStateException("login failed: " + response.statusCode() + " " + response.body());
    }
    String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
    return setCookie.substring(0, setCookie.indexOf(';'));
  }

  /** Creates a transformatiedialoog and returns {id, code, joinUrl, kioskUrl} plus the kiosk key. */
  public JsonObject createSession(String cookie) throws IOException, InterruptedException {
    HttpResponse<String> response = post("/api/sessions", cookie, new JsonObject()
        .put("template", "transformatiedialoog").put("title", "Dialoog Oost").put("municipality", "Utrecht")
        .put("community", "Werkgemeenschap Oost"));
    if (response.statusCode() != 201) {
      throw new IllegalStateException("create failed: " + response.statusCode() + " " + response.body());
    }
    JsonObject session = new JsonObject(response.body());
    String kioskUrl = session.getString("kioskUrl");
    return session.put("kioskKey", kioskUrl.substring(kioskUrl.indexOf("#key=") + 5));
  }

  /** Moves the session to a phase through the facilitator API; returns the phase.started event. */
  public JsonObject startPhase(String cookie, String sessionId, String phase) throws IOException, InterruptedException {
    HttpResponse<String> response = post("/api/sessions/" + sessionId + "/phase", cookie,
        new JsonObject().put("phase", phase));
    if (response.statusCode() != 200) {
      throw new IllegalStateException("phase failed: " + response.statusCode() + " " + response.body());
    }
    return new JsonObject(response.body());
  }

  /** A JSON POST sent with our own Origin, as the console in a browser would. */
  public HttpResponse<String> post(String path, String cookie, JsonObject body) throws IOException, InterruptedException {
    return send(path, cookie, body, origin());
  }

  public HttpResponse<String> send(String path, String cookie, JsonObject body, String origin)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
        .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body == null ? "{}" : body.encode()));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    if (origin != null) {
      request.header("Origin", origin);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A JSON PUT with our own Origin (the projector's view is set as a whole). */
  public HttpResponse<String> put(String path, String cookie, JsonObject body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
        .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json").header("Origin", origin())
        .PUT(HttpRequest.BodyPublishers.ofString(body.encode()));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
        .timeout(Duration.ofSeconds(20)).GET();
    if (cookie != null) {
      request.header(cookie.startsWith("Bearer ") ? "Authorization" : "Cookie", cookie);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() throws Exception {
    server.close();
  }
}
