package nl.dialoogtafel.loadtest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * P9, the national dialogue day, as far as this machine goes: sessions of 100 phones and a kiosk
 * over 3 cluster members behind HAProxy, posting 1 post/s per session, stepped up (3,000 → 6,000 →
 * 12,000 → …) in one cluster: each step adds sessions and joins their phones, then every session
 * posts for a while; the step holds when every phone joined, every post was acknowledged and
 * reached every connection of its session (nothing lost), and post → last delivery p99 ≤ 250 ms.
 * Sessions are made on the members in turn (that member owns it); phones reach a member through
 * one of several HAProxy processes (one holds two descriptors per WebSocket, the limit per process
 * here is 20,000) from 127.0.0.1–8, in generator JVMs of their own ({@link ClusterPhones}).
 *
 * <p>Usage: {@code loadtest/cluster.sh p9 [--sizes=3000,6000,12000,18000,24000,30000] [--seconds=30]
 * [--nodes=3] [--per-session=100] [--proxies=N] [--generators=N] [--loops=1] [--heap=1g] [--parallel=4] [--keep-going]}
 * ({@code --parallel}: sessions each generator joins at once)
 */
final class NationalDay {

  private static final double BAR_P99_MS = 250;

  record Step(int phones, int sessions, double createSeconds, double joinSeconds, double worstJoinP99, long posts,
      long acks, long dropped, double p50, double p95, double p99, List<Long> heapMb, List<Long> nodeFds,
      long proxyFds, long generatorFds, double nodeCores, double storeCores, double proxyCores,
      double generatorCores, String load, boolean held) {}

  private NationalDay() {}

