package nl.dialoogtafel.loadtest;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.dialoogtafel.Server;
import nl.dialoogtafel.Settings;
import nl.dialoogtafel.dialogue.PostKind;
import nl.dialoogtafel.record.EventStore;
import nl.dialoogtafel.record.HashChain;
import org.HdrHistogram.Histogram;

/**
 * What a post costs on the real server with the durable embedded store, on loopback:
 * (1) a sequential append to the event store, (2) post → ack for one phone posting one
 * post at a time, (3) post → delivery to the last of N phones and a kiosk under an
 * open-loop rate (latency from the intended send time). Prints medians over runs.
 *
 * <p>Run: {@code loadtest/run.sh [phones] [posts-per-second] [seconds] [runs]}
 */
public final class LiveBenchmark {

  private static final String ADMIN = "bench";
  private static final String PASSWORD = "bench-wachtwoord-lang-genoeg";

  public static void main(String[] args) throws Exception {
    int phones = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int rate = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    System.out.printf("Dialoogtafel live benchmark: %d phones + kiosk, %d posts/s for %d s, %d runs%n",
        phones, rate, seconds, runs);
    List<double[]> results = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      double[] r = oneRun(phones, rate, seconds);
      System.out.printf("run %d: append p50 %.2f ms | post->ack p50 %.2f p99 %.2f ms | post->last delivery p50 %.2f p99 %.2f ms%n",
          run, r[0], r[1], r[2], r[3], r[4]);
      results.add(r);
    }
    String[] names = {"sequential append (event store) p50", "post->ack (sequential) p50", "post->ack (sequential) p99",
        "post->last delivery p50", "post->last delivery p99"};
    System.out.println("| measure | median of runs (ms) |");
    System.out.println("|---|---|");
    for (int i = 0; i < names.length; i++) {
      final int k = i;
      double[] values = results.stream().mapToDouble(r -> r[k]).sorted().toArray();
      System.out.printf("| %s | %.2f |%n", names[i], values[values.length / 2]);
    }
    System.exit(0);
  }

  private static double[] oneRun(int phones, int rate, int seconds) throws Exception {
    var dataDir = Files.createTempDirectory("dialoogtafel-bench");
    Map<String, String> env = new HashMap<>();
    env.put("PORT", "0");
    env.put("HOST", "127.0.0.1");
    env.put("DIALOOG_DATA_DIR", dataDir.toString());
    env.put("DIALOOG_ADMIN", ADMIN + ":" + PASSWORD);
    try (Server server = Server.start(Settings.from(env))) {
      double append = appendMedian(server);
      JsonObject session = createSession(server.port());
      Vertx vertx = Vertx.vertx();
      try {
        return live(vertx, server.port(), session, phones, rate, seconds, append);
      } finally {
        vertx.close().toCompletionStage().toCompletableFuture().get();
      }
    }
  }

  /** Sequential single-event appends through the real driver to the durable embedded store. */
  private static double appendMedian(Server server) throws Exception {
    EventStore store = new EventStore(server.database());
    Histogram histogram = new Histogram(3);
    String hash = HashChain.GENESIS;
    for (int seq = 1; seq <= 400; seq++) {
      var event = HashChain.seal("bench-store", seq, java.time.Instant.now().toString(), "post.added",
          new JsonObject().put("post", new JsonObject().put("id", "p" + seq).put("kind", PostKind.STORY.wire())
              .put("text", "Verhaal " + seq)), "bench/" + seq, hash);
      hash = event.hash();
      long start = System.nanoTime();
      store.append(List.of(event)).toCompletionStage().toCompletableFuture().get();
      if (seq > 50) {
        histogram.recordValue(System.nanoTime() - start);
      }
    }
    return histogram.getValueAtPercentile(50) / 1e6;
  }

  private static double[] live(Vertx vertx, int port, JsonObject session, int phones, int rate, int seconds,
      double append) throws Exception {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxMessageSize(1 << 24)
        .setMaxFrameSize(1 << 24).setMaxConnections(phones + 10));
    int receivers = phones + 1;
    Map<String, long[]> inFlight = new ConcurrentHashMap<>(); // nonce -> {intended, remaining}
    Histogram delivery = new Histogram(3);
    Map<String, CompletableFuture<Long>> acks = new ConcurrentHashMap<>();
    List<WebSocket> sockets = new ArrayList<>();
    AtomicInteger welcomed = new AtomicInteger();
    CompletableFuture<Void> allIn = new CompletableFuture<>();
    // A join storm: every phone connects and joins at once; join latency from its own connect.
    Histogram joins = new Histogram(3);
    WebSocket[] opened = new WebSocket[phones + 1];
    java.util.concurrent.atomic.AtomicLong connected = new java.util.concurrent.atomic.AtomicLong();
    long joinStart = System.nanoTime();
    for (int i = 0; i <= phones; i++) {
      final int index = i;
      final long started = System.nanoTime();
      client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws"))
          .onFailure(allIn::completeExceptionally)
          .onSuccess(ws -> {
            opened[index] = ws;
            connected.accumulateAndGet(System.nanoTime(), Math::max);
            ws.textMessageHandler(text -> {
              // The generator shares the machine's two cores with the server: it parses only what it measures.
              if (!text.contains("\"welcome\"") && !text.contains("\"watching\"") && !text.contains("\"ack\"")
                  && !text.contains("\"post.added\"")) {
                return;
              }
              JsonObject m = new JsonObject(text);
              String type = m.getString("type");
              if ("welcome".equals(type) || "watching".equals(type)) {
                synchronized (joins) {
                  joins.recordValue(System.nanoTime() - started);
                }
                if (welcomed.incrementAndGet() == receivers) {
                  allIn.complete(null);
                }
              } else if ("ack".equals(type)) {
                CompletableFuture<Long> ack = acks.remove(m.getString("id"));
                if (ack != null) {
                  ack.complete(System.nanoTime());
                }
              } else if ("event".equals(type) && "post.added".equals(m.getString("name"))) {
                String nonce = m.getJsonObject("data").getJsonObject("post").getString("title");
                long[] entry = nonce == null ? null : inFlight.get(nonce);
                if (entry != null) {
                  synchronized (entry) {
                    if (--entry[1] == 0) {
                      delivery.recordValue(System.nanoTime() - entry[0]);
                      inFlight.remove(nonce);
                    }
                  }
                }
              }
            });
            ws.writeTextMessage(index == phones
                ? new JsonObject().put("type", "watch").put("session", session.getString("id"))
                    .put("key", session.getString("kioskKey")).encode()
                : new JsonObject().put("type", "join").put("code", session.getString("code"))
                    .put("name", "Deelnemer " + index).put("organisation", "Organisatie " + (index % 12))
                    .put("role", "professional").encode());
          });
    }
    allIn.get(120, TimeUnit.SECONDS);
    System.out.printf("  join storm: %d phones and a kiosk all connected in %d ms, all welcomed in %d ms; join p50 %.0f ms, p99 %.0f ms%n",
        phones, TimeUnit.NANOSECONDS.toMillis(connected.get() - joinStart), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - joinStart),
        joins.getValueAtPercentile(50) / 1e6, joins.getValueAtPercentile(99) / 1e6);
    sockets.addAll(java.util.Arrays.asList(opened));

    Histogram ack = new Histogram(3);
    WebSocket first = sockets.get(0);
    for (int i = 0; i < 200; i++) {
      String id = "seq-" + i;
      CompletableFuture<Long> done = new CompletableFuture<>();
      acks.put(id, done);
      long start = System.nanoTime();
      first.writeTextMessage(new JsonObject().put("type", "post").put("id", id).put("kind", "story")
          .put("text", "Een verhaal om de tijd tot de bevestiging te meten.").encode());
      long end = done.get(20, TimeUnit.SECONDS);
      if (i >= 20) {
        ack.recordValue(end - start);
      }
      Thread.sleep(110); // stay under the per-connection rate limit (10/s)
    }

    // Open loop: posts at fixed intended times from rotating phones; latency from the intended time.
    long interval = TimeUnit.SECONDS.toNanos(1) / rate;
    long begin = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
    int total = rate * seconds;
    int warmup = rate * 2;
    for (int i = 0; i < total; i++) {
      long intended = begin + i * interval;
      long wait = intended - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      String nonce = "n" + i;
      if (i >= warmup) {
        inFlight.put(nonce, new long[] {intended, receivers});
      }
      sockets.get(1 + i % (phones - 1)).writeTextMessage(new JsonObject().put("type", "post").put("id", nonce)
          .put("kind", "story").put("title", nonce).put("text", "Open-loop verhaal " + i).encode());
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!inFlight.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    if (!inFlight.isEmpty()) {
      System.out.println("WARNING: " + inFlight.size() + " posts did not reach every connection");
    }
    client.close();
    return new double[] {append, ack.getValueAtPercentile(50) / 1e6, ack.getValueAtPercentile(99) / 1e6,
        delivery.getValueAtPercentile(50) / 1e6, delivery.getValueAtPercentile(99) / 1e6};
  }

  private static JsonObject createSession(int port) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + port;
    HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/api/login"))
        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", ADMIN).put("password", PASSWORD)
            .encode())).header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/sessions"))
        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("template", "transformatiedialoog")
            .put("title", "Benchmark").put("municipality", "Loopback").encode()))
        .header("Content-Type", "application/json").header("Cookie", cookie).header("Origin", base).build(),
        HttpResponse.BodyHandlers.ofString());
    JsonObject session = new JsonObject(created.body());
    String kioskUrl = session.getString("kioskUrl");
    session.put("kioskKey", kioskUrl.substring(kioskUrl.indexOf("#key=") + 5));
    http.send(HttpRequest.newBuilder(URI.create(base + "/api/sessions/" + session.getString("id") + "/phase"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"phase\":\"verhalen\"}")).header("Content-Type", "application/json")
        .header("Cookie", cookie).header("Origin", base).build(), HttpResponse.BodyHandlers.ofString());
    return session;
  }
}
