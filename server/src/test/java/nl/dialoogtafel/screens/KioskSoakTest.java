package nl.dialoogtafel.screens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import nl.dialoogtafel.support.Browser;
import nl.dialoogtafel.support.Facilitator;
import nl.dialoogtafel.support.SessionScript;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;

/**
 * R5: a kiosk left running through a whole morning, compressed. Sixteen phones go through every
 * phase of the transformatiedialoog — stories, knelpunten, thousands of recognitions — some of them
 * dropping off and resuming, while the kiosk's own connection is dropped in every phase. The kiosk
 * (real headless Chromium) is never reloaded. After each phase its JS heap is measured after a
 * forced garbage collection. The record grows, so the heap may grow with what the record holds;
 * it may not grow with time: a final stretch with reconnects and presence changes but no new words
 * must leave it where it was. Timings are printed for BENCHMARKS; only counts and memory are asserted.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
@WithServer
class KioskSoakTest {

  private static final int PHONES = 16;
  /** Each phone's messages per phase; a phone stays under the server's 10 a second. */
  private static final int ACTIONS_PER_PHASE = 28;
  private static final long PHONE_PERIOD_MILLIS = 120;
  /** What the kiosk may keep per record event (the record itself lives in the page). */
  private static final long HEAP_BYTES_PER_EVENT = 1_024;
  /** A stretch with no new words may not add more than this (the heap's own noise after a GC). */
  private static final long QUIET_GROWTH_BYTES = 768 * 1024;

  private final List<AutoCloseable> closing = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : closing) {
      c.close();
    }
  }

  @Test
  @DisplayName("A compressed morning (every phase, thousands of events, reconnects of phones and of the kiosk): "
      + "the kiosk is never reloaded, shows the newest post, keeps its DOM bounded and its heap grows with the "
      + "record only, not with time")
  void morning(TestServer server, Facilitator facilitator, Vertx vertx) throws Exception {
    long started = System.nanoTime();
    SessionScript script = facilitator.script().create("Soak Oost", "Utrecht", "Jeugdhulp Oost");
    Browser kiosk = Browser.screen();
    closing.add(kiosk);
    // Counts the kiosk's sockets and keeps the newest, so the test can drop it as a network would.
    kiosk.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
        "window.__sockets = 0; const Native = window.WebSocket;"
            + "window.WebSocket = class extends Native {"
            + "  constructor(...args) { super(...args); window.__socket = this; window.__sockets++; } };"));
    kiosk.go(server.origin() + "/kiosk/" + script.id + "#key=" + script.kioskKey);
    kiosk.find(By.id("join-code"));
    kiosk.script("window.__sameKiosk = 'yes'");
    // The presenter's P keeps the wall on its first page (the newest posts) all morning.
    kiosk.script("dispatchEvent(new KeyboardEvent('keydown', {key: 'p'}))");

    Room room = new Room();
    List<SoakPhone> phones = new ArrayList<>();
    for (int i = 0; i < PHONES; i++) {
      SoakPhone phone = SoakPhone.connect(vertx, server.port(), room);
      closing.add(phone);
      JsonObject welcome = phone.call(new JsonObject().put("type", "join").put("code", script.code)
          .put("name", "Deelnemer " + i).put("organisation", "Organisatie " + (i % 6)).put("role", "jeugdconsulent")
          .put("showName", i % 2 == 0));
      assertEquals("welcome", welcome.getString("type"), welcome.encode());
      phone.identify(welcome.getString("token"), welcome.getJsonObject("participant", new JsonObject()).getString("id"));
      phones.add(phone);
    }

    List<String> phases = List.of("welkom", "verhalen", "herkenning", "wie-kan-ik-bellen", "knelpunten", "oogst");
    Map<String, String> kinds = Map.of("verhalen", "story", "herkenning", "story", "knelpunten", "barrier",
        "oogst", "story");
    List<String> samples = new ArrayList<>();
    long heapAfterFirstPhase = 0;
    long eventsAfterFirstPhase = 0;
    Metrics first = null;
    Metrics last = null;
    ExecutorService pool = Executors.newFixedThreadPool(PHONES);
    for (int p = 0; p < phases.size(); p++) {
      String phase = phases.get(p);
      if (p > 0) {
        script.phase(phase);
      }
      long phaseStart = System.nanoTime();
      String kind = kinds.get(phase);
      List<Future<String>> work = new ArrayList<>();
      for (int i = 0; i < PHONES; i++) {
        SoakPhone phone = phones.get(i);
        int n = i;
        String tag = phase + "-" + i;
        work.add(pool.submit(() -> phone.act(tag, kind, ACTIONS_PER_PHASE, n + 31L * tag.hashCode())));
      }
      // In the middle of the phase the kiosk loses its connection, and three phones drop off and resume.
      kiosk.script("window.__socket.close()");
      for (int i = 0; i < 3; i++) {
        phones.get((p * 3 + i) % PHONES).reconnect(vertx, server.port());
      }
      for (Future<String> w : work) {
        String problem = w.get(2, TimeUnit.MINUTES);
        assertEquals(null, problem);
      }
      String newest = room.newestText();
      if (newest != null) {
        kiosk.awaitText(newest.substring(0, 40));
      }
      Metrics m = Metrics.of(kiosk, room.seq.get());
      samples.add(String.format("%s: %d events, heap %.1f MB, %d nodes, %d listeners, phase %d ms", phase, m.events,
          m.heapBytes / 1048576.0, m.nodes, m.listeners, (System.nanoTime() - phaseStart) / 1_000_000));
      if (p == 1) {
        first = m;
      }
      last = m;
    }

    // A quiet stretch: reconnects and presence, no new words. The heap may not move.
    for (int round = 0; round < 4; round++) {
      long sockets = ((Number) kiosk.script("return window.__sockets")).longValue();
      kiosk.script("window.__socket.close()");
      kiosk.await(d -> ((Number) kiosk.script("return window.__sockets")).longValue() > sockets
          && "online".equals(d.findElement(By.id("status")).getAttribute("data-status")) ? Boolean.TRUE : null);
      for (int i = 0; i < 4; i++) {
        phones.get((round * 4 + i) % PHONES).reconnect(vertx, server.port());
      }
    }
    Metrics quiet = Metrics.of(kiosk, room.seq.get());
    samples.add(String.format("quiet stretch: %d events, heap %.1f MB (%+d bytes), %d nodes, %d listeners",
        quiet.events, quiet.heapBytes / 1048576.0, quiet.heapBytes - last.heapBytes, quiet.nodes, quiet.listeners));
    pool.shutdown();

    long sockets = ((Number) kiosk.script("return window.__sockets")).longValue();
    System.out.printf("KioskSoakTest: %d phones, %d events, %d kiosk connections, %d s in all%n  %s%n", PHONES,
        room.seq.get(), sockets, (System.nanoTime() - started) / 1_000_000_000, String.join("\n  ", samples));

    // ---- counts: a whole morning happened, and the kiosk stayed the same page ------------------
    assertTrue(room.seq.get() >= 2_000, "thousands of events: " + room.seq.get());
    assertTrue(sockets >= phases.size() + 4 + 1, "the kiosk reconnected in every phase: " + sockets + " sockets");
    assertEquals("yes", kiosk.script("return window.__sameKiosk"), "the kiosk was never reloaded");
    assertEquals("online", kiosk.find(By.id("status")).getAttribute("data-status"));
    kiosk.awaitText(room.newestText().substring(0, 40));
    assertTrue(((Number) kiosk.script("return document.querySelectorAll('#posts li').length")).intValue() <= 8);

    // ---- memory: grows with the record only, not with time --------------------------------------
    long allowed = first.heapBytes + (last.events - first.events) * HEAP_BYTES_PER_EVENT;
    assertTrue(last.heapBytes <= allowed, String.format("heap after GC %d bytes after %d events, more than %d "
        + "(%d after %d events + %d per event)", last.heapBytes, last.events, allowed, first.heapBytes, first.events,
        HEAP_BYTES_PER_EVENT));
    assertTrue(quiet.heapBytes <= last.heapBytes + QUIET_GROWTH_BYTES, "a stretch of reconnects without new words "
        + "grew the heap from " + last.heapBytes + " to " + quiet.heapBytes + " bytes");
    assertTrue(quiet.nodes <= first.nodes + 200, "DOM nodes " + first.nodes + " → " + quiet.nodes);
    assertTrue(quiet.listeners <= first.listeners + 20, "event listeners " + first.listeners + " → " + quiet.listeners);
  }

  /** The page's JS heap after a forced garbage collection, its DOM nodes and its event listeners. */
  private record Metrics(long events, long heapBytes, long nodes, long listeners) {
    static Metrics of(Browser kiosk, long events) {
      kiosk.awaitSettled();
      kiosk.driver().executeCdpCommand("HeapProfiler.enable", Map.of());
      kiosk.driver().executeCdpCommand("HeapProfiler.collectGarbage", Map.of());
      kiosk.driver().executeCdpCommand("HeapProfiler.collectGarbage", Map.of());
      Map<String, Object> heap = kiosk.driver().executeCdpCommand("Runtime.getHeapUsage", Map.of());
      kiosk.driver().executeCdpCommand("Performance.enable", Map.of());
      Map<String, Object> metrics = kiosk.driver().executeCdpCommand("Performance.getMetrics", Map.of());
      long nodes = 0;
      long listeners = 0;
      for (Object o : (List<?>) metrics.get("metrics")) {
        Map<?, ?> metric = (Map<?, ?>) o;
        if ("Nodes".equals(metric.get("name"))) {
          nodes = ((Number) metric.get("value")).longValue();
        } else if ("JSEventListeners".equals(metric.get("name"))) {
          listeners = ((Number) metric.get("value")).longValue();
        }
      }
      return new Metrics(events, ((Number) heap.get("usedSize")).longValue(), nodes, listeners);
    }
  }

  /** What the phones have seen of the room: the posts by author, the newest story, the last seq. */
  private static final class Room {
    final Map<String, String> authorByPost = new ConcurrentHashMap<>();
    final List<String> posts = Collections.synchronizedList(new ArrayList<>());
    final AtomicLong seq = new AtomicLong();
    private volatile String newest;
    private long newestSeq;

    synchronized void saw(JsonObject event) {
      seq.accumulateAndGet(event.getLong("seq"), Math::max);
      if ("post.added".equals(event.getString("name")) && authorByPost.get(postId(event)) == null) {
        JsonObject post = event.getJsonObject("data").getJsonObject("post");
        authorByPost.put(post.getString("id"), post.getJsonObject("author").getString("id"));
        posts.add(post.getString("id"));
        if (event.getLong("seq") > newestSeq) {
          newestSeq = event.getLong("seq");
          newest = post.getString("text");
        }
      }
    }

    String newestText() {
      return newest;
    }

    private static String postId(JsonObject event) {
      return event.getJsonObject("data").getJsonObject("post").getString("id");
    }
  }

  /**
   * A phone that keeps nothing but what the soak needs: replies by ref, and the posts it sees go
   * to the shared {@link Room} (every phone reports, so a reconnecting one misses nothing there).
   */
  private static final class SoakPhone implements AutoCloseable {
    private final Room room;
    private final Map<String, CompletableFuture<JsonObject>> waiting = new ConcurrentHashMap<>();
    private final Set<String> recognised = ConcurrentHashMap.newKeySet();
    private volatile WebSocketClient client;
    private volatile WebSocket socket;
    private String token;
    private String participant;

    private SoakPhone(Room room) {
      this.room = room;
    }

    static SoakPhone connect(Vertx vertx, int port, Room room) throws Exception {
      SoakPhone phone = new SoakPhone(room);
      phone.open(vertx, port);
      return phone;
    }

    void identify(String token, String participant) {
      this.token = token;
      this.participant = participant;
    }

    private void open(Vertx vertx, int port) throws Exception {
      client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxMessageSize(1 << 26)
          .setMaxFrameSize(1 << 26));
      socket = client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws")
          .setAllowOriginHeader(false)).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
      socket.textMessageHandler(text -> {
        JsonObject message = new JsonObject(text);
        if ("event".equals(message.getString("type"))) {
          room.saw(message);
        }
        if (message.getValue("ref") instanceof String ref) {
          CompletableFuture<JsonObject> reply = waiting.remove(ref);
          if (reply != null) {
            reply.complete(message);
          }
        }
      });
    }

    /** Drops the connection and resumes where it was, as a phone walking out of the Wi-Fi and back. */
    synchronized void reconnect(Vertx vertx, int port) throws Exception {
      socket.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      client.close();
      open(vertx, port);
      JsonObject welcome = call(new JsonObject().put("type", "resume").put("token", token)
          .put("after", room.seq.get()).put("snapshot", true));
      if (!"welcome".equals(welcome.getString("type"))) {
        throw new AssertionError("resume refused: " + welcome.encode());
      }
    }

    JsonObject call(JsonObject message) throws Exception {
      String ref = UUID.randomUUID().toString();
      CompletableFuture<JsonObject> reply = new CompletableFuture<>();
      waiting.put(ref, reply);
      socket.writeTextMessage(message.copy().put("ref", ref).encode());
      return reply.get(60, TimeUnit.SECONDS);
    }

    /** One phase of this phone: posts (when the phase takes them) and recognitions of others' posts. */
    String act(String tag, String kind, int actions, long seed) throws Exception {
      Random random = new Random(seed);
      for (int n = 0; n < actions; n++) {
        long start = System.nanoTime();
        JsonObject message = null;
        if (kind != null && (n % 4 == 0 || room.posts.size() < 8)) {
          message = new JsonObject().put("type", "post").put("kind", kind).put("title", "")
              .put("text", "Verhaal " + tag + "-" + n + ": het wijkteam en de school vonden samen een weg "
                  + "voor een gezin dat al maanden wachtte op passende hulp.");
        } else {
          String post = pickOthers(random);
          if (post != null) {
            message = new JsonObject().put("type", "recognize").put("post", post);
          }
        }
        if (message != null) {
          JsonObject reply;
          synchronized (this) {
            reply = call(message.put("id", tag + "-" + n));
          }
          String error = reply.getString("code");
          if (!"ack".equals(reply.getString("type")) && !"rate_limited".equals(error)
              && !"already_recognized".equals(error)) {
            return tag + "-" + n + " -> " + reply.encode();
          }
        }
        long left = PHONE_PERIOD_MILLIS - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        if (left > 0) {
          Thread.sleep(left);
        }
      }
      return null;
    }

    private String pickOthers(Random random) {
      for (int tries = 0; tries < 20 && !room.posts.isEmpty(); tries++) {
        String post = room.posts.get(random.nextInt(room.posts.size()));
        if (!participant.equals(room.authorByPost.get(post)) && recognised.add(post)) {
          return post;
        }
      }
      return null;
    }

    @Override
    public void close() {
      socket.close();
      client.close();
    }
  }
}
