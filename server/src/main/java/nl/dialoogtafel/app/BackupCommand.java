package nl.dialoogtafel.app;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import nl.dialoogtafel.i18n.Messages;
import nl.dialoogtafel.storage.DataFolder;
import nl.dialoogtafel.storage.StoreBackup;
import nl.dialoogtafel.storage.StoreCheck;

/**
 * {@code java -jar dialoogtafel.jar backup FILE.zip}: asks the server running on
 * {@code DIALOOG_DATA_DIR} for a consistent copy of its store, writes it next to FILE (600), opens
 * the copy and checks every record in it, and only then puts it in place as FILE. Exit 0 done, 1 the
 * server made none or the copy does not hold, 2 wrong use or no server.
 */
final class BackupCommand {

  static final int DONE = 0;
  static final int FAILED = 1;
  static final int WRONG_USE = 2;

  private BackupCommand() {}

  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    if (args.length != 2) {
      err.println(text("backup.usage"));
      return WRONG_USE;
    }
    Settings settings;
    try {
      settings = Settings.from(env);
    } catch (IllegalArgumentException wrong) {
      err.println(wrong.getMessage());
      return WRONG_USE;
    }
    if (settings.mongoUri().isPresent()) {
      err.println(text("backup.external"));
      return WRONG_USE;
    }
    Path dataDir = settings.dataDir().toAbsolutePath().normalize();
    Optional<BackupKey> key;
    try {
      key = BackupKey.read(dataDir);
    } catch (IOException e) {
      key = Optional.empty();
    }
    if (key.isEmpty()) {
      err.println(text("backup.no_server", dataDir));
      return WRONG_USE;
    }
    Path target = Path.of(args[1]).toAbsolutePath().normalize();
    Path part = target.resolveSibling(target.getFileName() + StoreBackup.PART_SUFFIX);
    try {
      return fetchCheckAndKeep(key.get(), target, part, out, err);
    } catch (IOException e) {
      err.println(text("backup.failed", e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())));
      return FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return FAILED;
    } finally {
      try {
        Files.deleteIfExists(part);
      } catch (IOException ignored) {
        // nothing more to do: the part is private (600)
      }
    }
  }

  private static int fetchCheckAndKeep(BackupKey key, Path target, Path part, PrintStream out, PrintStream err)
      throws IOException, InterruptedException {
    long start = System.nanoTime();
    Files.deleteIfExists(part);
    DataFolder.newPrivateFile(part); // 600 before the first byte of the store arrives
    HttpResponse<Path> response;
    try {
      response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
          HttpRequest.newBuilder(URI.create(key.origin() + "/api/backup"))
              .header("Authorization", "Bearer " + key.key())
              // Until the copy is made and starts to arrive; a cron job must not hang for ever.
              .timeout(Duration.ofHours(1))
              .POST(HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.ofFile(part, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING));
    } catch (IOException unreachable) {
      err.println(text("backup.unreachable", key.origin(), unreachable.getClass().getSimpleName()));
      return FAILED;
    }
    if (response.statusCode() != 200) {
      err.println(text("backup.failed", reason(part, response.statusCode())));
      return FAILED;
    }
    String serverMillis = response.headers().firstValue("X-Backup-Millis").orElse("?");
    Optional<String> problem;
    StoreCheck.Report report;
    Path scratch = Files.createTempDirectory(target.getParent(), ".dialoogtafel-check-");
    DataFolder.makePrivate(scratch);
    try {
      StoreBackup.Unpacked copy = StoreBackup.unpack(part, scratch);
      report = StoreCheck.check(copy.store());
      problem = problemOf(report, copy.version());
    } catch (StoreBackup.Refused refused) {
      err.println(text("backup.invalid", refused.getMessage()));
      return FAILED;
    } finally {
      deleteFolder(scratch);
    }
    if (problem.isPresent()) {
      err.println(text("backup.invalid", problem.get()));
      return FAILED;
    }
    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    long megabytes10 = Math.round(Files.size(target) / 104_857.6);
    out.println(text("backup.done", target, megabytes10 / 10 + "," + megabytes10 % 10, serverMillis,
        (System.nanoTime() - start) / 1_000_000, report.sessions(), report.events()));
    if (report.headsBehind() > 0) {
      out.println(text("backup.heads_behind", report.headsBehind()));
    }
    return DONE;
  }

  /** The first problem of a checked copy, or none: every record holds and nothing acknowledged is missing. */
  static Optional<String> problemOf(StoreCheck.Report report, long promisedVersion) {
    if (report.version() < promisedVersion) {
      return Optional.of(text("backup.older", report.version(), promisedVersion));
    }
    return report.problems().stream().findFirst();
  }

  private static String reason(Path answer, int status) {
    try {
      return new JsonObject(Files.readString(answer, StandardCharsets.UTF_8)).getString("message", "HTTP " + status);
    } catch (IOException | RuntimeException e) {
      return "HTTP " + status;
    }
  }

  static void deleteFolder(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (var entries = Files.walk(folder)) {
      for (Path p : entries.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  static String text(String key, Object... args) {
    return Messages.text(Messages.DUTCH, key, args);
  }
}
