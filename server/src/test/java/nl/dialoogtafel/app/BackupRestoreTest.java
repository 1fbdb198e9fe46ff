package nl.dialoogtafel.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import nl.dialoogtafel.record.ExportVerifier;
import nl.dialoogtafel.record.RecordCheck;
import nl.dialoogtafel.support.LiveSocket;
import nl.dialoogtafel.support.Phone;
import nl.dialoogtafel.support.ServerProcess;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backup} and {@code restore} as an operator runs them: the server in a JVM of its own on the
 * embedded store, phones posting all the time, {@code java ... Main backup FILE} in another JVM in
 * the middle of it, the server stopped, {@code restore FILE} into an empty folder, and a server
 * started on that folder. Every post acknowledged before the backup began must be there under its
 * acknowledged seq, and the record must verify.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class BackupRestoreTest {

  private static final int PHONES = 12;
  /** Each phone posts, waits for its ack and then for the rest of this period: ~80 posts a second in all. */
  private static final long PERIOD_MILLIS = 150;

  @TempDir
  Path dir;

  private ServerProcess server;
  private ServerProcess restoredServer;
  private Vertx vertx;
  private final List<LiveSocket> sockets = Collections.synchronizedList(new ArrayList<>());
  private final HttpClient http = HttpClient.newHttpClient();

  /** One acknowledged post: when it was sent and acknowledged (nanoTime), and its seq. */
  private record Ack(long sent, long acked, long seq) {}

  @AfterEach
  void stop() throws Exception {
    synchronized (sockets) {
      sockets.forEach(LiveSocket::close);
    }
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
    if (server != null) {
      server.close();
    }
    if (restoredServer != null) {
      restoredServer.close();
    }
  }

  @Test
  @DisplayName("a backup made while phones post holds every post acknowledged before it began; restore brings it "
      + "back into an empty folder only, and a server started there has them all and a record that verifies")
  void backupUnderWritesAndRestore() throws Exception {
    Path data = dir.resolve("data");
    Path log = dir.resolve("server.log");
    server = ServerProcess.start(ServerProcess.freePort(), data, log, Map.of());
    HttpResponse<String> guessed = http.send(HttpRequest.newBuilder(server.uri("/api/backup"))
        .header("Authorization", "Bearer geraden").POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(403, guessed.statusCode(), "a backup only for whoever can read the key in the data folder");
    String cookie = server.login();
    HttpResponse<String> created = server.post("/api/sessions", cookie, new JsonObject()
        .put("template", "transformatiedialoog").put("title", "Reservekopie").put("municipality", "Utrecht"));
    assertEquals(201, created.statusCode(), created.body());
    JsonObject session = new JsonObject(created.body());
    assertEquals(200, server.post("/api/sessions/" + session.getString("id") + "/phase", cookie,
        new JsonObject().put("phase", "verhalen")).statusCode());

    vertx = Vertx.vertx();
    List<String> tokens = new ArrayList<>();
    List<LiveSocket> phones = new ArrayList<>();
    String epoch = null;
    for (int i = 0; i < PHONES; i++) {
      LiveSocket socket = open(server.port());
      JsonObject welcome = socket.call(Phone.joinMessage(session.getString("code"), "Deelnemer " + i,
          "Organisatie " + (i % 4)));
      assertEquals("welcome", welcome.getString("type"), welcome.encode());
      epoch = welcome.getString("epoch");
      tokens.add(welcome.getString("token"));
      phones.add(socket);
    }

    // ---- phones post steadily ------------------------------------------------------------------
    Map<String, Ack> acked = new ConcurrentHashMap<>();
    List<String> problems = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean posting = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(PHONES);
    List<Future<?>> posters = new ArrayList<>();
    for (int i = 0; i < PHONES; i++) {
      LiveSocket phone = phones.get(i);
      String tag = String.format("b%02d", i);
      long offset = i * PERIOD_MILLIS / PHONES;
      posters.add(pool.submit(() -> {
        Thread.sleep(offset);
        post(phone, tag, posting, acked, problems);
        return null;
      }));
    }
    Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> acked.size() >= 300 || !problems.isEmpty());

    // ---- the backup, in a JVM of its own, while they post ---------------------------------------
    Path backup = dir.resolve("kopieen").resolve("dialoogtafel-zondag.zip");
    Files.createDirectories(backup.getParent());
    long backupStart = System.nanoTime();
    Map<String, Ack> ackedBeforeBackup = new HashMap<>(acked);
    Command made = command(Map.of("DIALOOG_DATA_DIR", data.toString()), "backup", backup.toString());
    long backupEnd = System.nanoTime();
    int ackedAtEnd = acked.size();
    Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> acked.size() >= ackedAtEnd + 100 || !problems.isEmpty());
    posting.set(false);
    for (Future<?> poster : posters) {
      poster.get(1, TimeUnit.MINUTES);
    }
    pool.shutdown();
    assertTrue(problems.isEmpty(), "unexpected replies while posting: " + problems.subList(0, Math.min(5, problems.size())));
    assertEquals(0, made.exit, made.output);
    assertTrue(made.output.contains("Reservekopie gemaakt"), made.output);
    assertTrue(Files.isRegularFile(backup));
    if (posix()) {
      assertEquals("rw-------", mode(backup), "the backup holds phone numbers");
    }
    assertEquals(List.of("dialoogtafel-zondag.zip"), names(backup.getParent()), "no part or check folder left beside it");
    assertTrue(names(data).stream().noneMatch(n -> n.endsWith(".backup-part")), "no copy left in the data folder");
    latencies(acked, backupStart, backupEnd, made.output);

    // ---- stop; restore refuses a folder that is not empty, and fills an empty one ---------------
    server.kill();
    Command refused = command(Map.of("DIALOOG_DATA_DIR", data.toString()), "restore", backup.toString());
    assertEquals(2, refused.exit, refused.output);
    assertTrue(refused.output.contains("Herstellen kan alleen in een lege map"), refused.output);

    Path restored = dir.resolve("hersteld");
    Command restore = command(Map.of("DIALOOG_DATA_DIR", restored.toString()), "restore", backup.toString());
    assertEquals(0, restore.exit, restore.output);
    assertTrue(restore.output.contains("Teruggezet in"), restore.output);
    if (posix()) {
      assertEquals("rwx------", mode(restored));
      assertEquals("rw-------", mode(restored.resolve("dialoogtafel.mv.db")));
    }

    // ---- a server on the restored folder: every acknowledged post, and a record that verifies ---
    restoredServer = ServerProcess.start(ServerProcess.freePort(), restored, dir.resolve("restored.log"), Map.of());
    JsonObject record = readRecord(restoredServer.port(), tokens.get(0), epoch);
    Map<String, Long> stored = postsOf(record);
    List<String> lost = new ArrayList<>();
    ackedBeforeBackup.forEach((id, ack) -> {
      if (!Long.valueOf(ack.seq()).equals(stored.get(id))) {
        lost.add(id + " acked " + ack.seq() + ", restored " + stored.get(id));
      }
    });
    System.out.printf("BackupRestoreTest: %d posts acknowledged before the backup began, %d in all; the restored "
        + "record has %d events with %d posts%n", ackedBeforeBackup.size(), acked.size(), record.getLong("seq"),
        stored.size());
    assertTrue(lost.isEmpty(), lost.size() + " acknowledged posts missing or moved: " + lost.subList(0, Math.min(5, lost.size())));

    String restoredCookie = restoredServer.login();
    HttpResponse<String> closed = restoredServer.post("/api/sessions/" + session.getString("id") + "/close",
        restoredCookie, new JsonObject());
    assertEquals(200, closed.statusCode(), closed.body());
    HttpResponse<String> export = http.send(HttpRequest.newBuilder(
            restoredServer.uri("/archief/" + session.getString("id") + ".json"))
        .header("Cookie", restoredCookie).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, export.statusCode());
    RecordCheck.Result verdict = ExportVerifier.verify(new JsonObject(export.body()));
    assertTrue(verdict.valid() && verdict.complete(), "the restored record verifies: " + verdict);
  }

  @Test
  @DisplayName("backup without a running server, or with MONGODB_URI, says what to do instead; restore refuses a "
      + "file that is not a backup and leaves the folder empty")
  void wrongUse() throws Exception {
    Path data = dir.resolve("leeg");
    Command noServer = command(Map.of("DIALOOG_DATA_DIR", data.toString()), "backup", dir.resolve("x.zip").toString());
    assertEquals(2, noServer.exit, noServer.output);
    assertTrue(noServer.output.contains("Er draait geen Dialoogtafel-server"), noServer.output);

    Command external = command(Map.of("MONGODB_URI", "mongodb://127.0.0.1:1/dialoogtafel"), "backup",
        dir.resolve("x.zip").toString());
    assertEquals(2, external.exit, external.output);
    assertTrue(external.output.contains("mongodump"), external.output);

    Path notABackup = Files.writeString(dir.resolve("vakantie.zip"), "geen zip");
    Command refused = command(Map.of("DIALOOG_DATA_DIR", data.toString()), "restore", notABackup.toString());
    assertEquals(1, refused.exit, refused.output);
    assertTrue(refused.output.contains("niet teruggezet"), refused.output);
    assertEquals(List.of(), Files.exists(data) ? names(data) : List.of());
  }

  // ---- the phones -------------------------------------------------------------------------------

  private static void post(LiveSocket phone, String tag, AtomicBoolean posting, Map<String, Ack> acked,
      List<String> problems) throws Exception {
    for (int n = 0; posting.get(); n++) {
      String id = tag + "-" + n;
      long sent = System.nanoTime();
      JsonObject reply = phone.request(new JsonObject().put("type", "post").put("id", id).put("kind", "story")
          .put("title", "").put("text", text(id))).get(1, TimeUnit.MINUTES);
      long ackedAt = System.nanoTime();
      if ("ack".equals(reply.getString("type"))) {
        acked.put(id, new Ack(sent, ackedAt, reply.getLong("seq")));
      } else if (!"rate_limited".equals(reply.getString("code"))) {
        problems.add(id + " -> " + reply.encode());
      }
      long left = PERIOD_MILLIS - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
      if (left > 0) {
        Thread.sleep(left);
      }
    }
  }

  private static String text(String id) {
    return "Verhaal " + id + ": de overdracht naar de wijkteams liep vast op een formulier.";
  }

  /** Ack times of posts sent before the backup, and of those sent while the backup command ran. */
  private static void latencies(Map<String, Ack> acked, long start, long end, String output) {
    List<Long> before = new ArrayList<>();
    List<Long> during = new ArrayList<>();
    acked.values().forEach(a -> {
      long micros = (a.acked() - a.sent()) / 1_000;
      if (a.sent() < start) {
        before.add(micros);
      } else if (a.sent() <= end) {
        during.add(micros);
      }
    });
    System.out.printf("BackupRestoreTest: ack time before the backup %s; while the backup command ran (%d ms) %s; %s%n",
        summary(before), (end - start) / 1_000_000, summary(during), output.strip());
  }

  private static String summary(List<Long> micros) {
    if (micros.isEmpty()) {
      return "(none)";
    }
    List<Long> sorted = new ArrayList<>(micros);
    Collections.sort(sorted);
    return String.format("n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms", sorted.size(),
        sorted.get(sorted.size() / 2) / 1000.0, sorted.get((int) Math.min(sorted.size() - 1, sorted.size() * 0.99)) / 1000.0,
        sorted.get(sorted.size() - 1) / 1000.0);
  }

  // ---- the commands and the record -------------------------------------------------------------

  private record Command(int exit, String output) {}

  /** {@code java ... Main <args>} in a JVM of its own, with the environment given (and no other of ours). */
  private Command command(Map<String, String> env, String... args) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> line = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        "nl.dialoogtafel.app.Main"));
    line.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(line).directory(new File(System.getProperty("user.dir")))
        .redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> k.startsWith("DIALOOG_") || k.equals("MONGODB_URI") || k.equals("PORT"));
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(3, TimeUnit.MINUTES), "the command ended");
    return new Command(process.exitValue(), output);
  }

  private LiveSocket open(int port) throws Exception {
    LiveSocket socket = LiveSocket.connect(vertx, port);
    sockets.add(socket);
    return socket;
  }

  private JsonObject readRecord(int port, String token, String epoch) throws Exception {
    try (LiveSocket reader = open(port)) {
      JsonObject welcome = reader.call(new JsonObject().put("type", "resume").put("token", token).put("after", 0)
          .put("epoch", epoch));
      assertEquals("welcome", welcome.getString("type"), welcome.encode());
      return welcome;
    }
  }

  /** The record's posts as client id to seq; the record runs 1..N without a gap. */
  private static Map<String, Long> postsOf(JsonObject welcome) {
    JsonArray events = welcome.getJsonArray("events");
    assertNotNull(events, welcome.encode());
    Map<String, Long> posts = new HashMap<>();
    for (int i = 0; i < events.size(); i++) {
      JsonObject event = events.getJsonObject(i);
      assertEquals(i + 1, (long) event.getLong("seq"), "no gap in the restored record");
      if ("post.added".equals(event.getString("name"))) {
        String text = event.getJsonObject("data").getJsonObject("post").getString("text");
        String id = text.substring("Verhaal ".length(), text.indexOf(':'));
        assertEquals(null, posts.put(id, event.getLong("seq")), "stored once: " + id);
      }
    }
    return posts;
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  private static String mode(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  private static List<String> names(Path folder) throws Exception {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
