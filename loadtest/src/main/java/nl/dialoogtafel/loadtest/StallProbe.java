package nl.dialoogtafel.loadtest;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * P6: 5 % of the phones stop reading while the rest go on at P1's rate. The others (a {@link Room}
 * with the kiosk) are measured as in P1 ({@link OpenLoop}): first with every phone reading (the
 * normal p99), then with the stalled ones paused ({@code pause()}: the server's writes fill the
 * TCP buffers, then its own write queue). Then the stalled phones read again: ours has closed them
 * (1013, "try again later") and they {@code resume}; each must end with every seq since it joined
 * exactly once. The floor has no slow-socket policy: it keeps buffering, nothing is closed.
 * Heap: this JVM's heap after a full collection, and its direct buffers, at the end of each
 * phase (floor and ours run in this JVM, as in the live benchmark).
 * Bar: others' p99 ≤ 1.5 × their p99 without stalled phones; heap bounded; stalled sockets closed
 * and later resumed with nothing missed.
 *
 * The server's send buffer on loopback grows to ~4 MB a socket: with P1's short stories it would
 * take hours to fill, hence {@code --text} (up to 4,000 characters, the protocol's limit, in both
 * phases) and a longer stalled phase ({@code --stall-seconds}, default the same as the reading one).
 *
 * <p>Usage: {@code loadtest/stall.sh [phones=1000] [posts/s=10] [seconds=40] [stalled-percent=5]
 * [--text=chars] [--stall-seconds=N] [--targets=ours,floor]}
 */
public final class StallProbe {

  /** The stalled phones' receive buffer: small, so the server's side fills in seconds, not minutes. */
  private static final int STALLED_RECEIVE_BUFFER = 8192;

  private StallProbe() {}

  record Options(int phones, int rate, int seconds, int percent, int text, int stallSeconds,
      List<Target.Kind> targets) {}

