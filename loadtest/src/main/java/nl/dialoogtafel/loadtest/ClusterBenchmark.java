package nl.dialoogtafel.loadtest;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;
import org.HdrHistogram.Histogram;

/**
 * P7: post → last delivery across two nodes against one node alone, in the same run on the same
 * store. One store process ({@code Main store}); two cluster members A and B and one node alone,
 * all on that store through {@code MONGODB_URI}. A cluster session is made on A (A owns it); its
 * even phones connect straight to A, its odd phones and the kiosk straight to B, and only B's phones
 * post: each command crosses to the owner and each event back. The lone node's session has the same
 * phones, all on it, and the same phones post. Open loop as P1, runs interleaved (cluster first in
 * odd runs), after one warm-up of each that is not counted; medians over the runs.
 * Bar (issue 10): cluster p99 ≤ 2 × one node's p99.
 *
 * <p>Usage: {@code loadtest/cluster.sh p7 [phones=200] [posts/s=10] [seconds=20] [runs=3] [--loops=1]};
 * {@code loadtest/cluster.sh p9 …} is {@link NationalDay}.
 */
public final class ClusterBenchmark {

  /** One round; {@code latency} holds its counted posts (pooled over the runs in the report). */
  record Row(double p50, double p95, double p99, long dropped, double serverCores, String load, Histogram latency) {}

  private ClusterBenchmark() {}