  static void main(String[] args) throws Exception {
    List<Integer> sizes = List.of(3000, 6000, 12000, 18000, 24000, 30000);
    int seconds = 30;
    int nodeCount = 3;
    int perSession = 100;
    int proxies = 0;
    int generators = 0;
    int loops = 1;
    String heap = "1g";
    boolean keepGoing = false;
    int parallel = 4;
    for (String arg : args) {
      String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
      if (arg.startsWith("--sizes=")) {
        sizes = Arrays.stream(value.split(",")).map(String::trim).map(Integer::parseInt).toList();
      } else if (arg.startsWith("--seconds=")) {
        seconds = Integer.parseInt(value);
      } else if (arg.startsWith("--nodes=")) {
        nodeCount = Integer.parseInt(value);
      } else if (arg.startsWith("--per-session=")) {
        perSession = Integer.parseInt(value);
      } else if (arg.startsWith("--proxies=")) {
        proxies = Integer.parseInt(value);
      } else if (arg.startsWith("--generators=")) {
        generators = Integer.parseInt(value);
      } else if (arg.startsWith("--loops=")) {
        loops = Integer.parseInt(value);
      } else if (arg.startsWith("--heap=")) {
        heap = value;
      } else if (arg.startsWith("--parallel=")) {
        parallel = Integer.parseInt(value);
      } else if (arg.equals("--keep-going")) {
        keepGoing = true;
      } else {
        throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    int largest = sizes.stream().mapToInt(Integer::intValue).max().orElseThrow();
    int connections = largest + largest / perSession;
    // 7,500 WebSockets (15,000 descriptors) per HAProxy, 10,000 phones per generator JVM: both under 20,000.
    proxies = proxies > 0 ? proxies : (connections + 7499) / 7500;
    generators = generators > 0 ? generators : (connections + 9999) / 10_000;
    System.out.printf("P9: sizes %s, %d phones + a kiosk per session, 1 post/s per session for %d s per step;"
            + " %d members (%d event loop(s), -Xmx%s), %d HAProxy processes, %d generator JVMs, phones from"
            + " 127.0.0.1-8; ulimit -n %s; load %s%n", sizes, perSession, seconds, nodeCount, loops, heap, proxies,
        generators, ulimit(), LiveBenchmark.loadAverage());
    long begin = System.nanoTime();
    List<Step> steps = new ArrayList<>();
    try (ClusterNodes cluster = ClusterNodes.start(Duration.ofMinutes(100))) {
      List<ClusterNodes.Node> members = cluster.startCluster("node", nodeCount, loops, heap);
      List<Integer> proxyPorts = cluster.startProxies(proxies, members);
      System.out.printf("cluster up after %d s: store, %d members, %d proxies on %s%n",
          TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - begin), nodeCount, proxies, proxyPorts);
      List<Generator> gens = new ArrayList<>();
      for (int g = 0; g < generators; g++) {
        Generator gen = new Generator(cluster.startGenerator("generator" + (g + 1), "1500m",
            ClusterPhones.class.getName()));
        gen.send("setup " + String.join(",", proxyPorts.stream().map(String::valueOf).toList()) + " " + perSession
            + " 8 " + parallel);
        gens.add(gen);
      }
      String cookie = OursTarget.login(members.get(0).port());
      int made = 0;
      for (int size : sizes) {
        int want = size / perSession;
        long t0 = System.nanoTime();
        made = createSessions(made, want, members, cookie, gens);
        double createSeconds = (System.nanoTime() - t0) / 1e9;
        Step step = measure(size, want, createSeconds, seconds, cluster, members, gens);
        steps.add(step);
        print(step);
        // --keep-going: on past a step that missed the bar, but not past one whose phones did not all join.
        if (!step.held() && (!keepGoing || step.posts() == 0)) {
          break;
        }
      }
      for (Generator gen : gens) {
        gen.close();
      }
    } catch (Exception e) {
      System.out.println("stopped: " + e);
    }
    summary(steps, perSession);
    System.out.printf("(%d s in all)%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - begin));
    System.exit(0);
  }

  /** Sessions {@code from..want-1}, each made on member {@code n mod members} and given to generator {@code n mod generators}. */
  private static int createSessions(int from, int want, List<ClusterNodes.Node> members, String cookie,
      List<Generator> gens) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(members.size());
    try {
      List<Future<Target.SessionRef>> made = new ArrayList<>();
      for (int n = from; n < want; n++) {
        int port = members.get(n % members.size()).port();
        made.add(pool.submit(() -> OursTarget.createSession(port, cookie)));
      }
      for (int n = from; n < want; n++) {
        Target.SessionRef s = made.get(n - from).get(2, TimeUnit.MINUTES);
        Generator gen = gens.get(n % gens.size());
        gen.send("session " + n + " " + s.id() + " " + s.code() + " " + s.kioskKey());
        gen.rooms++;
      }
      return want;
    } finally {
      pool.shutdown();
    }
  }

  private static Step measure(int phones, int sessions, double createSeconds, int seconds, ClusterNodes cluster,
      List<ClusterNodes.Node> members, List<Generator> gens) throws Exception {
    long t0 = System.nanoTime();
    for (Generator gen : gens) {
      gen.send("join");
    }
    double worstJoin = 0;
    String failure = null;
    for (Generator gen : gens) {
      String answer = gen.await(Duration.ofMinutes(12));
      if (answer.startsWith("joined ")) {
        worstJoin = Math.max(worstJoin, Double.parseDouble(answer.split(" ")[3]));
      } else if (failure == null) {
        failure = answer;
      }
    }
    double joinSeconds = (System.nanoTime() - t0) / 1e9;
    if (failure != null) {
      System.out.printf("%,d phones: the join did not complete after %.0f s: %s | load %s%n", phones, joinSeconds,
          failure, LiveBenchmark.loadAverage());
      return new Step(phones, sessions, createSeconds, joinSeconds, worstJoin, 0, 0, -1, Double.NaN, Double.NaN,
          Double.NaN, heaps(members), fds(members), maxFds(cluster.proxies()), maxFds(gens.stream().map(g -> g.process)
              .toList()), Double.NaN, Double.NaN, Double.NaN, Double.NaN, LiveBenchmark.loadAverage(), false);
    }
    Thread.sleep(5000); // presence settles before the posts
    List<ChildProcess> nodes = members.stream().map(ClusterNodes.Node::process).toList();
    List<ChildProcess> generatorProcesses = gens.stream().map(g -> g.process).toList();
    long w0 = System.nanoTime();
    long[] cpu0 = {cpu(nodes), cluster.store().cpuNanos(), cpu(cluster.proxies()), cpu(generatorProcesses)};
    String prefix = "p9-" + phones + "-";
    for (Generator gen : gens) {
      if (gen.rooms > 0) {
        gen.send("post " + seconds + " " + prefix + gen.process.name() + "-");
      }
    }
    Histogram all = new Histogram(3);
    long posts = 0;
    long acks = 0;
    long dropped = 0;
    boolean broken = false;
    for (Generator gen : gens) {
      if (gen.rooms == 0) {
        continue;
      }
      String answer = gen.await(Duration.ofSeconds(seconds + 180L));
      String[] w = answer.split(" ");
      if (!w[0].equals("result")) {
        System.out.println("  " + gen.process.name() + ": " + answer);
        broken = true;
        continue;
      }
      posts += Long.parseLong(w[1]);
      acks += Long.parseLong(w[2]);
      dropped += Long.parseLong(w[3]);
      if (!w[5].equals("-")) {
        all.add(Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(w[5])), 0));
      }
      if (w.length > 6) {
        System.out.println("  " + gen.process.name() + " first error: "
            + String.join(" ", Arrays.copyOfRange(w, 6, w.length)));
      }
    }
    double wall = System.nanoTime() - w0;
    long[] cpu1 = {cpu(nodes), cluster.store().cpuNanos(), cpu(cluster.proxies()), cpu(generatorProcesses)};
    String load = LiveBenchmark.loadAverage();
    double p50 = all.getTotalCount() == 0 ? Double.NaN : all.getValueAtPercentile(50) / 1e6;
    double p95 = all.getTotalCount() == 0 ? Double.NaN : all.getValueAtPercentile(95) / 1e6;
    double p99 = all.getTotalCount() == 0 ? Double.NaN : all.getValueAtPercentile(99) / 1e6;
    boolean held = !broken && dropped == 0 && acks == posts && p99 <= BAR_P99_MS;
    return new Step(phones, sessions, createSeconds, joinSeconds, worstJoin, posts, acks, dropped, p50, p95, p99,
        heaps(members), fds(members), maxFds(cluster.proxies()), maxFds(generatorProcesses), (cpu1[0] - cpu0[0]) / wall,
        (cpu1[1] - cpu0[1]) / wall, (cpu1[2] - cpu0[2]) / wall, (cpu1[3] - cpu0[3]) / wall, load, held);
  }

  private static long cpu(List<ChildProcess> processes) {
    return processes.stream().mapToLong(ChildProcess::cpuNanos).sum();
  }

  private static List<Long> heaps(List<ClusterNodes.Node> members) {
    List<Long> heaps = new ArrayList<>();
    for (ClusterNodes.Node node : members) {
      try {
        heaps.add(node.process().heapAfterFullGc() / 1_048_576);
      } catch (Exception e) {
        heaps.add(-1L);
      }
    }
    return heaps;
  }

  private static List<Long> fds(List<ClusterNodes.Node> members) {
    return members.stream().map(n -> n.process().fileDescriptors()).toList();
  }

  private static long maxFds(List<ChildProcess> processes) {
    return processes.stream().mapToLong(ChildProcess::fileDescriptors).max().orElse(-1);
  }

  private static void print(Step s) {
    System.out.printf(Locale.ROOT, "%,d phones (%d sessions): sessions made in %.0f s, joined in %.0f s (worst"
            + " session's join p99 %.0f ms) | posts %d, acks %d, dropped %d | post → last delivery p50 %.1f p95 %.1f"
            + " p99 %.1f ms | heap after full GC per node %s MB | fds per node %s, proxy max %d, generator max %d |"
            + " cores: nodes %.2f store %.2f proxies %.2f generators %.2f | load %s | %s%n", s.phones(), s.sessions(),
        s.createSeconds(), s.joinSeconds(), s.worstJoinP99(), s.posts(), s.acks(), s.dropped(), s.p50(), s.p95(),
        s.p99(), s.heapMb(), s.nodeFds(), s.proxyFds(), s.generatorFds(), s.nodeCores(), s.storeCores(),
        s.proxyCores(), s.generatorCores(), s.load(), s.held() ? "HELD" : "NOT HELD");
  }

  private static void summary(List<Step> steps, int perSession) {
    System.out.printf("%nP9 steps (%d phones + kiosk per session, 1 post/s per session):%n%n", perSession);
    System.out.println("| phones | sessions | join (s) | posts | acks | lost | p50 (ms) | p95 (ms) | p99 (ms) |"
        + " heap per node (MB) | fds per node | fds max proxy / generator | cores nodes / store / proxies /"
        + " generators | load | held |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (Step s : steps) {
      System.out.printf(Locale.ROOT, "| %,d | %d | %.0f | %d | %d | %d | %.1f | %.1f | %.1f | %s | %s | %d / %d |"
              + " %.2f / %.2f / %.2f / %.2f | %s | %s |%n", s.phones(), s.sessions(), s.joinSeconds(), s.posts(),
          s.acks(), s.dropped(), s.p50(), s.p95(), s.p99(), s.heapMb(), s.nodeFds(), s.proxyFds(), s.generatorFds(),
          s.nodeCores(), s.storeCores(), s.proxyCores(), s.generatorCores(), s.load(), s.held() ? "yes" : "no");
    }
    Step largest = steps.stream().filter(Step::held).reduce((a, b) -> b).orElse(null);
    System.out.println(largest == null ? "P9: no step held"
        : String.format(Locale.ROOT, "P9: largest size that held: %,d phones over %d sessions (bar: 30,000, p99 ≤ %.0f"
            + " ms, nothing lost)", largest.phones(), largest.sessions(), BAR_P99_MS));
  }

  private static String ulimit() {
    try {
      Process p = new ProcessBuilder("sh", "-c", "ulimit -n; ulimit -Hn").redirectErrorStream(true).start();
      return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim().replace('\n', '/');
    } catch (IOException e) {
      return "?";
    }
  }

  /** A generator JVM: commands in, answers ({@code "@ "} lines) out; other output is shown, a little. */
  private static final class Generator implements AutoCloseable {
    final ChildProcess process;
    final Writer in;
    final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    int rooms;

    Generator(ChildProcess process) {
      this.process = process;
      this.in = new OutputStreamWriter(process.process().getOutputStream(), StandardCharsets.UTF_8);
      AtomicInteger shown = new AtomicInteger();
      Thread reader = new Thread(() -> {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.process().getInputStream(),
            StandardCharsets.UTF_8))) {
          for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("@ ")) {
              answers.add(line.substring(2));
            } else if (shown.incrementAndGet() <= 30) {
              System.out.println("    [" + process.name() + "] " + line);
            }
          }
        } catch (IOException e) {
          // ended
        }
        answers.add("failed the generator ended");
      }, process.name() + "-output");
      reader.setDaemon(true);
      reader.start();
    }

    void send(String line) throws IOException {
      in.write(line + "\n");
      in.flush();
    }

    String await(Duration within) throws InterruptedException {
      String answer = answers.poll(within.toMillis(), TimeUnit.MILLISECONDS);
      return answer == null ? "failed no answer within " + within.toSeconds() + " s" : answer;
    }

    @Override
    public void close() {
      try {
        in.close();
      } catch (IOException e) {
        // gone already
      }
    }
  }
}
