package nl.dialoogtafel.loadtest;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lte;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import nl.dialoogtafel.record.HashChain;
import nl.dialoogtafel.record.StoredEvent;
import nl.dialoogtafel.storage.Database;
import nl.dialoogtafel.storage.EventStore;
import org.bson.Document;

/**
 * Does one session's read grow with the archive? Reads the 200 events of one session (what a
 * {@code resume} from the start reads) on the durable embedded store, with nothing else stored and
 * again with {@code sessions × events} of other sessions behind it: by slots (the event store's
 * path) and, for comparison, by the {@code session + seq} query the store used before.
 * Usage: loadtest/resume.sh [sessions=300] [events=400] [repeats=9]
 */
public final class ResumeProbe {

  private ResumeProbe() {}

  public static void main(String[] args) throws Exception {
    EndOnFailure.install();
    int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    int perSession = args.length > 1 ? Integer.parseInt(args[1]) : 400;
    int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 9;
    Vertx vertx = Vertx.vertx();
    try (Database db = Database.open(vertx, Optional.empty(), Files.createTempDirectory("resume-probe"))) {
      EventStore store = new EventStore(db);
      await(store, record("mine", 200));
      report(db, store, "nothing else stored", repeats);
      for (int s = 0; s < sessions; s++) {
        await(store, record("other-" + s, perSession));
      }
      report(db, store, String.format("%,d other events stored", sessions * perSession), repeats);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  private static void await(EventStore store, List<StoredEvent> events) throws Exception {
    store.append(events).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  /** {@code count} stories of one session, sealed on the hash chain as the hub would. */
  static List<StoredEvent> record(String session, int count) {
    List<StoredEvent> events = new ArrayList<>(count);
    String previous = HashChain.GENESIS;
    for (int seq = 1; seq <= count; seq++) {
      StoredEvent event = HashChain.seal(session, seq, "2026-12-01T10:00:00Z", "post.added",
          new JsonObject().put("post", new JsonObject().put("id", "p" + seq).put("kind", "story")
              .put("text", "Een verhaal uit de praktijk over de wachtlijst en de school, nummer " + seq)),
          "k" + seq, previous);
      events.add(event);
      previous = event.hash();
    }
    return events;
  }

  private static void report(Database db, EventStore store, String label, int repeats) throws Exception {
    for (int warm = 0; warm < 30; warm++) {
      store.load("mine", 0, 200).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
    long[] slots = new long[repeats];
    long[] scan = new long[repeats];
    for (int i = 0; i < repeats; i++) {
      long start = System.nanoTime();
      int bySlots = store.load("mine", 0, 200).toCompletionStage().toCompletableFuture()
          .get(60, TimeUnit.SECONDS).size();
      slots[i] = System.nanoTime() - start;
      start = System.nanoTime();
      List<Document> byQuery = new ArrayList<>();
      db.collection(Database.EVENTS).find(and(eq("session", "mine"), gt("seq", 0L), lte("seq", 200L)))
          .into(byQuery);
      scan[i] = System.nanoTime() - start;
      if (bySlots != 200 || byQuery.size() != 200) {
        throw new IllegalStateException("read " + bySlots + " and " + byQuery.size() + " of 200");
      }
    }
    System.out.printf("%s: 200 events by slots p50 %.1f ms (min %.1f); by session+seq p50 %.1f ms (min %.1f)%n",
        label, median(slots), min(slots), median(scan), min(scan));
  }

  private static double median(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2] / 1e6;
  }

  private static double min(long[] nanos) {
    return Arrays.stream(nanos).min().orElse(0) / 1e6;
  }
}
