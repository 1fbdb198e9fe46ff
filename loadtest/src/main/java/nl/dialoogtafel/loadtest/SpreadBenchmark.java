package nl.dialoogtafel.loadtest;

import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * P3: many sessions on one node. Ours only (the floor and the peer hold one session). Per run,
 * interleaved, for each number of event loops asked for: the one-session P2 (one session of
 * {@code one} phones + kiosk) and P3 ({@code sessions} sessions of {@code phones} phones + a kiosk
 * each, posts rotating over all of them), each the highest rate with p99 &lt; 100 ms and nothing
 * dropped. The bar (quality.md, issue 12): P3 ≥ 1.3 × the one-session P2.
 *
 * <p>Run: {@code loadtest/spread.sh [sessions=20] [phones=50] [runs=3] [--one=200] [--p2-step=4]
 * [--loops=1,N]} (N: this machine's cores).
 */
public final class SpreadBenchmark {

  record Options(int sessions, int phones, int runs, int one, double step, List<Integer> loops) {

    static Options parse(String[] args) {
      List<String> positional = new ArrayList<>();
      int one = 200;
      double step = 4;
      List<Integer> loops = List.of(1, Runtime.getRuntime().availableProcessors());
      for (String arg : args) {
        if (arg.startsWith("--one=")) {
          one = Integer.parseInt(arg.substring(6));
        } else if (arg.startsWith("--p2-step=")) {
          step = Double.parseDouble(arg.substring(10));
        } else if (arg.startsWith("--loops=")) {
          loops = Arrays.stream(arg.substring(8).split(",")).map(String::trim).map(Integer::parseInt).toList();
        } else if (arg.startsWith("--")) {
          throw new IllegalArgumentException("unknown option " + arg);
        } else {
          positional.add(arg);
        }
      }
      return new Options(positional.size() > 0 ? Integer.parseInt(positional.get(0)) : 20,
          positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 50,
          positional.size() > 2 ? Integer.parseInt(positional.get(2)) : 3, one, step, loops.stream().distinct().toList());
    }
  }

  public static void main(String[] args) throws Exception {
    EndOnFailure.install();
    Options o = Options.parse(args);
    System.out.printf("Dialoogtafel P3: %d sessions x %d phones against one session of %d phones, %d runs,"
        + " event loops %s, P2 steps of %.1f s, %d cores%n", o.sessions(), o.phones(), o.one(), o.runs(), o.loops(),
        o.step(), Runtime.getRuntime().availableProcessors());
    long begin = System.nanoTime();
    for (int loops : o.loops()) {
      measure(loops, "warm-up", o, true);
    }
    Map<String, List<Integer>> best = new LinkedHashMap<>();
    for (int run = 1; run <= o.runs(); run++) {
      for (int loops : o.loops()) {
        int[] both = measure(loops, "run " + run, o, false);
        best.computeIfAbsent("one " + loops, k -> new ArrayList<>()).add(both[0]);
        best.computeIfAbsent("p3 " + loops, k -> new ArrayList<>()).add(both[1]);
      }
    }
    System.out.println();
    System.out.println("medians over " + o.runs() + " runs (posts/s with p99 < 100 ms, nothing dropped):");
    for (int loops : o.loops()) {
      double one = median(best.get("one " + loops));
      double p3 = median(best.get("p3 " + loops));
      System.out.printf(Locale.ROOT, "  %d event loop(s): one session of %d phones %.0f, P3 %d x %d %.0f,"
          + " P3 / one-session P2 = %.2f  (bar >= 1.30: %s)%n", loops, o.one(), one, o.sessions(), o.phones(), p3,
          p3 / one, p3 / one >= 1.3 ? "MET" : "NOT MET");
    }
    System.out.printf("(%d s in all)%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - begin));
    System.exit(0);
  }

  /** One session's P2, then P3, on a fresh server with {@code loops} event loops each. */
  private static int[] measure(int loops, String label, Options o, boolean warmUp) throws Exception {
    int[] result = new int[2];
    Map<String, String> env = Map.of("DIALOOG_EVENT_LOOPS", String.valueOf(loops));
    System.gc();
    try (OursTarget target = OursTarget.start(env)) {
      Vertx vertx = Vertx.vertx();
      try (Room room = Room.join(vertx, target, o.one())) {
        result[0] = warmUp ? warm(room) : RateLadder.climb(room, o.step(), "one/" + loops).best();
        report(label, loops, "one session", result[0], room.firstError(), target);
      } finally {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      }
    }
    System.gc();
    try (OursTarget target = OursTarget.start(env)) {
      Vertx vertx = Vertx.vertx();
      try (Rooms rooms = Rooms.join(vertx, target, o.sessions(), o.phones())) {
        result[1] = warmUp ? warm(rooms) : RateLadder.climb(rooms, o.step(), "p3/" + loops).best();
        report(label, loops, o.sessions() + " sessions", result[1], rooms.firstError(), target);
      } finally {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      }
    }
    return result;
  }

  private static int warm(Audience audience) throws InterruptedException {
    OpenLoop.run(audience, "warm-", 200, 8, 0, 10_000);
    return 0;
  }

  private static void report(String label, int loops, String what, int best, String error, OursTarget target) {
    System.out.printf("%s, %d loop(s), %s: %d posts/s | per loop (sockets, sessions) %s | load %s%s%n", label, loops,
        what, best, target.server().loops().stream().map(l -> "(" + l.connections() + ", " + l.sessions() + ")")
            .toList(), LiveBenchmark.loadAverage(), error == null ? "" : " | first error: " + error);
  }

  private static double median(List<Integer> values) {
    List<Integer> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
  }
}
