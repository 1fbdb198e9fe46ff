package nl.dialoogtafel.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import nl.dialoogtafel.support.LiveSocket;
import nl.dialoogtafel.support.Phone;
import nl.dialoogtafel.support.ServerProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * "ack means durably stored", proven the hard way: the server runs in a process of its own on the
 * embedded store, twenty phones post as fast as the rate limit lets them, and the process gets
 * SIGKILL while acknowledgements are still arriving. After a restart on the same data directory
 * every acknowledged post must be in the record once, under the seq it was acknowledged with.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class DurabilityTest {

  private static final int PHONES = 20;
  /**
   * Each phone sends small bursts without waiting for single acks: 5 posts per 0.55 s stays under
   * the server's 10 per second sustained (burst 20), so the rate limit rarely answers. The phones
   * start staggered, so posts reach the server as a steady stream, not in lockstep waves.
   */
  private static final int BURST = 5;
  private static final long BURST_PERIOD_MILLIS = 550;
  private static final int MAX_BURSTS = 60;
  /** The re-send after the restart: bigger bursts, still under the limit. */
  private static final int RESEND_BURST = 15;
  private static final long RESEND_PERIOD_MILLIS = 1_600;
  /** Well into the steady stream: a few seconds of posting. */
  private static final int KILL_AFTER_ACKS = 600;

  @TempDir
  Path dir;

  private ServerProcess server;
  private Vertx vertx;
  private final List<LiveSocket> sockets = Collections.synchronizedList(new ArrayList<>());

  /** One phone's side of the story: who it is, and every post id it ever sent, in order. */
  private static final class Outbox {
    final String tag;
    final String token;
    final LiveSocket socket;
    final List<String> sent = Collections.synchronizedList(new ArrayList<>());

    Outbox(String tag, String token, LiveSocket socket) {
      this.tag = tag;
      this.token = token;
      this.socket = socket;
    }
  }

  @AfterEach
  void stop() throws Exception {
    synchronized (sockets) {
      sockets.forEach(LiveSocket::close);
    }
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  @DisplayName("SIGKILL during a flood of posts loses no acknowledged post; after restart each is stored once under "
      + "its acknowledged seq, the record has no gap, and re-sending the whole outbox stores nothing twice")
  void acknowledgedPostsSurviveSigkill() throws Exception {
    int port = ServerProcess.freePort();
    Path data = dir.resolve("data");
    Path log = dir.resolve("server.log");
    server = ServerProcess.start(port, data, log, Map.of());

    String cookie = server.login();
    HttpResponse<String> created = server.post("/api/sessions", cookie, new JsonObject()
        .put("template", "transformatiedialoog").put("title", "Duurzaamheid").put("municipality", "Utrecht"));
    assertEquals(201, created.statusCode(), created.body());
    JsonObject session = new JsonObject(created.body());
    HttpResponse<String> phase = server.post("/api/sessions/" + session.getString("id") + "/phase", cookie,
        new JsonObject().put("phase", "verhalen"));
    assertEquals(200, phase.statusCode(), phase.body());

    vertx = Vertx.vertx();
    List<Outbox> phones = new ArrayList<>();
    String epoch = null;
    for (int i = 0; i < PHONES; i++) {
      LiveSocket socket = open(port);
      JsonObject welcome = socket.call(Phone.joinMessage(session.getString("code"), "Deelnemer " + i,
          "Organisatie " + (i % 5)));
      assertEquals("welcome", welcome.getString("type"), welcome.encode());
      epoch = welcome.getString("epoch");
      phones.add(new Outbox(String.format("t%02d", i), welcome.getString("token"), socket));
    }

    // ---- flood, and kill while acknowledgements arrive ----------------------------------------
    // The kill is sent from the ack handler itself, the moment the KILL_AFTER_ACKS-th ack is read.
    Map<String, Long> acked = new ConcurrentHashMap<>();
    List<String> problems = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger rateLimited = new AtomicInteger();
    AtomicInteger acks = new AtomicInteger();
    AtomicInteger sentWhenKilled = new AtomicInteger();
    CountDownLatch killed = new CountDownLatch(1);
    Process process = server.process();
    Runnable onAck = () -> {
      if (acks.incrementAndGet() == KILL_AFTER_ACKS) {
        sentWhenKilled.set(sentCount(phones));
        process.destroyForcibly();
        killed.countDown();
      }
    };
    ExecutorService pool = Executors.newFixedThreadPool(PHONES);
    List<Future<?>> flooders = new ArrayList<>();
    for (int i = 0; i < PHONES; i++) {
      Outbox phone = phones.get(i);
      long offsetMillis = i * BURST_PERIOD_MILLIS / PHONES;
      flooders.add(pool.submit(() -> {
        Thread.sleep(offsetMillis);
        flood(phone, acked, problems, rateLimited, onAck);
        return null;
      }));
    }
    assertTrue(killed.await(3, TimeUnit.MINUTES), "the server acknowledged fewer than " + KILL_AFTER_ACKS
        + " posts within 3 minutes; problems: " + problems);
    int exit = server.kill();
    for (Future<?> flooder : flooders) {
      flooder.get(2, TimeUnit.MINUTES);
    }
    pool.shutdown();
    Map<String, Long> ackedBeforeKill = Map.copyOf(acked);
    int sentTotal = sentCount(phones);
    assertTrue(problems.isEmpty(), "unexpected replies while flooding: " + problems);
    assertTrue(sentWhenKilled.get() < PHONES * MAX_BURSTS * BURST, "the kill came while the phones were still posting");

    // ---- restart on the same data directory and port ------------------------------------------
    server = ServerProcess.start(port, data, log, Map.of());

    Map<String, String> textToId = new HashMap<>();
    for (Outbox phone : phones) {
      synchronized (phone.sent) {
        phone.sent.forEach(id -> textToId.put(text(id), id));
      }
    }
    JsonObject afterRestart = readRecord(port, phones.get(0).token, epoch);
    assertFalse(afterRestart.getBoolean("reset"), "the record was not rebuilt, so the epoch still holds");
    Map<String, Long> stored = postsOf(afterRestart, textToId);
    long recordLength = afterRestart.getLong("seq");

    List<String> lost = new ArrayList<>();
    List<String> moved = new ArrayList<>();
    ackedBeforeKill.forEach((id, seq) -> {
      Long found = stored.get(id);
      if (found == null) {
        lost.add(id + "@" + seq);
      } else if (!found.equals(seq)) {
        moved.add(id + ": acked " + seq + ", stored " + found);
      }
    });
    int storedUnacked = (int) stored.keySet().stream().filter(id -> !ackedBeforeKill.containsKey(id)).count();
    System.out.printf("DurabilityTest: %d phones; sent %d (%d when killed), acknowledged %d when the kill was sent, "
            + "%d in total; rate-limited replies %d; exit status %d; after restart: record of %d events with %d "
            + "posts (%d acknowledged lost, %d stored without an ack received)%n",
        PHONES, sentTotal, sentWhenKilled.get(), KILL_AFTER_ACKS, ackedBeforeKill.size(), rateLimited.get(), exit,
        recordLength, stored.size(), lost.size(), storedUnacked);
    assertTrue(lost.isEmpty(), lost.size() + " of " + ackedBeforeKill.size()
        + " acknowledged posts are missing after SIGKILL and restart: " + first(lost));
    assertTrue(moved.isEmpty(), "acknowledged posts stored under another seq: " + first(moved));

    // ---- every phone resumes and re-sends its whole outbox ------------------------------------
    Map<String, Long> resent = new ConcurrentHashMap<>();
    List<String> resendProblems = Collections.synchronizedList(new ArrayList<>());
    ExecutorService resenders = Executors.newFixedThreadPool(PHONES);
    List<Future<?>> resends = new ArrayList<>();
    for (Outbox phone : phones) {
      String knownEpoch = epoch;
      resends.add(resenders.submit(() -> {
        resend(port, phone, knownEpoch, recordLength, resent, resendProblems);
        return null;
      }));
    }
    for (Future<?> resend : resends) {
      resend.get(5, TimeUnit.MINUTES);
    }
    resenders.shutdown();
    assertTrue(resendProblems.isEmpty(), "unexpected replies to the re-sent outbox: " + resendProblems);
    assertEquals(sentTotal, resent.size(), "every id of every outbox is acknowledged after the re-send");

    List<String> changed = new ArrayList<>();
    resent.forEach((id, seq) -> {
      Long before = stored.get(id);
      if (before != null && !before.equals(seq)) {
        changed.add(id + ": stored as " + before + ", re-send acked " + seq
            + (ackedBeforeKill.containsKey(id) ? " (acked " + ackedBeforeKill.get(id) + " before the kill)" : ""));
      } else if (before == null && seq <= recordLength) {
        changed.add(id + ": was not stored, re-send acked old seq " + seq);
      }
    });
    assertTrue(changed.isEmpty(), "a re-sent id must get the seq it already has: " + first(changed));

    JsonObject finalRecord = readRecord(port, phones.get(0).token, epoch);
    Map<String, Long> finalPosts = postsOf(finalRecord, textToId);
    int newlyStored = sentTotal - stored.size();
    System.out.printf("DurabilityTest: re-sent %d ids; %d were new; final record %d events with %d posts%n",
        resent.size(), newlyStored, finalRecord.getLong("seq"), finalPosts.size());
    assertEquals(sentTotal, finalPosts.size(), "each sent post exactly once in the record");
    assertEquals(recordLength + newlyStored, (long) finalRecord.getLong("seq"),
        "the re-send added exactly the posts that were not stored yet");
    finalPosts.forEach((id, seq) -> assertEquals(resent.get(id), seq, "record and ack agree for " + id));
  }

  // ---- the phones -----------------------------------------------------------------------------

  /** Bursts of posts without waiting for each ack, paced to the rate limit, until the socket dies. */
  private static void flood(Outbox phone, Map<String, Long> acked, List<String> problems, AtomicInteger rateLimited,
      Runnable onAck) throws InterruptedException {
    int n = 0;
    for (int burst = 0; burst < MAX_BURSTS && !phone.socket.isClosed(); burst++) {
      long start = System.nanoTime();
      List<CompletableFuture<Void>> replies = new ArrayList<>();
      for (int k = 0; k < BURST; k++) {
        String id = String.format("%s-m%03d", phone.tag, n++);
        phone.sent.add(id);
        replies.add(phone.socket.request(post(id)).thenAccept(reply -> {
          if ("ack".equals(reply.getString("type")) && id.equals(reply.getString("id"))) {
            Long earlier = acked.putIfAbsent(id, reply.getLong("seq"));
            if (earlier != null) {
              problems.add("second ack for " + id + ": " + reply.encode());
            }
            onAck.run();
          } else if ("error".equals(reply.getString("type")) && "rate_limited".equals(reply.getString("code"))) {
            rateLimited.incrementAndGet();
          } else {
            problems.add(id + " -> " + reply.encode());
          }
        }));
      }
      try {
        CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
      } catch (ExecutionException closed) {
        return; // the server is gone: what was acknowledged is recorded
      } catch (TimeoutException stuck) {
        problems.add(phone.tag + ": no replies within 2 minutes");
        return;
      }
      pace(start, BURST_PERIOD_MILLIS);
    }
  }

  /** Resumes the phone's participant and re-sends every id it ever sent until each is acknowledged. */
  private void resend(int port, Outbox phone, String epoch, long after, Map<String, Long> resent,
      List<String> problems) throws Exception {
    LiveSocket socket = open(port);
    JsonObject welcome = socket.call(new JsonObject().put("type", "resume").put("token", phone.token)
        .put("after", after).put("epoch", epoch));
    if (!"welcome".equals(welcome.getString("type"))) {
      problems.add(phone.tag + " could not resume: " + welcome.encode());
      return;
    }
    List<String> todo;
    synchronized (phone.sent) {
      todo = new ArrayList<>(phone.sent);
    }
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (!todo.isEmpty()) {
      if (System.nanoTime() > deadline) {
        problems.add(phone.tag + ": " + todo.size() + " ids never acknowledged on re-send");
        return;
      }
      long start = System.nanoTime();
      Map<String, CompletableFuture<JsonObject>> replies = new LinkedHashMap<>();
      for (String id : todo.subList(0, Math.min(RESEND_BURST, todo.size()))) {
        replies.put(id, socket.request(post(id)));
      }
      for (Map.Entry<String, CompletableFuture<JsonObject>> entry : replies.entrySet()) {
        JsonObject reply = entry.getValue().get(1, TimeUnit.MINUTES);
        String id = entry.getKey();
        if ("ack".equals(reply.getString("type"))) {
          resent.put(id, reply.getLong("seq"));
          todo.remove(id);
        } else if (!"rate_limited".equals(reply.getString("code"))) {
          problems.add(id + " -> " + reply.encode());
          todo.remove(id);
        }
      }
      pace(start, RESEND_PERIOD_MILLIS);
    }
  }

  private static void pace(long burstStartNanos, long periodMillis) throws InterruptedException {
    long left = periodMillis - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - burstStartNanos);
    if (left > 0) {
      Thread.sleep(left);
    }
  }

  private static JsonObject post(String id) {
    return new JsonObject().put("type", "post").put("id", id).put("kind", "story").put("title", "")
        .put("text", text(id));
  }

  /** The client id is in the text, so a stored post can be matched to what a phone sent. */
  private static String text(String id) {
    return "Verhaal " + id + ": de wachtlijst liep weer op en niemand wist wie moest bellen.";
  }

  // ---- reading the record back ----------------------------------------------------------------

  private LiveSocket open(int port) throws Exception {
    LiveSocket socket = LiveSocket.connect(vertx, port);
    sockets.add(socket);
    return socket;
  }

  /** The whole record as a resumed phone receives it: a welcome with every event from seq 1. */
  private JsonObject readRecord(int port, String token, String epoch) throws Exception {
    try (LiveSocket reader = open(port)) {
      JsonObject welcome = reader.call(new JsonObject().put("type", "resume").put("token", token).put("after", 0)
          .put("epoch", epoch));
      assertEquals("welcome", welcome.getString("type"), welcome.encode());
      return welcome;
    }
  }

  /**
   * Checks that the record runs 1..N without a gap and holds each post at most once, and returns
   * the posts as client id to seq.
   */
  private static Map<String, Long> postsOf(JsonObject welcome, Map<String, String> textToId) {
    JsonArray events = welcome.getJsonArray("events");
    assertNotNull(events);
    assertEquals(welcome.getLong("seq"), (long) events.size(), "the welcome holds every event up to its seq");
    Map<String, Long> posts = new HashMap<>();
    for (int i = 0; i < events.size(); i++) {
      JsonObject event = events.getJsonObject(i);
      assertEquals(i + 1, (long) event.getLong("seq"), "seq is contiguous from 1, no gap, no repeat");
      if (!"post.added".equals(event.getString("name"))) {
        continue;
      }
      String text = event.getJsonObject("data").getJsonObject("post").getString("text");
      String id = textToId.get(text);
      assertNotNull(id, "a stored post that no phone sent: " + text);
      Long twice = posts.put(id, event.getLong("seq"));
      assertEquals(null, twice, "post " + id + " is stored twice, at seq " + twice + " and " + event.getLong("seq"));
    }
    return posts;
  }

  private static int sentCount(List<Outbox> phones) {
    return phones.stream().mapToInt(p -> p.sent.size()).sum();
  }

  private static List<String> first(List<String> items) {
    return items.subList(0, Math.min(10, items.size()));
  }
}
