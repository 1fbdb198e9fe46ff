package nl.dialoogtafel.support;

import io.vertx.core.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The server as production runs it: {@code nl.dialoogtafel.app.Main} in a JVM of its own, configured
 * through the environment only, so a test can kill it with SIGKILL and start it again on the
 * same data directory.
 */
public final class ServerProcess implements AutoCloseable {

  private static final Duration START_DEADLINE = Duration.ofSeconds(90);
  /** Cluster members start Hazelcast and wait for each other first: slower on a loaded machine. */
  private static final Duration CLUSTER_START_DEADLINE = Duration.ofSeconds(240);

  private final Process process;
  private final int port;
  private final Path log;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private ServerProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** A port nobody listens on right now. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  /** Starts the server and returns once {@code GET /health} answers 200. */
  public static ServerProcess start(int port, Path dataDir, Path log, Map<String, String> extraEnv) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
        "nl.dialoogtafel.app.Main");
    builder.directory(new File(System.getProperty("user.dir")));
    Map<String, String> env = builder.environment();
    env.remove("MONGODB_URI");
    env.remove("DIALOOG_PUBLIC_URL");
    env.remove("DIALOOG_ORIGINS");
    env.put("PORT", String.valueOf(port));
    env.put("HOST", "127.0.0.1");
    env.put("DIALOOG_DATA_DIR", dataDir.toString());
    env.put("DIALOOG_ADMIN", TestServer.ADMIN + ":" + TestServer.PASSWORD);
    env.put("DIALOOG_TEMPLATES_DIR", System.getenv().getOrDefault("DIALOOG_TEMPLATES_DIR", "../session-templates"));
    env.putAll(extraEnv);
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    ServerProcess server = new ServerProcess(builder.start(), port, log);
    try {
      server.awaitHealthy(extraEnv.containsKey("DIALOOG_CLUSTER_MEMBERS") ? CLUSTER_START_DEADLINE : START_DEADLINE);
    } catch (Exception | AssertionError e) {
      server.kill();
      throw e;
    }
    return server;
  }

  private void awaitHealthy(Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      if (!process.isAlive()) {
        throw new AssertionError("server exited with " + process.exitValue() + " before it was healthy; log:\n"
            + logText());
      }
      try {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/health"))
            .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("server not healthy within " + within.toSeconds() + " s; log:\n" + logText());
      }
      Thread.sleep(50);
    }
  }

  public int port() {
    return port;
  }

  public String origin() {
    return "http://127.0.0.1:" + port;
  }

  public URI uri(String path) {
    return URI.create(origin() + path);
  }

  public Process process() {
    return process;
  }

  /** SIGKILL on Linux: no shutdown hook runs, nothing is flushed. Returns the exit status. */
  public int kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("server process did not die");
    }
    return process.exitValue();
  }

  public String logText() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no log)";
    } catch (IOException e) {
      return "(log unreadable: " + e + ")";
    }
  }

  /** Logs in as the admin and returns the session cookie ("name=value"). */
  public String login() throws Exception {
    HttpResponse<String> response = post("/api/login", null,
        new JsonObject().put("username", TestServer.ADMIN).put("password", TestServer.PASSWORD));
    if (response.statusCode() != 200) {
      throw new AssertionError("login failed: " + response.statusCode() + " " + response.body());
    }
    String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
    return setCookie.substring(0, setCookie.indexOf(';'));
  }

  /** A JSON POST with our own Origin, as the console in a browser sends it. */
  public HttpResponse<String> post(String path, String cookie, JsonObject body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json").header("Origin", origin())
        .POST(HttpRequest.BodyPublishers.ofString(body.encode()));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() throws Exception {
    if (process.isAlive()) {
      kill();
    }
  }
}