  public static void main(String[] args) throws Exception {
    EndOnFailure.install();
    if (args.length > 0 && args[0].equals("p9")) {
      NationalDay.main(java.util.Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    List<String> positional = new ArrayList<>();
    int loops = 1;
    for (String arg : args) {
      if (arg.startsWith("--loops=")) {
        loops = Integer.parseInt(arg.substring(8));
      } else if (!arg.equals("p7")) {
        positional.add(arg);
      }
    }
    int phones = positional.size() > 0 ? Integer.parseInt(positional.get(0)) : 200;
    int rate = positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 10;
    int seconds = positional.size() > 2 ? Integer.parseInt(positional.get(2)) : 20;
    int runs = positional.size() > 3 ? Integer.parseInt(positional.get(3)) : 3;
    System.out.printf("P7: %d phones + kiosk, %d posts/s for %d s, %d runs; 2 members vs 1 node alone, one store "
        + "process, %d event loop(s) per node, phones straight on the nodes (no proxy), load %s%n", phones, rate,
        seconds, runs, loops, LiveBenchmark.loadAverage());
    long begin = System.nanoTime();
    try (ClusterNodes nodes = ClusterNodes.start(Duration.ofMinutes(20 + runs * 4L))) {
      List<ClusterNodes.Node> members = nodes.startCluster("node", 2, loops, "512m");
      ClusterNodes.Node alone = nodes.startSingle("alone", loops, "512m");
      String cookie = OursTarget.login(members.get(0).port());
      Vertx vertx = Vertx.vertx();
      try {
        run(vertx, members, cookie, phones, rate, seconds, "warm-up");
        run(vertx, List.of(alone), cookie, phones, rate, seconds, "warm-up");
        List<Row> cluster = new ArrayList<>();
        List<Row> single = new ArrayList<>();
        for (int r = 1; r <= runs; r++) {
          if (r % 2 == 1) {
            cluster.add(run(vertx, members, cookie, phones, rate, seconds, "run " + r));
            single.add(run(vertx, List.of(alone), cookie, phones, rate, seconds, "run " + r));
          } else {
            single.add(run(vertx, List.of(alone), cookie, phones, rate, seconds, "run " + r));
            cluster.add(run(vertx, members, cookie, phones, rate, seconds, "run " + r));
          }
        }
        report(cluster, single, phones, rate);
      } finally {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      }
    }
    System.out.printf("(%d s in all)%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - begin));
    System.exit(0);
  }

  /** One open-loop round on a fresh session of the cluster (2 nodes) or of the lone node (1). */
  private static Row run(Vertx vertx, List<ClusterNodes.Node> servers, String cookie, int phones, int rate,
      int seconds, String label) throws Exception {
    ClusterNodes.Node owner = servers.get(0);
    Target.SessionRef session = OursTarget.createSession(owner.port(), cookie);
    ClusterNodes.Node other = servers.get(servers.size() - 1);
    if (servers.size() > 1) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (!owner.process().logText().contains("owns session " + session.id()) && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      if (!owner.process().logText().contains("owns session " + session.id())) {
        System.out.println("  (" + owner.name() + " did not say it owns the session; measured anyway)");
      }
    }
    // Even phones on the owner, odd phones and the kiosk (index = phones) on the other node.
    IntUnaryOperator portOf = i -> i % 2 == 0 && i != phones ? owner.port() : other.port();
    ClusterTarget target = new ClusterTarget(owner.port(), session,
        servers.stream().map(ClusterNodes.Node::process).toList());
    String what = servers.size() == 1 ? "one node" : "cluster ";
    try (Room room = Room.join(vertx, target, phones, portOf, null)) {
      OpenLoop.Result r = OpenLoop.run(PostingFrom.oddPhones(room), "p7-" + label.replace(' ', '-') + "-"
          + servers.size() + "-", rate, seconds, 2, 20_000);
      Row row = new Row(r.p50(), r.latency().getTotalCount() == 0 ? Double.NaN
          : r.latency().getValueAtPercentile(95) / 1e6, r.p99(), r.dropped(), r.serverCores(),
          LiveBenchmark.loadAverage(), r.latency());
      System.out.printf(Locale.ROOT, "%s %s: join of %d in %d ms | post → last delivery p50 %.2f p95 %.2f p99 %.2f"
              + " ms | dropped %d | server cores %.2f | load %s%s%n", label, what, phones,
          room.joinStorm().welcomedMillis(), row.p50(), row.p95(), row.p99(), row.dropped(), row.serverCores(),
          row.load(), room.firstError() == null ? "" : " | first error: " + room.firstError());
      return row;
    }
  }

  private static void report(List<Row> cluster, List<Row> single, int phones, int rate) {
    System.out.printf("%nP7 medians of %d runs, %d phones + kiosk, %d posts/s:%n%n", cluster.size(), phones, rate);
    System.out.println("| post → last delivery | one node | cluster (2 nodes) | cluster ÷ one node |");
    System.out.println("|---|---|---|---|");
    line("p50 (ms)", median(cluster, Row::p50), median(single, Row::p50));
    line("p95 (ms)", median(cluster, Row::p95), median(single, Row::p95));
    line("p99 (ms)", median(cluster, Row::p99), median(single, Row::p99));
    System.out.printf(Locale.ROOT, "| dropped (all runs) | %d | %d | |%n", single.stream().mapToLong(Row::dropped).sum(),
        cluster.stream().mapToLong(Row::dropped).sum());
    line("server cores (nodes' processes)", median(cluster, Row::serverCores), median(single, Row::serverCores));
    StringBuilder ratios = new StringBuilder();
    for (int i = 0; i < cluster.size(); i++) {
      ratios.append(String.format(Locale.ROOT, " %.2f", cluster.get(i).p99() / single.get(i).p99()));
    }
    double c = median(cluster, Row::p99);
    double s = median(single, Row::p99);
    System.out.printf(Locale.ROOT, "%nper-run p99 ratios:%s%nP7 bar: cluster p99 %.2f ms ≤ 2 × one node's p99 %.2f ms"
        + " = %.2f ms: %s%n", ratios, c, s, 2 * s, c <= 2 * s ? "MET" : "NOT MET");
    // A round's p99 is its second-slowest post of ~130: one stall of the shared machine decides it.
    // Over all rounds' posts together the p99 rests on the slowest 1 % of several hundred.
    Histogram pooledCluster = pooled(cluster);
    Histogram pooledSingle = pooled(single);
    System.out.printf(Locale.ROOT, "%nAll runs' posts together (%d and %d):%n%n", pooledSingle.getTotalCount(),
        pooledCluster.getTotalCount());
    System.out.println("| post → last delivery, pooled | one node | cluster (2 nodes) | cluster ÷ one node |");
    System.out.println("|---|---|---|---|");
    for (double percentile : new double[] {50, 95, 99}) {
      line("p" + (int) percentile + " (ms)", pooledCluster.getValueAtPercentile(percentile) / 1e6,
          pooledSingle.getValueAtPercentile(percentile) / 1e6);
    }
    double pc = pooledCluster.getValueAtPercentile(99) / 1e6;
    double ps = pooledSingle.getValueAtPercentile(99) / 1e6;
    System.out.printf(Locale.ROOT, "P7 bar, pooled: cluster p99 %.2f ms ≤ 2 × one node's p99 %.2f ms = %.2f ms: %s%n",
        pc, ps, 2 * ps, pc <= 2 * ps ? "MET" : "NOT MET");
  }

  private static Histogram pooled(List<Row> rows) {
    Histogram all = new Histogram(3);
    rows.forEach(row -> all.add(row.latency()));
    return all;
  }

  private static void line(String name, double cluster, double single) {
    System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f |%n", name, single, cluster, cluster / single);
  }

  private static double median(List<Row> rows, java.util.function.ToDoubleFunction<Row> f) {
    double[] v = rows.stream().mapToDouble(f).sorted().toArray();
    return v.length == 0 ? Double.NaN : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
