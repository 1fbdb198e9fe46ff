package nl.dialoogtafel.loadtest;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import nl.dialoogtafel.app.Server;
import nl.dialoogtafel.app.Settings;

/**
 * Ours: the real server in this JVM with the durable embedded store in a fresh temp directory,
 * and one session created through the facilitator API and moved to the story phase.
 */
final class OursTarget implements Target {

  private static final String ADMIN = "bench";
  private static final String PASSWORD = "bench-wachtwoord-lang-genoeg";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Server server;
  private final Path dataDir;
  private final SessionRef session;
  private final boolean owner;

  private OursTarget(Server server, Path dataDir, SessionRef session, boolean owner) {
    this.server = server;
    this.dataDir = dataDir;
    this.session = session;
    this.owner = owner;
  }

  static OursTarget start() throws Exception {
    return start(Map.of());
  }

  /** With extra environment, e.g. {@code DIALOOG_EVENT_LOOPS}. */
  static OursTarget start(Map<String, String> extraEnv) throws Exception {
    Path dataDir = Files.createTempDirectory("dialoogtafel-bench");
    Map<String, String> env = new HashMap<>(environment(dataDir));
    env.putAll(extraEnv);
    Server server = Server.start(Settings.from(env));
    try {
      return new OursTarget(server, dataDir, createSession(server.port()), true);
    } catch (Exception e) {
      server.close();
      throw e;
    }
  }

  /** The server's settings for a run: loopback, any free port, the benchmark's admin. */
  static Map<String, String> environment(Path dataDir) {
    Map<String, String> env = new HashMap<>();
    env.put("PORT", "0");
    env.put("HOST", "127.0.0.1");
    env.put("DIALOOG_DATA_DIR", dataDir.toString());
    env.put("DIALOOG_ADMIN", ADMIN + ":" + PASSWORD);
    // Every simulated phone comes from 127.0.0.1: lift the per-address socket cap (1000 by default).
    env.put("DIALOOG_WS_PER_ADDRESS", "1000000");
    return env;
  }

  Server server() {
    return server;
  }

  /** Another session on the same server, made through the facilitator API like the first. */
  SessionRef newSession() throws Exception {
    return createSession(server.port());
  }

  /** The same server seen through another of its sessions (closing it leaves the server running). */
  OursTarget withSession(SessionRef other) {
    return new OursTarget(server, dataDir, other, false);
  }

  @Override
  public Kind kind() {
    return Kind.OURS;
  }

  @Override
  public int port() {
    return server.port();
  }

  @Override
  public Wire wire() {
    return Wire.PLAIN;
  }

  @Override
  public SessionRef session() {
    return session;
  }

  @Override
  public void close() throws Exception {
    if (!owner) {
      return;
    }
    server.close();
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static SessionRef createSession(int port) throws Exception {
    return createSession(port, login(port));
  }

  /** Logs the benchmark's admin in; the cookie to send with {@link #createSession(int, String)}. */
  static String login(int port) throws Exception {
    HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(URI.create(base(port) + "/api/login"))
        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", ADMIN).put("password", PASSWORD)
            .encode())).header("Content-Type", "application/json").header("Origin", base(port)).build(),
        HttpResponse.BodyHandlers.ofString());
    return login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
  }

  /** A session made through the facilitator API, moved to the story phase. */
  static SessionRef createSession(int port, String cookie) throws Exception {
    String base = base(port);
    HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/sessions"))
        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("template", "transformatiedialoog")
            .put("title", "Benchmark").put("municipality", "Loopback").encode()))
        .header("Content-Type", "application/json").header("Cookie", cookie).header("Origin", base).build(),
        HttpResponse.BodyHandlers.ofString());
    JsonObject session = new JsonObject(created.body());
    String kioskUrl = session.getString("kioskUrl");
    // Stories are allowed from the second phase on.
    HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/sessions/" + session.getString("id") + "/phase"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"phase\":\"verhalen\"}")).header("Content-Type", "application/json")
        .header("Cookie", cookie).header("Origin", base).build(), HttpResponse.BodyHandlers.ofString());
    return new SessionRef(session.getString("id"), session.getString("code"),
        kioskUrl.substring(kioskUrl.indexOf("#key=") + 5));
  }

  private static String base(int port) {
    return "http://127.0.0.1:" + port;
  }
}
