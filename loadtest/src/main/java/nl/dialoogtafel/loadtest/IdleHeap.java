package nl.dialoogtafel.loadtest;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * P4: many idle phones over many sessions. The server runs in a child JVM ({@link ChildJvm}) so its
 * heap is measured alone: after a full collection once its sessions exist and before any phone
 * connects, and again once every phone has joined and the room is quiet; the difference over the
 * connections is the cost of one idle phone. Also the process's file descriptors and threads.
 * The floor (one session, its phones {@code watch} like kiosks: its {@code join} tells everyone,
 * which at 10,000 in one room is 50 million frames) gives Vert.x's own cost of an idle socket.
 * The client sockets come from several loopback addresses (127.0.0.1–4) so no address pair runs
 * out of ports. Bar: heap after full GC ÷ connections ≤ 20 KB.
 *
 * <p>Usage: {@code loadtest/idle.sh [phones=10000] [sessions=100] [--targets=ours,floor]}
 */
public final class IdleHeap {

  private static final double BAR_KB = 20;
  private static final int ADDRESSES = 4;

  private IdleHeap() {}

  public static void main(String[] args) throws Exception {
    EndOnFailure.install();
    List<String> positional = new ArrayList<>();
    List<Target.Kind> targets = List.of(Target.Kind.OURS, Target.Kind.FLOOR);
    for (String arg : args) {
      if (arg.startsWith("--targets=")) {
        targets = Stream.of(arg.substring(10).split(",")).map(t -> Target.Kind.valueOf(t.trim().toUpperCase(Locale.ROOT)))
            .toList();
      } else {
        positional.add(arg);
      }
    }
    int phones = positional.size() > 0 ? Integer.parseInt(positional.get(0)) : 10_000;
    int sessions = positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 100;
    System.out.printf("P4: %,d idle phones over %d sessions, server in a child JVM (-Xmx1g), targets %s%n", phones,
        sessions, targets);
    double[] perConnection = new double[Target.Kind.values().length];
    for (Target.Kind kind : targets) {
      perConnection[kind.ordinal()] = switch (kind) {
        case OURS -> ours(phones, sessions);
        case FLOOR -> floor(phones);
        case PEER -> throw new IllegalArgumentException("the peer is not measured here");
      };
    }
    double ours = perConnection[Target.Kind.OURS.ordinal()];
    double floor = perConnection[Target.Kind.FLOOR.ordinal()];
    if (targets.contains(Target.Kind.OURS) && targets.contains(Target.Kind.FLOOR)) {
      System.out.printf("heap per idle connection, ours ÷ floor: %.2f%n", ours / floor);
    }
    System.out.printf("(load %s)%n", LiveBenchmark.loadAverage());
    System.exit(0);
  }

  private static double ours(int phones, int sessions) throws Exception {
    Path dataDir = Files.createTempDirectory("dialoogtafel-idle");
    try (ChildJvm server = ChildJvm.start("nl.dialoogtafel.app.Main", "1g", OursTarget.environment(dataDir))) {
      String cookie = OursTarget.login(server.port());
      List<Target.SessionRef> rooms = new ArrayList<>();
      for (int s = 0; s < sessions; s++) {
        rooms.add(OursTarget.createSession(server.port(), cookie));
      }
      return measure("ours", server, phones, (phone, client) -> {
        Target.SessionRef room = rooms.get(phone.index() % sessions);
        return phone.join(client, server.port(), room.code());
      });
    } finally {
      try (Stream<Path> files = Files.walk(dataDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static double floor(int phones) throws Exception {
    try (ChildJvm server = ChildJvm.start(FloorServer.class.getName(), "1g", Map.of())) {
      return measure("floor", server, phones, (phone, client) -> phone.watch(client, server.port(),
          FloorServer.SESSION_ID, FloorServer.KIOSK_KEY));
    }
  }

  interface Hello {
    CompletableFuture<Long> send(Phone phone, WebSocketClient client);
  }

  /** Heap, fds and threads before and after the phones; returns the heap per connection in KB. */
  private static double measure(String label, ChildJvm server, int count, Hello hello) throws Exception {
    Thread.sleep(2000); // let start-up work (index load, first requests) finish before the baseline
    long heapBefore = server.heapAfterFullGc();
    long fdsBefore = server.fileDescriptors();
    long threadsBefore = server.threads();
    Vertx vertx = Vertx.vertx();
    try {
      List<WebSocketClient> clients = new ArrayList<>();
      for (int a = 1; a <= ADDRESSES; a++) {
        clients.add(vertx.createWebSocketClient(new WebSocketClientOptions().setLocalAddress("127.0.0." + a)
            .setMaxConnections(count).setMaxMessageSize(1 << 24).setMaxFrameSize(1 << 24)));
      }
      List<Phone> phones = new ArrayList<>(count);
      long begin = System.nanoTime();
      // In waves of 500, so the joins are a steady stream rather than one storm of 10,000.
      for (int from = 0; from < count; from += 500) {
        List<CompletableFuture<Long>> welcomes = new ArrayList<>();
        for (int i = from; i < Math.min(count, from + 500); i++) {
          Phone phone = new Phone(i);
          phones.add(phone);
          welcomes.add(hello.send(phone, clients.get(i % ADDRESSES)));
        }
        CompletableFuture.allOf(welcomes.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
      }
      System.out.printf("  %s: %,d phones in after %d s%n", label, count,
          TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - begin));
      Thread.sleep(5000); // presence settles; the phones are idle from here on
      long heapAfter = server.heapAfterFullGc();
      long fdsAfter = server.fileDescriptors();
      long threadsAfter = server.threads();
      long open = phones.stream().filter(p -> !p.isClosed()).count();
      double perConnection = (heapAfter - heapBefore) / 1024.0 / count;
      System.out.printf("  %s: heap after full GC %.1f MB before the phones, %.1f MB with %,d open (%,d still open at"
              + " the end): %.2f KB per connection; all of it ÷ connections %.2f KB%n", label, heapBefore / 1048576.0,
          heapAfter / 1048576.0, count, open, perConnection, heapAfter / 1024.0 / count);
      System.out.printf("  %s: file descriptors %,d → %,d; threads %d → %d%n", label, fdsBefore, fdsAfter,
          threadsBefore, threadsAfter);
      if (label.equals("ours")) {
        System.out.printf("  P4 bar: heap per idle connection %.2f KB ≤ %.0f KB: %s%n", perConnection, BAR_KB,
            perConnection <= BAR_KB ? "MET" : "NOT MET");
      }
      return perConnection;
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
  }
}
