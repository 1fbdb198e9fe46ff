package nl.dialoogtafel.loadtest;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import nl.dialoogtafel.storage.EventStore;
import org.HdrHistogram.Histogram;

/**
 * The resume storm (issue 12, item 1): a venue's Wi-Fi drops and every phone resumes at once. Ours
 * only (floor and peer have no resume). An archive of other sessions is written straight into the
 * store first (as {@link ResumeProbe} does), the phones join, the session grows to its size, every
 * phone's line is reset from the client side, a few phones that stayed post while the others are
 * away, then all resume at once with their token, last seq and epoch. Measured: time from the
 * first reconnect to the last {@code welcome}; checked: each phone ends with every seq exactly once.
 * Bar: last welcome ≤ 2 s and nothing missed.
 *
 * <p>Usage: {@code loadtest/resume-storm.sh [phones=1000] [events=2000] [archive-sessions=300]
 * [archive-events-each=400] [posts-while-away=100] [--v1]}
 */
public final class ResumeStorm {

  private static final int STAYERS = 10;
  private static final double BAR_SECONDS = 2.0;

  /** The phones ask for the snapshot, as the phone page does; {@code --v1}: they speak protocol v1. */
  private static boolean snapshot = true;

  private ResumeStorm() {}

  public static void main(String[] argv) throws Exception {
    EndOnFailure.install();
    boolean v1 = List.of(argv).contains("--v1");
    String[] args = java.util.Arrays.stream(argv).filter(a -> !a.startsWith("--")).toArray(String[]::new);
    snapshot = !v1;
    int phones = arg(args, 0, 1000);
    int events = arg(args, 1, 2000);
    int archiveSessions = arg(args, 2, 300);
    int archiveEach = arg(args, 3, 400);
    int away = arg(args, 4, 100);
    System.out.printf("Resume storm, ours only: %d phones, a session of %d events, %,d archived events of %d sessions,"
        + " %d posts while away, phones %s%n", phones, events, archiveSessions * archiveEach, archiveSessions, away,
        snapshot ? "ask for the snapshot (as the phone page)" : "speak protocol v1");
    long begin = System.nanoTime();
    try (OursTarget target = OursTarget.start()) {
      fillArchive(new EventStore(target.server().database()), archiveSessions, archiveEach);
      System.out.printf("archive written in %d s%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - begin));
      Vertx vertx = Vertx.vertx();
      try {
        run(vertx, target, phones, events, away);
      } finally {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      }
    }
    System.out.printf("(%d s in all, load %s)%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - begin),
        LiveBenchmark.loadAverage());
    System.exit(0);
  }

  private static void run(Vertx vertx, OursTarget target, int count, int events, int away) throws Exception {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxMessageSize(1 << 24)
        .setMaxFrameSize(1 << 24).setMaxConnections(count + STAYERS + 10));
    int port = target.port();
    String code = target.session().code();
    List<Phone> stayers = phones(STAYERS, 0);
    List<Phone> phones = phones(count, STAYERS);
    await(joinAll(stayers, client, port, code), 60);
    long joinStart = System.nanoTime();
    await(joinAll(phones, client, port, code), 180);
    List<Phone> everyone = new ArrayList<>(stayers);
    everyone.addAll(phones);
    long joined = settle(everyone);
    long joinHoles = phones.stream().filter(p -> p.heldInARow() < p.lastSeq()).count();
    System.out.printf("%d phones joined in %d ms (seq %d); phones whose join left a hole below their last seq: %d%n",
        count, millisSince(joinStart), joined, joinHoles);

    // The session grows to its size from the phones themselves, at 200 posts a second.
    paced(events - joined, 200, i -> phones.get((int) (i % phones.size())).post("grow-" + i, "g" + i));
    waitFor(() -> phones.stream().allMatch(p -> p.lastSeq() >= events), 120, "the session to reach " + events, phones);
    long before = settle(everyone);
    System.out.printf("session at seq %d; every phone has it%n", before);

    // The Wi-Fi goes: every phone's line reset at once, no close frame.
    phones.forEach(Phone::dropAbruptly);
    waitFor(() -> phones.stream().allMatch(Phone::isClosed), 30, "the lines to drop", phones);
    paced(away, 50, i -> stayers.get((int) (i % STAYERS)).post("away-" + i, "a" + i));
    long whileAway = before + away;
    waitFor(() -> stayers.stream().allMatch(p -> p.lastSeq() >= whileAway), 60, "the posts while away", stayers);

    // All come back at once.
    Histogram latency = new Histogram(3);
    long storm = System.nanoTime();
    List<CompletableFuture<Long>> welcomes = new ArrayList<>(count);
    for (Phone phone : phones) {
      welcomes.add(phone.resume(client, port));
    }
    int failed = 0;
    long last = storm;
    for (CompletableFuture<Long> welcome : welcomes) {
      try {
        long at = welcome.get(120, TimeUnit.SECONDS);
        latency.recordValue(at - storm);
        last = Math.max(last, at);
      } catch (Exception e) {
        failed++;
      }
    }
    double lastSeconds = (last - storm) / 1e9;

    // Live again: a few more posts must reach everyone once, after what the welcome replayed.
    paced(20, 20, i -> stayers.get((int) (i % STAYERS)).post("after-" + i, "n" + i));
    long end = whileAway + 20;
    waitFor(() -> phones.stream().allMatch(p -> p.lastSeq() >= end), 30, "the posts after the resume", phones);
    Thread.sleep(500); // anything sent twice or beyond the end would arrive now
    int exact = 0;
    int resets = 0;
    long missing = 0;
    long duplicates = 0;
    long holesBefore = 0;
    String firstError = null;
    for (Phone phone : phones) {
      exact += phone.holdsSinceResume(end) ? 1 : 0;
      resets += phone.wasReset() ? 1 : 0;
      missing += phone.missing(phone.resumedAfter(), end);
      holesBefore += phone.missing(0, phone.resumedAfter()) > 0 ? 1 : 0;
      duplicates += phone.duplicates();
      firstError = firstError == null ? phone.firstError() : firstError;
    }
    System.out.printf("%nresume storm: %d phones, seq %d → %d while away → %d at the end%n", count, before, whileAway,
        end);
    System.out.printf("last welcome %.2f s after the first reconnect; resume p50 %.0f ms, p99 %.0f ms; %d failed,"
        + " %d reset%n", lastSeconds, latency.getValueAtPercentile(50) / 1e6, latency.getValueAtPercentile(99) / 1e6,
        failed, resets);
    System.out.printf("phones with every seq after their resume point up to %d exactly once: %d of %d (missing %d,"
        + " duplicates %d)%n", end, exact, count, missing, duplicates);
    System.out.printf("phones with a hole below their resume point (from the join, not the resume): %d%n", holesBefore);
    if (firstError != null) {
      System.out.println("first error: " + firstError);
    }
    boolean met = lastSeconds <= BAR_SECONDS && failed == 0 && exact == count;
    System.out.printf("Resume storm bar: last welcome %.2f s ≤ %.1f s and nothing missed: %s%n", lastSeconds,
        BAR_SECONDS, met ? "MET" : "NOT MET");
    client.close();
  }

