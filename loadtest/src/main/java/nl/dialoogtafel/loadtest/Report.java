package nl.dialoogtafel.loadtest;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Medians per target over the runs, the ratios between targets, and the bars of quality.md. */
final class Report {

  private final Map<Target.Kind, List<RunResult>> results;
  private final LiveBenchmark.Options options;

  Report(Map<Target.Kind, List<RunResult>> results, LiveBenchmark.Options options) {
    this.results = results;
    this.options = options;
  }

  void print(PrintStream out) {
    out.printf("%nMedians of %d runs, %d phones + kiosk, loopback:%n%n", options.runs(), options.phones());
    out.println("| measure | floor | ours | peer | ours ÷ floor | ours ÷ peer |");
    out.println("|---|---|---|---|---|---|");
    row(out, "join storm: last welcome (ms)", r -> r.storm().welcomedMillis(), "%.0f");
    row(out, "join storm: join p99 (ms)", r -> r.storm().p99Millis(), "%.0f");
    row(out, "join storm: frames to all clients", r -> r.storm().frames(), "%.0f");
    row(out, "join storm: MB to all clients", r -> r.storm().chars() / 1e6, "%.1f");
    row(out, "post → ack p50 (ms)", RunResult::ackP50, "%.2f");
    row(out, "post → ack p99 (ms)", RunResult::ackP99, "%.2f");
    row(out, "P1 post → last delivery p50 (ms), " + options.rate() + " posts/s", r -> r.p1().p50(), "%.2f");
    row(out, "P1 post → last delivery p99 (ms), " + options.rate() + " posts/s", r -> r.p1().p99(), "%.2f");
    row(out, "P1 dropped (most in a run)", r -> r.p1().dropped(), "%.0f", true);
    row(out, "P1 server CPU per post (µs)", r -> r.p1().serverMicrosPerPost(), "%.0f");
    if (options.p2()) {
      row(out, "P2 highest posts/s, p99 < 100 ms, none dropped", r -> r.p2().best(), "%.0f");
      row(out, "P2 server CPU per post, highest passed step (µs)", Report::bestStepMicros, "%.0f");
      row(out, "P2 server cores, highest passed step", r -> bestStep(r) == null ? Double.NaN
          : bestStep(r).serverCores(), "%.2f");
      row(out, "P2 generator cores, highest passed step", r -> bestStep(r) == null ? Double.NaN
          : bestStep(r).generatorCores(), "%.2f");
    }
    row(out, "sequential append p50 (ms)", RunResult::appendP50, "%.2f");
    row(out, "sequential append p99 (ms)", RunResult::appendP99, "%.2f");
    out.println();
    bars(out);
  }

  /** The passing step at the highest rate reached (the last attempt at that rate). */
  private static OpenLoop.Result bestStep(RunResult r) {
    return r.p2().steps().stream().filter(s -> s.rate() == r.p2().best()).reduce((a, b) -> b).orElse(null);
  }

  private static double bestStepMicros(RunResult r) {
    OpenLoop.Result step = bestStep(r);
    return step == null ? Double.NaN : step.serverMicrosPerPost();
  }

  private void row(PrintStream out, String name, ToDoubleFunction<RunResult> measure, String format) {
    row(out, name, measure, format, false);
  }

  private void row(PrintStream out, String name, ToDoubleFunction<RunResult> measure, String format, boolean max) {
    double floor = value(Target.Kind.FLOOR, measure, max);
    double ours = value(Target.Kind.OURS, measure, max);
    double peer = value(Target.Kind.PEER, measure, max);
    out.printf("| %s | %s | %s | %s | %s | %s |%n", name, cell(floor, format), cell(ours, format), cell(peer, format),
        ratio(ours, floor), ratio(ours, peer));
  }

  private void bars(PrintStream out) {
    double floorP99 = value(Target.Kind.FLOOR, r -> r.p1().p99(), false);
    double oursP99 = value(Target.Kind.OURS, r -> r.p1().p99(), false);
    if (!Double.isNaN(floorP99) && !Double.isNaN(oursP99)) {
      double bar = 1.2 * floorP99 + 5;
      out.printf("P1 bar: ours p99 %.2f ms ≤ 1.2 × floor p99 + 5 ms = %.2f ms: %s (the old bar, 1.5 × + 10 = %.2f: %s)%n",
          oursP99, bar, oursP99 <= bar ? "MET" : "NOT MET", 1.5 * floorP99 + 10,
          oursP99 <= 1.5 * floorP99 + 10 ? "met" : "not met");
    }
    double ackP99 = value(Target.Kind.OURS, RunResult::ackP99, false);
    double appendP99 = value(Target.Kind.OURS, RunResult::appendP99, false);
    if (!Double.isNaN(ackP99) && !Double.isNaN(appendP99)) {
      out.printf("ack bar: ours post → ack p99 %.2f ms ≤ sequential append p99 + 5 ms = %.2f ms: %s%n", ackP99,
          appendP99 + 5, ackP99 <= appendP99 + 5 ? "MET" : "NOT MET");
    }
    if (!options.p2()) {
      return;
    }
    double floorP2 = value(Target.Kind.FLOOR, r -> r.p2().best(), false);
    double oursP2 = value(Target.Kind.OURS, r -> r.p2().best(), false);
    double peerP2 = value(Target.Kind.PEER, r -> r.p2().best(), false);
    if (!Double.isNaN(floorP2) && !Double.isNaN(oursP2)) {
      out.printf("P2 bar: ours %.0f posts/s ≥ 0.7 × floor %.0f%s = %.0f: %s%n", oursP2, floorP2,
          capped(Target.Kind.FLOOR), 0.7 * floorP2, oursP2 >= 0.7 * floorP2 ? "MET" : "NOT MET");
    }
    if (!Double.isNaN(peerP2) && !Double.isNaN(oursP2)) {
      out.printf("P2 bar: ours %.0f posts/s ≥ 3 × peer %.0f%s = %.0f: %s%n", oursP2, peerP2,
          capped(Target.Kind.PEER), 3 * peerP2, oursP2 >= 3 * peerP2 ? "MET" : "NOT MET");
    }
    if (!capped(Target.Kind.FLOOR).isEmpty() || !capped(Target.Kind.OURS).isEmpty()) {
      out.printf("(P2 ladder tops out at 9 posts/s per phone = %d posts/s here; a capped target may go higher)%n",
          options.phones() * 9);
    }
  }

  /** " (capped)" when a run of the target passed every step of the ladder. */
  private String capped(Target.Kind kind) {
    List<RunResult> runs = results.get(kind);
    return runs != null && runs.stream().anyMatch(r -> r.p2() != null && r.p2().capped()) ? " (capped)" : "";
  }

  private double value(Target.Kind kind, ToDoubleFunction<RunResult> measure, boolean max) {
    List<RunResult> runs = results.get(kind);
    if (runs == null || runs.isEmpty()) {
      return Double.NaN;
    }
    double[] v = runs.stream().mapToDouble(measure).filter(d -> !Double.isNaN(d)).sorted().toArray();
    if (v.length == 0) {
      return Double.NaN;
    }
    if (max) {
      return v[v.length - 1];
    }
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  private static String cell(double v, String format) {
    return Double.isNaN(v) ? "–" : String.format(format, v);
  }

  private static String ratio(double a, double b) {
    return Double.isNaN(a) || Double.isNaN(b) || b == 0 ? "–" : String.format("%.2f", a / b);
  }

}
