package nl.dialoogtafel.loadtest;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import nl.dialoogtafel.record.HashChain;
import nl.dialoogtafel.record.StoredEvent;
import nl.dialoogtafel.storage.Database;
import nl.dialoogtafel.storage.EventStore;
import nl.dialoogtafel.storage.StoreBackup;
import nl.dialoogtafel.storage.StoreCheck;
import org.bson.Document;

/**
 * What a backup costs the live rooms: an archive of {@code sessions × events} in the durable
 * embedded store, one writer appending single events one after the other (as a busy session's
 * pipeline does), and in the middle the server-side backup ({@code Database.backup}, what
 * {@code POST /api/backup} runs). Prints the append times before and during the copy, the copy's
 * size and time, and how long the command's check of the copy takes.
 * Usage: loadtest/backup.sh [sessions=300] [events=400]
 */
public final class BackupProbe {

  private BackupProbe() {}

  public static void main(String[] args) throws Exception {
    EndOnFailure.install();
    int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    int perSession = args.length > 1 ? Integer.parseInt(args[1]) : 400;
    Vertx vertx = Vertx.vertx();
    Path dir = Files.createTempDirectory("backup-probe");
    try (Database db = Database.open(vertx, Optional.empty(), dir.resolve("data"))) {
      EventStore store = new EventStore(db);
      for (int s = 0; s < sessions; s++) {
        db.collection(Database.SESSIONS).insertOne(new Document("_id", "other-" + s).append("code", "C" + s));
        store.append(ResumeProbe.record("other-" + s, perSession)).toCompletionStage().toCompletableFuture()
            .get(60, TimeUnit.SECONDS);
      }
      db.collection(Database.SESSIONS).insertOne(new Document("_id", "live").append("code", "LIVE"));
      long storeBytes = Files.size(dir.resolve("data").resolve("dialoogtafel.mv.db"));

      // One writer, sequential appends; each remembers when it started and how long it took.
      List<long[]> appends = new ArrayList<>();
      AtomicBoolean writing = new AtomicBoolean(true);
      Thread writer = new Thread(() -> {
        String previous = HashChain.GENESIS;
        for (int seq = 1; writing.get(); seq++) {
          StoredEvent event = HashChain.seal("live", seq, "2026-12-01T10:00:00Z", "post.added",
              new io.vertx.core.json.JsonObject().put("post", new io.vertx.core.json.JsonObject().put("id", "p" + seq)
                  .put("kind", "story").put("text", "Live verhaal " + seq)), "live" + seq, previous);
          previous = event.hash();
          long start = System.nanoTime();
          try {
            store.append(List.of(event)).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          synchronized (appends) {
            appends.add(new long[] {start, System.nanoTime() - start});
          }
        }
      });
      writer.start();
      Thread.sleep(3_000);
      Path backup = dir.resolve("kopie.zip");
      long backupStart = System.nanoTime();
      StoreBackup.Made made = db.backup(backup).toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
      long backupEnd = System.nanoTime();
      Thread.sleep(1_000);
      writing.set(false);
      writer.join();

      long checkStart = System.nanoTime();
      Path scratch = Files.createDirectories(dir.resolve("check"));
      StoreBackup.Unpacked copy = StoreBackup.unpack(backup, scratch);
      StoreCheck.Report report = StoreCheck.check(copy.store());
      long checkMillis = (System.nanoTime() - checkStart) / 1_000_000;

      List<Long> before = new ArrayList<>();
      List<Long> during = new ArrayList<>();
      for (long[] a : appends) {
        if (a[0] < backupStart) {
          before.add(a[1]);
        } else if (a[0] < backupEnd) {
          during.add(a[1]);
        }
      }
      System.out.printf("store %,d events in %d sessions, file %.1f MB%n", report.events(), report.sessions(),
          storeBytes / 1048576.0);
      System.out.printf("backup %.1f MB in %d ms on the database pool; check of the copy %d ms (%d problems)%n",
          made.bytes() / 1048576.0, made.millis(), checkMillis, report.problems().size());
      System.out.printf("sequential append, before the copy: %s%n", summary(before));
      System.out.printf("sequential append, during the copy: %s%n", summary(during));
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static String summary(List<Long> nanos) {
    if (nanos.isEmpty()) {
      return "(none)";
    }
    List<Long> sorted = new ArrayList<>(nanos);
    sorted.sort(null);
    return String.format("n=%d p50=%.2f ms p99=%.2f ms max=%.2f ms", sorted.size(),
        sorted.get(sorted.size() / 2) / 1e6, sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99))) / 1e6,
        sorted.get(sorted.size() - 1) / 1e6);
  }
}