  private static List<Phone> phones(int count, int firstIndex) {
    List<Phone> phones = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      phones.add(new Phone(firstIndex + i, snapshot));
    }
    return phones;
  }

  private static List<CompletableFuture<Long>> joinAll(List<Phone> phones, WebSocketClient client, int port,
      String code) {
    List<CompletableFuture<Long>> welcomes = new ArrayList<>();
    for (Phone phone : phones) {
      welcomes.add(phone.join(client, port, code));
    }
    return welcomes;
  }

  private static void await(List<CompletableFuture<Long>> futures, int seconds) throws Exception {
    CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(seconds, TimeUnit.SECONDS);
  }

  /** Waits until every phone has the same last seq (the fan-out has finished) and returns it. */
  private static long settle(List<Phone> phones) throws InterruptedException {
    waitFor(() -> phones.stream().mapToLong(Phone::lastSeq).distinct().count() == 1, 60, "the fan-out to finish",
        phones);
    return phones.get(0).lastSeq();
  }

  interface Step {
    void run(long i);
  }

  /** {@code total} actions at a fixed rate. */
  static void paced(long total, int perSecond, Step step) {
    long start = System.nanoTime();
    for (long i = 0; i < total; i++) {
      long wait;
      while ((wait = start + i * 1_000_000_000L / perSecond - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      step.run(i);
    }
  }

  static void waitFor(BooleanSupplier condition, int seconds, String what, List<Phone> phones)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        String error = phones.stream().map(Phone::firstError).filter(e -> e != null).findFirst().orElse("none");
        throw new IllegalStateException("gave up waiting for " + what + " after " + seconds + " s; seq held in a row "
            + phones.stream().mapToLong(Phone::heldInARow).summaryStatistics() + "; first error: " + error
            + "; first gaps: " + phones.stream().filter(p -> p.heldInARow() < 100_000).limit(8).map(Phone::toString).toList());
      }
      Thread.sleep(20);
    }
  }

  private static long millisSince(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
  }

  static int arg(String[] args, int index, int otherwise) {
    return args.length > index ? Integer.parseInt(args[index]) : otherwise;
  }

  private static void fillArchive(EventStore store, int sessions, int each) throws Exception {
    for (int s = 0; s < sessions; s++) {
      store.append(ResumeProbe.record("archived-" + s, each)).toCompletionStage().toCompletableFuture()
          .get(60, TimeUnit.SECONDS);
    }
  }
}
