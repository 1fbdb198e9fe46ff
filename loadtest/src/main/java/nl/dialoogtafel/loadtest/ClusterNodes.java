package nl.dialoogtafel.loadtest;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The processes of a cluster on loopback, as ClusterTest starts them: one store ({@code Main store}),
 * nodes on that store through {@code MONGODB_URI} (members of one cluster, or a node alone for
 * comparison), HAProxy processes running deploy/haproxy.cfg with the run's ports, and generator
 * JVMs. Every one lives under {@code timeout -s KILL} ({@link ChildProcess}) and is stopped at
 * {@link #close()} or by a shutdown hook.
 */
final class ClusterNodes implements AutoCloseable {

  /** A node: its process and HTTP port. */
  record Node(String name, ChildProcess process, int port) {}

  /** HAProxy's health-check timeout in the benchmark (deploy/haproxy.cfg: 3 s). */
  static final String CHECK_TIMEOUT = "5s";
  /** HAProxy's request timeout in the benchmark (deploy/haproxy.cfg: 10 s). */
  static final String REQUEST_TIMEOUT = "60s";

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Path dir;
  private final Duration lifetime;
  private final List<ChildProcess> children = Collections.synchronizedList(new ArrayList<>());
  private final Thread hook = new Thread(this::stopAll, "cluster-stop");
  private int storePort;

  private ClusterNodes(Path dir, Duration lifetime) {
    this.dir = dir;
    this.lifetime = lifetime;
  }

  /** A fresh directory and a store process serving it; every process started here lives at most {@code lifetime}. */
  static ClusterNodes start(Duration lifetime) throws Exception {
    ClusterNodes nodes = new ClusterNodes(Files.createTempDirectory("dialoogtafel-cluster"), lifetime);
    Runtime.getRuntime().addShutdownHook(nodes.hook);
    try {
      nodes.startStore();
    } catch (Exception e) {
      nodes.close();
      throw e;
    }
    return nodes;
  }

  private void startStore() throws Exception {
    storePort = freePort();
    Path log = dir.resolve("store.log");
    ChildProcess store = ChildProcess.start("store", ChildProcess.java("1g", "nl.dialoogtafel.app.Main", "store"),
        Map.of("DIALOOG_DATA_DIR", dir.resolve("opslag").toString(), "DIALOOG_STORE_PORT", String.valueOf(storePort)),
        log, lifetime);
    children.add(store);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!store.logText().contains("luistert op mongodb://")) {
      if (!store.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("the store did not start: " + store.logText());
      }
      Thread.sleep(50);
    }
  }

  String storeUri() {
    return "mongodb://127.0.0.1:" + storePort + "/dialoogtafel";
  }

  ChildProcess store() {
    return children.get(0);
  }

  /** {@code count} members of one cluster, started at once (they find each other over TCP). */
  List<Node> startCluster(String prefix, int count, int loops, String heap) throws Exception {
    List<Integer> memberPorts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      memberPorts.add(freePair());
    }
    String members = String.join(",", memberPorts.stream().map(p -> "127.0.0.1:" + p).toList());
    ExecutorService starting = Executors.newFixedThreadPool(count);
    try {
      List<Future<Node>> started = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        Map<String, String> cluster = Map.of("DIALOOG_CLUSTER_MEMBERS", members, "DIALOOG_CLUSTER_PORT",
            String.valueOf(memberPorts.get(i)));
        String name = prefix + (i + 1);
        started.add(starting.submit(() -> {
          // On this shared box at load 30 a member may not join the cluster within its 60 s and
          // exit: it is started once more.
          try {
            return startNode(name, loops, heap, cluster);
          } catch (IllegalStateException first) {
            System.out.println("  " + name + " did not start, once more: " + first.getMessage().lines()
                .filter(l -> l.contains("Exception") || l.contains("SEVERE")).findFirst().orElse(""));
            return startNode(name, loops, heap, cluster);
          }
        }));
      }
      List<Node> nodes = new ArrayList<>();
      for (Future<Node> node : started) {
        nodes.add(node.get(5, TimeUnit.MINUTES));
      }
      return nodes;
    } finally {
      starting.shutdown();
    }
  }

  /** A node alone on the same store (not clustered). */
  Node startSingle(String name, int loops, String heap) throws Exception {
    return startNode(name, loops, heap, Map.of());
  }

  private Node startNode(String name, int loops, String heap, Map<String, String> cluster) throws Exception {
    int port = freePort();
    Map<String, String> env = new HashMap<>(OursTarget.environment(dir.resolve(name)));
    env.put("PORT", String.valueOf(port));
    env.put("MONGODB_URI", storeUri());
    env.put("DIALOOG_EVENT_LOOPS", String.valueOf(loops));
    env.put("DIALOOG_SESSIONS_PER_DAY", "10000");
    // Behind HAProxy the phones' own 127.0.0.x addresses count, as in production.
    env.put("DIALOOG_TRUSTED_PROXIES", "127.0.0.1");
    env.putAll(cluster);
    ChildProcess process = ChildProcess.start(name, ChildProcess.java(heap, "nl.dialoogtafel.app.Main"), env,
        dir.resolve(name + ".log"), lifetime);
    children.add(process);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    while (status(port, "/health") != 200) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException(name + " did not become healthy: " + tail(process.logText()));
      }
      Thread.sleep(100);
    }
    return new Node(name, process, port);
  }

  /**
   * {@code count} HAProxy processes, each deploy/haproxy.cfg with its own bind port and every node
   * as a server line; returns their ports. One HAProxy holds two descriptors per WebSocket, and
   * the per-process limit here is 20,000, so a large run needs several.
   */
  List<Integer> startProxies(int count, List<Node> nodes) throws Exception {
    String config = Files.readString(repository().resolve("deploy/haproxy.cfg"), StandardCharsets.UTF_8);
    StringBuilder servers = new StringBuilder();
    for (Node node : nodes) {
      servers.append("    server ").append(node.name()).append(" 127.0.0.1:").append(node.port()).append('\n');
    }
    List<Integer> ports = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int port = freePort();
      String made = config.replaceAll("(?m)^\\s*server node\\d+ .*\\n", "")
          .replaceFirst("(?m)^(\\s*)bind 127\\.0\\.0\\.1:8080", "$1bind 127.0.0.1:" + port)
          .replaceFirst("(?m)^(\\s*default-server .*\\n)", "$1" + servers)
          // This shared 2-core box at load 30 can take longer than the file's check timeout to
          // answer /health, which would take every node out and answer 503.
          .replaceFirst("(?m)^(\\s*)timeout check \\S+", "$1timeout check " + CHECK_TIMEOUT)
          // A starved generator can take longer than 10 s to send its upgrade after connecting (408).
          .replaceFirst("(?m)^(\\s*)timeout http-request 10s", "$1timeout http-request " + REQUEST_TIMEOUT);
      if (!made.contains("bind 127.0.0.1:" + port) || !made.contains("timeout check " + CHECK_TIMEOUT)) {
        throw new IllegalStateException("deploy/haproxy.cfg has no bind or timeout check line to replace");
      }
      Path file = dir.resolve("haproxy" + (i + 1) + ".cfg");
      Files.writeString(file, made, StandardCharsets.UTF_8);
      ChildProcess proxy = ChildProcess.start("haproxy" + (i + 1), List.of("haproxy", "-db", "-f", file.toString()),
          Map.of(), dir.resolve("haproxy" + (i + 1) + ".log"), lifetime);
      children.add(proxy);
      ports.add(port);
    }
    for (int i = 0; i < count; i++) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (status(ports.get(i), "/health") != 200) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("HAProxy " + (i + 1) + " does not pass /health: "
              + children.get(children.size() - count + i).logText());
        }
        Thread.sleep(100);
      }
    }
    return ports;
  }

  List<ChildProcess> proxies() {
    return children.stream().filter(c -> c.name().startsWith("haproxy")).toList();
  }

  /** A generator JVM whose output the caller reads (its input is the caller's commands). */
  ChildProcess startGenerator(String name, String heap, String mainClass) throws IOException {
    ChildProcess generator = ChildProcess.start(name, ChildProcess.java(heap, mainClass), Map.of(), null, lifetime);
    children.add(generator);
    return generator;
  }

  /** The repository's root: the working directory or its parent (the scripts run from the root). */
  private static Path repository() {
    Path here = Path.of("").toAbsolutePath();
    return Files.exists(here.resolve("deploy/haproxy.cfg")) ? here : here.getParent();
  }

  private static int status(int port, String path) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** A port for a cluster member whose next one (its event bus) is free too. */
  private static int freePair() throws IOException {
    while (true) {
      int port = freePort();
      try (ServerSocket next = new ServerSocket(port + 1)) {
        return port;
      } catch (IOException taken) {
        // another
      }
    }
  }

  private static String tail(String log) {
    return log.length() > 3000 ? log.substring(log.length() - 3000) : log;
  }

  private void stopAll() {
    List<ChildProcess> all;
    synchronized (children) {
      all = new ArrayList<>(children);
      children.clear();
    }
    Collections.reverse(all);
    all.parallelStream().forEach(ChildProcess::close);
  }

  @Override
  public void close() {
    stopAll();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs now
    }
    if (System.getProperty("keepLogs") != null) {
      System.out.println("logs and data kept in " + dir);
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.out.println("could not remove " + dir + ": " + e);
    }
  }
}
