package nl.dialoogtafel.loadtest;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The live benchmark: the same load generator against three targets on loopback, interleaved
 * (floor, ours, peer, floor, ours, peer, ...), each started fresh for each run. Per target and run:
 * a join storm, post → ack one at a time, P1 (post → last delivery at a fixed rate) and P2 (the
 * highest rate with p99 &lt; 100 ms and nothing dropped); for ours also the sequential append.
 * Prints medians over the runs, the ratios and the bars of quality.md.
 *
 * <p>Run: {@code loadtest/run.sh [phones=200] [posts-per-second=10] [seconds=20] [runs=3]
 * [--targets=floor,ours,peer] [--p2-step=5] [--no-p2]}
 */
public final class LiveBenchmark {

  record Options(int phones, int rate, int seconds, int runs, List<Target.Kind> targets, double p2Step,
      boolean p2) {

    static Options parse(String[] args) {
      List<String> positional = new ArrayList<>();
      List<Target.Kind> targets = List.of(Target.Kind.values());
      double p2Step = 5;
      boolean p2 = true;
      for (String arg : args) {
        if (arg.startsWith("--targets=")) {
          targets = new ArrayList<>();
          for (String name : arg.substring(10).split(",")) {
            targets.add(Target.Kind.valueOf(name.trim().toUpperCase(Locale.ROOT)));
          }
        } else if (arg.startsWith("--p2-step=")) {
          p2Step = Double.parseDouble(arg.substring(10));
        } else if (arg.equals("--no-p2")) {
          p2 = false;
        } else if (arg.startsWith("--")) {
          throw new IllegalArgumentException("unknown option " + arg);
        } else {
          positional.add(arg);
        }
      }
      int phones = positional.size() > 0 ? Integer.parseInt(positional.get(0)) : 200;
      if (phones < 10) {
        throw new IllegalArgumentException("at least 10 phones: posts rotate over them under our rate limit");
      }
      return new Options(phones, positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 10,
          positional.size() > 2 ? Integer.parseInt(positional.get(2)) : 20,
          positional.size() > 3 ? Integer.parseInt(positional.get(3)) : 3, targets, p2Step, p2);
    }
  }

  public static void main(String[] args) throws Exception {
    EndOnFailure.install();
    Options o = Options.parse(args);
    System.out.printf("Dialoogtafel live benchmark: %d phones + kiosk, P1 %d posts/s for %d s, %d runs, targets %s%s%n",
        o.phones(), o.rate(), o.seconds(), o.runs(), o.targets(),
        o.p2() ? ", P2 steps of " + o.p2Step() + " s" : ", no P2");
    long begin = System.nanoTime();
    // Floor and ours share this JVM: without this the first of them in run 1 would meet a cold JIT.
    for (Target.Kind kind : o.targets()) {
      warmUp(kind, Math.min(o.phones(), 100));
    }
    System.out.printf("warm-up round done (not counted), %d s%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - begin));
    Map<Target.Kind, List<RunResult>> results = new EnumMap<>(Target.Kind.class);
    for (int run = 1; run <= o.runs(); run++) {
      for (Target.Kind kind : o.targets()) {
        RunResult r = oneRun(kind, o);
        results.computeIfAbsent(kind, k -> new ArrayList<>()).add(r);
        // The machine is shared: a run that met someone else's build shows it here.
        System.out.println("run " + run + " " + r.line() + " | load " + loadAverage());
      }
    }
    new Report(results, o).print(System.out);
    System.out.printf("(%d s in all)%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - begin));
    System.exit(0);
  }

  /** The one-minute load average, or "?" where /proc is missing. */
  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  private static void warmUp(Target.Kind kind, int phones) throws Exception {
    try (Target target = kind.start()) {
      Vertx vertx = Vertx.vertx();
      try (Room room = Room.join(vertx, target, phones)) {
        // Ours has the most code to compile (driver, embedded store): a few thousand posts.
        AckProbe.run(room, 50, 0);
        OpenLoop.run(room, "warm-", Math.min(200, phones * 9), 8, 0, 10_000);
      } finally {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      }
    }
  }

  private static RunResult oneRun(Target.Kind kind, Options o) throws Exception {
    // The previous target's garbage is collected now, not during this one's measurement.
    System.gc();
    try (Target target = kind.start()) {
      double append = Double.NaN;
      double appendP99 = Double.NaN;
      if (target instanceof OursTarget ours) {
        Histogram appends = AppendProbe.run(ours.server(), 400, 50);
        append = appends.getValueAtPercentile(50) / 1e6;
        appendP99 = appends.getValueAtPercentile(99) / 1e6;
      }
      Vertx vertx = Vertx.vertx();
      try (Room room = Room.join(vertx, target, o.phones())) {
        Histogram ack = AckProbe.run(room, 200, 20);
        OpenLoop.Result p1 = OpenLoop.run(room, "p1-", o.rate(), o.seconds(), 2, 30_000);
        RateLadder.Result p2 = o.p2() ? RateLadder.climb(room, o.p2Step(), kind.label()) : null;
        if (room.firstError() != null) {
          System.out.println("    " + kind.label() + " first error: " + room.firstError());
        }
        return new RunResult(kind, append, appendP99, room.joinStorm(), ack.getValueAtPercentile(50) / 1e6,
            ack.getValueAtPercentile(99) / 1e6, p1, p2);
      } finally {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      }
    }
  }
}