  public static void main(String[] args) throws Exception {
    EndOnFailure.install();
    List<String> positional = new ArrayList<>();
    List<Target.Kind> targets = List.of(Target.Kind.OURS, Target.Kind.FLOOR);
    int text = 0;
    int stallSeconds = 0;
    for (String arg : args) {
      if (arg.startsWith("--targets=")) {
        targets = Stream.of(arg.substring(10).split(",")).map(t -> Target.Kind.valueOf(t.trim().toUpperCase(Locale.ROOT)))
            .toList();
      } else if (arg.startsWith("--stall-seconds=")) {
        stallSeconds = Integer.parseInt(arg.substring(16));
      } else if (arg.startsWith("--text=")) {
        text = Integer.parseInt(arg.substring(7));
      } else {
        positional.add(arg);
      }
    }
    Options parsed = new Options(ResumeStorm.arg(positional.toArray(String[]::new), 0, 1000),
        ResumeStorm.arg(positional.toArray(String[]::new), 1, 10), ResumeStorm.arg(positional.toArray(String[]::new), 2, 40),
        ResumeStorm.arg(positional.toArray(String[]::new), 3, 5), text, stallSeconds, targets);
    Options o = parsed.stallSeconds() > 0 ? parsed : new Options(parsed.phones(), parsed.rate(), parsed.seconds(),
        parsed.percent(), parsed.text(), parsed.seconds(), parsed.targets());
    int stalled = o.phones() * o.percent() / 100;
    System.out.printf("P6: %d phones + kiosk, %d of them stop reading; %d posts/s, %d s reading, %d s stalled%s;"
        + " targets %s%n", o.phones(), stalled, o.rate(), o.seconds(), o.stallSeconds(),
        o.text() > 0 ? ", stories of " + o.text() + " characters" : "", o.targets());
    for (Target.Kind kind : o.targets()) {
      System.gc();
      try (Target target = kind.start()) {
        Vertx vertx = Vertx.vertx();
        try {
          run(vertx, target, o, stalled);
        } finally {
          vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
      }
    }
    System.out.printf("(load %s)%n", LiveBenchmark.loadAverage());
    System.exit(0);
  }

  private static void run(Vertx vertx, Target target, Options o, int count) throws Exception {
    String label = target.kind().label();
    boolean resumes = target.kind() == Target.Kind.OURS;
    try (Room others = Room.join(vertx, target, o.phones() - count)) {
      WebSocketClient slowClient = vertx.createWebSocketClient(new WebSocketClientOptions()
          .setReceiveBufferSize(STALLED_RECEIVE_BUFFER).setMaxConnections(count * 2 + 10).setMaxMessageSize(1 << 24)
          .setMaxFrameSize(1 << 24));
      WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxMessageSize(1 << 24)
          .setMaxFrameSize(1 << 24));
      Phone witness = new Phone(o.phones());
      List<Phone> stalled = new ArrayList<>();
      List<CompletableFuture<Long>> welcomes = new ArrayList<>();
      welcomes.add(witness.join(client, target.port(), target.session().code()));
      for (int i = 0; i < count; i++) {
        Phone phone = new Phone(o.phones() - count + i);
        stalled.add(phone);
        welcomes.add(phone.join(slowClient, target.port(), target.session().code()));
      }
      CompletableFuture.allOf(welcomes.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
      List<Phone> all = new ArrayList<>(stalled);
      all.add(witness);
      ResumeStorm.waitFor(() -> all.stream().mapToLong(Phone::lastSeq).distinct().count() == 1, 60,
          "the joins to settle", all);
      stalled.forEach(Phone::mark);

      OpenLoop.run(others, "warm-", o.rate(), 5, 5, 10_000, o.text());
      OpenLoop.Result normal = OpenLoop.run(others, "normal-", o.rate(), o.seconds(), 2, 30_000, o.text());
      double[] heapNormal = heap();
      stalled.forEach(Phone::stall);
      long stallStart = System.nanoTime();
      OpenLoop.Result stalling = OpenLoop.run(others, "stalled-", o.rate(), o.stallSeconds(), 2, 30_000, o.text());
      double[] heapStalled = heap();

      // Reading again: what was buffered arrives, then (ours) the close; the closed ones resume.
      stalled.forEach(Phone::unstall);
      if (resumes) {
        try {
          ResumeStorm.waitFor(() -> stalled.stream().allMatch(Phone::isClosed), 30, "the stalled phones' closes",
              stalled);
        } catch (IllegalStateException notAll) {
          System.out.println("    " + notAll.getMessage());
        }
      }
      Map<Short, Integer> closes = new TreeMap<>();
      stalled.forEach(p -> closes.merge(p.isClosed() ? p.closeCode() : 0, 1, Integer::sum));
      long closed = stalled.stream().filter(Phone::isClosed).count();
      int resumed = 0;
      int failedResumes = 0;
      int retries = 0;
      for (Phone phone : stalled) {
        if (!phone.isClosed()) {
          continue;
        }
        resumed++;
        // As the phone's page does: a resume answered with an error (e.g. unavailable) is tried again.
        boolean in = false;
        for (int attempt = 1; attempt <= 3 && !in; attempt++) {
          try {
            phone.resume(client, target.port()).get(60, TimeUnit.SECONDS);
            in = true;
          } catch (Exception e) {
            retries++;
            phone.hangUp();
            Thread.sleep(1000);
          }
        }
        failedResumes += in ? 0 : 1;
      }
      // A few more posts, so the end is a live event every phone must get once.
      OpenLoop.run(others, "after-", o.rate(), 2, 0, 30_000, o.text());
      try {
        ResumeStorm.waitFor(() -> witness.lastSeq() > 0 && stalled.stream()
            .allMatch(p -> p.lastSeq() >= witness.lastSeq()), 60, "the stalled phones to catch up", stalled);
      } catch (IllegalStateException notAll) {
        System.out.println("    " + notAll.getMessage());
      }
      Thread.sleep(500); // anything twice or beyond the end would arrive now
      long end = witness.lastSeq();
      long whole = stalled.stream().filter(p -> p.holdsSinceMark(end)).count();
      long missing = stalled.stream().mapToLong(p -> p.missing(p.markedAt(), end)).sum();
      long duplicates = stalled.stream().mapToLong(Phone::duplicates).sum();

      System.out.printf("%n%s: others (%d phones + kiosk) post → last delivery, %d posts/s:%n", label,
          others.phones(), o.rate());
      System.out.printf("  everyone reading: p50 %.2f ms, p99 %.2f ms, dropped %d%n", normal.p50(), normal.p99(),
          normal.dropped());
      System.out.printf("  %d stalled:      p50 %.2f ms, p99 %.2f ms, dropped %d%n", count, stalling.p50(),
          stalling.p99(), stalling.dropped());
      System.out.printf("  heap after full GC (this JVM) %.1f → %.1f MB; direct buffers %.1f → %.1f MB%n",
          heapNormal[0], heapStalled[0], heapNormal[1], heapStalled[1]);
      System.out.printf("  stalled sockets closed by the server: %d of %d (close codes %s; 0 = still open), after %d s"
              + " of stalling; resumed %d (%d failed after 3 tries, %d tries failed)%n", closed, count, closes,
          TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - stallStart), resumed, failedResumes, retries);
      System.out.printf("  stalled phones with every seq since they joined up to %d exactly once: %d of %d (missing %d,"
          + " duplicates %d)%n", end, whole, count, missing, duplicates);
      stalled.stream().map(Phone::firstError).filter(e -> e != null).findFirst()
          .ifPresent(e -> System.out.println("  first error to a stalled phone: " + e));
      double bar = 1.5 * normal.p99();
      boolean met = stalling.p99() <= bar && stalling.dropped() == 0 && closed == count && failedResumes == 0
          && whole == count;
      System.out.printf("  P6 bar: others' p99 %.2f ≤ 1.5 × %.2f = %.2f ms, none dropped; stalled closed and resumed,"
          + " nothing missed: %s%s%n", stalling.p99(), normal.p99(), bar, met ? "MET" : "NOT MET",
          resumes ? "" : " (the floor has no slow-socket policy: it never closes them)");
      slowClient.close();
      client.close();
    }
  }

  /** {heap MB after a full collection, direct buffers MB (where Netty's socket buffers live)} of this JVM. */
  private static double[] heap() {
    System.gc();
    System.gc();
    double heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
    double direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
        .filter(b -> b.getName().equals("direct")).mapToLong(BufferPoolMXBean::getMemoryUsed).sum() / 1048576.0;
    return new double[] {heap, direct};
  }
}
