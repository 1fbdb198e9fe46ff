package nl.dialoogtafel.loadtest;

import java.util.ArrayList;
import java.util.List;

/**
 * P2: the post rate stepped up until a step fails twice in a row (p99 ≥ 100 ms or anything
 * dropped); the answer is the highest rate that passed. Capped so no phone exceeds 9 posts a second (our server allows
 * a connection 10 messages a second and would refuse the rest).
 */
final class RateLadder {

  static final double P99_LIMIT_MILLIS = 100;
  private static final int[] RATES = {20, 50, 100, 150, 200, 300, 400, 500, 600, 800, 1000, 1200, 1500, 2000, 2500,
      3000, 4000, 5000, 6000, 8000};

  /** {@code capped}: no step failed, the ladder ran out (the true limit is higher). */
  record Result(int best, boolean capped, List<OpenLoop.Result> steps) {}

  private RateLadder() {}

  static Result climb(Audience room, double stepSeconds, String label) throws InterruptedException {
    int best = 0;
    List<OpenLoop.Result> steps = new ArrayList<>();
    for (int rate : RATES) {
      if (rate > room.phones() * 9) {
        break;
      }
      // A failed step runs once more: on the shared machine one stall of a neighbour's build
      // (100 ms is 1 % of a short step) should not end the ladder; two failures do.
      boolean passed = false;
      for (int attempt = 1; attempt <= 2 && !passed; attempt++) {
        OpenLoop.Result step = OpenLoop.run(room, "p2-" + rate + "-" + attempt + "-", rate, stepSeconds,
            Math.min(1.0, stepSeconds / 4), 5_000);
        steps.add(step);
        passed = step.dropped() == 0 && step.p99() < P99_LIMIT_MILLIS;
        System.out.printf("    %-5s P2 %5d posts/s: p50 %7.2f p99 %7.2f ms, dropped %d; cores: server %.2f (%.0f µs/post),"
                + " generator %.2f; JVM gc %d ms%s%n", label, rate, step.p50(), step.p99(), step.dropped(),
            step.serverCores(), step.serverMicrosPerPost(), step.generatorCores(), step.gcMillis(),
            passed ? "" : attempt == 1 ? "  <- fails, once more" : "  <- fails");
        Thread.sleep(300);
      }
      if (!passed) {
        return new Result(best, false, steps);
      }
      best = rate;
    }
    return new Result(best, true, steps);
  }
}
