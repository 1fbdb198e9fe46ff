package nl.dialoogtafel.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.File;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import nl.dialoogtafel.support.ServerProcess;
import nl.dialoogtafel.support.StoreProcess;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes in JVMs of their own on one store process, behind HAProxy (deploy/haproxy.cfg),
 * as a host runs them: phones split over the nodes through the proxy, a kiosk straight on one
 * node, the facilitator API on every node. Then the session's owner is killed with SIGKILL in the
 * middle of a burst of posts (last: it leaves one node of the two).
 *
 * <p>A third node, {@code deaf}, shares the store but is a cluster of its own: it hears nothing
 * on the event bus. It stands for a node that has not yet heard what an owner published (or never
 * will: the owner died between its write and its publication), so what such a node must read from
 * the store is tested without racing the bus. HAProxy does not send phones to it.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTest {

  private static final int NODES = 2;
  private static final int PHONES = 9;
  /** Each phone posts, waits for its ack and then for the rest of this period (the per-socket rate is 10/s). */
  private static final long PERIOD_MILLIS = 250;

  @TempDir
  static Path dir;

  private static StoreProcess store;
  private static final List<ServerProcess> nodes = Collections.synchronizedList(new ArrayList<>());
  /** On the same store, in a cluster of its own (see above). */
  private static ServerProcess deaf;
  private static Future<ServerProcess> deafStarted;
  private static Process haproxy;
  private static int proxyPort;
  private static Vertx vertx;
  private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  @BeforeAll
  static void startTheCluster() throws Exception {
    store = StoreProcess.start(dir.resolve("opslag"), dir.resolve("store.log"));
    List<Integer> httpPorts = new ArrayList<>();
    List<Integer> clusterPorts = new ArrayList<>();
    for (int i = 0; i < NODES; i++) {
      httpPorts.add(ServerProcess.freePort());
      clusterPorts.add(freePair());
    }
    String members = String.join(",", clusterPorts.stream().map(p -> "127.0.0.1:" + p).toList());
    ExecutorService starting = Executors.newFixedThreadPool(NODES + 1);
    List<Future<ServerProcess>> started = new ArrayList<>();
    for (int i = 0; i < NODES; i++) {
      int n = i;
      started.add(starting.submit(() -> ServerProcess.start(httpPorts.get(n), dir.resolve("node" + n),
          dir.resolve("node" + n + ".log"), Map.of("MONGODB_URI", store.uri(), "DIALOOG_CLUSTER_MEMBERS", members,
              "DIALOOG_CLUSTER_PORT", String.valueOf(clusterPorts.get(n)), "DIALOOG_EVENT_LOOPS", "1",
              "DIALOOG_TRUSTED_PROXIES", "127.0.0.1"))));
    }
    // Every node that came up is kept for @AfterAll, also when another did not.
    Exception failed = null;
    for (Future<ServerProcess> node : started) {
      try {
        nodes.add(node.get(5, TimeUnit.MINUTES));
      } catch (Exception e) {
        failed = failed == null ? e : failed;
      }
    }
    if (failed != null) {
      starting.shutdown();
      throw failed;
    }
    // The deaf node starts once the pair is up, beside HAProxy: three Hazelcast members starting at
    // once on a loaded 2-core machine can pass their 60 s start-up limit.
    int deafHttp = ServerProcess.freePort();
    int deafCluster = freePair();
    deafStarted = starting.submit(() -> ServerProcess.start(deafHttp, dir.resolve("deaf"),
        dir.resolve("deaf.log"), Map.of("MONGODB_URI", store.uri(),
            "DIALOOG_CLUSTER_MEMBERS", "127.0.0.1:" + deafCluster, // itself only: it hears no other node
            "DIALOOG_CLUSTER_PORT", String.valueOf(deafCluster), "DIALOOG_EVENT_LOOPS", "1")));
    starting.shutdown();
    proxyPort = ServerProcess.freePort();
    haproxy = startHaproxy(httpPorts);
    vertx = Vertx.vertx();
    Awaitility.await().atMost(Duration.ofSeconds(30))
        .until(() -> !haproxy.isAlive() || status(URI.create(proxy() + "/health")) == 200);
    assertTrue(haproxy.isAlive(), () -> "haproxy stopped: " + read(dir.resolve("haproxy.log")));
    long deafFrom = System.nanoTime();
    deaf = deafStarted.get(5, TimeUnit.MINUTES);
    System.out.printf("ClusterTest: the deaf node was up %.1f s after the pair and the proxy%n",
        (System.nanoTime() - deafFrom) / 1e9);
  }

  @AfterAll
  static void stopEverything() throws Exception {
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
    if (haproxy != null) {
      haproxy.destroyForcibly();
      haproxy.waitFor(30, TimeUnit.SECONDS);
    }
    List<ServerProcess> all = new ArrayList<>(nodes);
    if (deaf == null && deafStarted != null) {
      try {
        deaf = deafStarted.get(5, TimeUnit.MINUTES); // still starting when the set-up failed: stopped below
      } catch (Exception e) {
        // it did not come up, and ServerProcess.start stopped it
      }
    }
    if (deaf != null) {
      all.add(deaf);
    }
    for (ServerProcess node : all) {
      try {
        node.close();
      } catch (Exception | AssertionError e) {
        System.err.println("ClusterTest: a node would not stop: " + e);
      }
    }
    if (store != null) {
      store.close();
    }
  }

  @Test
  @Order(1)
  @DisplayName("a resume right after a join on another node is welcomed, also by a node that has not heard the join")
  void resumeRightAfterAJoinElsewhere() throws Exception {
    JsonObject session = followedOnTheDeafNode("Wijkdag", false);
    Joined newcomer = Joined.on(nodes.get(1), session.getString("code"), "Nieuwkomer");
    Line back = Line.open(deaf.port());
    JsonObject resumed = back.call(resume(newcomer.token, 0));
    assertEquals("welcome", resumed.getString("type"), "resumed where the join was not heard: " + resumed.encode());
    assertEquals(newcomer.participant, resumed.getJsonObject("participant").getString("id"));
  }

  @Test
  @Order(1)
  @DisplayName("a waiting post reaches its author on a follower, and the queue shows it on every node, also on "
      + "one that heard nothing of it")
  void theQueueOnEveryNode() throws Exception {
    String cookie = cookie();
    JsonObject session = followedOnTheDeafNode("Wachtrij", true);
    String id = session.getString("id");
    Joined author = Joined.on(nodes.get(0), session.getString("code"), "Schrijver");
    JsonObject ack = author.line.call(post("wacht-1"));
    assertEquals("ack", ack.getString("type"), ack.encode());
    String waitingId = author.line.awaitPrivate("post.queued").getJsonObject("post").getString("id");
    for (ServerProcess node : List.of(nodes.get(0), nodes.get(1), deaf)) {
      HttpResponse<String> queue = get(node, "/api/sessions/" + id + "/queue", cookie);
      assertEquals(200, queue.statusCode(), queue.body());
      JsonArray waiting = new JsonObject(queue.body()).getJsonArray("waiting");
      assertEquals(1, waiting.size(), "the queue on node :" + node.port() + ": " + waiting.encode());
      assertEquals(waitingId, waiting.getJsonObject(0).getString("id"));
    }
    // Back on the node that heard nothing: the post still waits ("wacht op de gespreksleider").
    Line onDeaf = Line.open(deaf.port());
    assertEquals("welcome", onDeaf.call(resume(author.token, author.line.lastSeq())).getString("type"));
    assertEquals(waitingId, onDeaf.awaitPrivate("post.queued").getJsonObject("post").getString("id"));
  }

  @Test
  @Order(1)
  @DisplayName("every private message arrives once, whichever node the phone comes back to: not again from a node "
      + "that did not deliver it, not lost on a node that did not hear it")
  void privateMessagesOnceOnEveryNode() throws Exception {
    JsonObject session = followedOnTheDeafNode("Contact", false);
    String code = session.getString("code");
    ServerProcess owner = nodes.get(1);
    Joined asked = Joined.on(nodes.get(0), code, "Gevraagde");
    List<Joined> askers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      askers.add(Joined.on(owner, code, "Vrager " + i));
    }
    assertEquals("ack", askers.get(0).line.call(contactRequest(asked.participant, "eerste")).getString("type"));
    assertEquals(askers.get(0).participant, asked.line.awaitPrivate("contact.requested")
        .getJsonObject("from").getString("id"), "delivered by the follower the phone is on");
    long seen = asked.line.lastSeq();
    asked.line.close();
    // Asked again while away; back on the owner, which did not deliver the first request itself.
    assertEquals("ack", askers.get(1).line.call(contactRequest(asked.participant, "tweede")).getString("type"));
    Line onOwner = Line.open(owner.port());
    assertEquals("welcome", onOwner.call(resume(asked.token, seen)).getString("type"));
    onOwner.awaitPrivate("contact.requested");
    assertEquals(List.of(askers.get(1).participant), requesters(onOwner), "only what had not yet arrived, once");
    seen = Math.max(seen, onOwner.lastSeq());
    onOwner.close();
    // Asked a third time while away; back on the node that heard none of the three requests.
    assertEquals("ack", askers.get(2).line.call(contactRequest(asked.participant, "derde")).getString("type"));
    Line onDeaf = Line.open(deaf.port());
    assertEquals("welcome", onDeaf.call(resume(asked.token, seen)).getString("type"));
    onDeaf.awaitPrivate("contact.requested");
    assertEquals(List.of(askers.get(2).participant), requesters(onDeaf), "nothing lost, nothing twice");
  }

  /**
   * A session made on node 1 (which loads it first and so owns it), in its stories phase, and held
   * by the deaf node too (a kiosk there) as a follower that hears nothing.
   */
  private static JsonObject followedOnTheDeafNode(String title, boolean premoderation) throws Exception {
    ServerProcess owner = nodes.get(1);
    JsonObject session = create(owner, cookie(), title, premoderation);
    String id = session.getString("id");
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> owner.logText().contains("owns session " + id));
    Line kiosk = Line.open(deaf.port());
    assertEquals("watching", kiosk.call(watch(session)).getString("type"));
    return session;
  }

  @Test
  @Order(2)
  @DisplayName("phones on two nodes through HAProxy and a kiosk see every post once in the same order; the "
      + "facilitator API works on every node; the owner killed mid-burst: every acknowledged post stored once, "
      + "seq contiguous, posts accepted again within 10 s, the dead node's phones resumed on a live one; a node "
      + "that never heard of a waiting post takes its room over and approves it")
  void oneRoomOverTwoNodesOutlivesItsOwner() throws Exception {
    // ---- a login on one node works on the others ------------------------------------------------
    String cookie = nodes.get(0).login();
    HttpResponse<String> created = nodes.get(1).post("/api/sessions", cookie, new JsonObject()
        .put("template", "transformatiedialoog").put("title", "Regiodag").put("municipality", "Utrecht"));
    assertEquals(201, created.statusCode(), created.body());
    JsonObject session = new JsonObject(created.body());
    String id = session.getString("id");
    // The phase starts on the last node: it loads the session first and so owns it.
    ServerProcess owner = nodes.get(NODES - 1);
    assertEquals(200, owner.post("/api/sessions/" + id + "/phase", cookie,
        new JsonObject().put("phase", "verhalen")).statusCode());
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> owner.logText().contains("owns session " + id));

    // ---- a kiosk straight on node 0, nine phones through the proxy ------------------------------
    String kioskKey = session.getString("kioskUrl").substring(session.getString("kioskUrl").indexOf("#key=") + 5);
    Line kiosk = Line.open(nodes.get(0).port());
    JsonObject watching = kiosk.call(new JsonObject().put("type", "watch").put("session", id).put("key", kioskKey));
    assertEquals("watching", watching.getString("type"), watching.encode());
    List<Line> phones = new ArrayList<>();
    Map<Line, String> tokens = new HashMap<>();
    for (int i = 0; i < PHONES; i++) {
      Line phone = Line.open(proxyPort);
      JsonObject welcome = phone.call(new JsonObject().put("type", "join").put("code", session.getString("code"))
          .put("name", "Deelnemer " + i).put("organisation", "Organisatie " + (i % 3)).put("role", "wijkcoach"));
      assertEquals("welcome", welcome.getString("type"), welcome.encode());
      tokens.put(phone, welcome.getString("token"));
      phones.add(phone);
    }
    // The facilitator API from a node that does not own the session: forwarded to the owner, answered here.
    HttpResponse<String> locked = nodes.get(0).post("/api/sessions/" + id + "/lock", cookie, new JsonObject());
    assertEquals(200, locked.statusCode(), locked.body());
    HttpResponse<String> reopened = nodes.get(0).post("/api/sessions/" + id + "/reopen", cookie, new JsonObject());
    assertEquals(200, reopened.statusCode(), reopened.body());

    // ---- every post reaches every connection once, in one order ---------------------------------
    long calm = 0;
    for (int i = 0; i < PHONES; i++) {
      JsonObject ack = phones.get(i).call(post("rust-" + i));
      assertEquals("ack", ack.getString("type"), ack.encode());
      calm = Math.max(calm, ack.getLong("seq"));
    }
    long calmSeq = calm;
    List<Line> everyone = new ArrayList<>(phones);
    everyone.add(kiosk);
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> everyone.stream().allMatch(l -> l.lastSeq() >= calmSeq));
    List<Long> expected = new ArrayList<>();
    for (long s = 1; s <= calmSeq; s++) {
      expected.add(s);
    }
    for (Line line : everyone) {
      assertEquals(expected, line.seqs(), "every event once and in order on every connection");
    }

    // ---- a pre-moderated room of the same owner, followed by the deaf node: a post waits ---------
    JsonObject waitingRoom = followedOnTheDeafNode("Wachtkamer", true);
    String roomId = waitingRoom.getString("id");
    Joined waitingAuthor = Joined.on(nodes.get(0), waitingRoom.getString("code"), "Wachtende");
    assertEquals("ack", waitingAuthor.line.call(post("wacht-2")).getString("type"));
    JsonArray waitingBefore = new JsonObject(get(owner, "/api/sessions/" + roomId + "/queue", cookie).body())
        .getJsonArray("waiting");
    assertEquals(1, waitingBefore.size(), waitingBefore.encode());
    String waitingPost = waitingBefore.getJsonObject(0).getString("id");

    // ---- a burst, and the owner killed in the middle of it --------------------------------------
    Map<String, Long> acked = new ConcurrentHashMap<>();
    List<String> problems = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean posting = new AtomicBoolean(true);
    AtomicLong killedAt = new AtomicLong();
    AtomicLong firstAfterKill = new AtomicLong();
    Map<Integer, Line> resumed = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(PHONES);
    List<Future<?>> posters = new ArrayList<>();
    for (int i = 0; i < PHONES; i++) {
      int n = i;
      posters.add(pool.submit(() -> {
        Line line = phones.get(n);
        for (int k = 0; posting.get(); k++) {
          String postId = "burst-" + n + "-" + k;
          long sent = System.nanoTime();
          while (true) {
            JsonObject reply;
            try {
              reply = line.request(post(postId)).get(40, TimeUnit.SECONDS);
            } catch (Exception closed) {
              // The node went: through the proxy to a live one, resume where this phone was, send again.
              line = resume(line, tokens.get(phones.get(n)), problems);
              resumed.put(n, line);
              continue;
            }
            if ("ack".equals(reply.getString("type"))) {
              acked.put(postId, reply.getLong("seq"));
              long kill = killedAt.get();
              if (kill != 0 && sent > kill) {
                firstAfterKill.compareAndSet(0, System.nanoTime());
              }
              break;
            }
            if (!"rate_limited".equals(reply.getString("code")) && !"unavailable".equals(reply.getString("code"))) {
              problems.add(postId + " -> " + reply.encode());
              break;
            }
          }
          long left = PERIOD_MILLIS - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
          if (left > 0) {
            Thread.sleep(left); // the phones' pace, not a wait for something to happen
          }
        }
        return null;
      }));
    }
    Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> acked.size() >= 60 || !problems.isEmpty());
    killedAt.set(System.nanoTime());
    owner.kill();
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> firstAfterKill.get() != 0 || !problems.isEmpty());
    double failover = (firstAfterKill.get() - killedAt.get()) / 1e9;
    System.out.printf("ClusterTest: kill -9 of the owner -> first post accepted: %.2f s%n", failover);
    int ackedAtFailover = acked.size();
    Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> acked.size() >= ackedAtFailover + 60
        || !problems.isEmpty());
    posting.set(false);
    for (Future<?> poster : posters) {
      poster.get(2, TimeUnit.MINUTES);
    }
    pool.shutdown();
    assertTrue(problems.isEmpty(), "unexpected replies: " + problems.subList(0, Math.min(5, problems.size())));
    assertTrue(failover < 10, "posts accepted again within 10 s of the kill, took " + failover + " s");
    assertFalse(resumed.isEmpty(), "some phones were on the killed node and resumed on a live one");

    // ---- the deaf node takes the waiting room over: the post it never heard of still waits --------
    HttpResponse<String> approved = deaf.post("/api/sessions/" + roomId + "/queue/" + waitingPost + "/approve", cookie,
        new JsonObject());
    assertEquals(200, approved.statusCode(), "approved on the node that took over: " + approved.body());
    assertEquals(waitingPost, new JsonObject(approved.body()).getJsonObject("data").getJsonObject("post")
        .getString("id"));
    assertEquals(0, new JsonObject(get(deaf, "/api/sessions/" + roomId + "/queue", cookie).body())
        .getJsonArray("waiting").size(), "approved: nothing waits any more");

    // ---- every acknowledged post stored once, under its seq; seq contiguous ---------------------
    Line reader = Line.open(proxyPort);
    JsonObject replay = reader.call(new JsonObject().put("type", "resume").put("token", tokens.get(phones.get(0)))
        .put("after", 0));
    assertEquals("welcome", replay.getString("type"), replay.encode());
    JsonArray events = replay.getJsonArray("events");
    long last = replay.getLong("seq");
    Map<String, List<Long>> storedPosts = new HashMap<>();
    for (int i = 0; i < events.size(); i++) {
      JsonObject event = events.getJsonObject(i);
      assertEquals(i + 1, event.getLong("seq"), "seq contiguous from 1");
      if ("post.added".equals(event.getString("name"))) {
        String text = event.getJsonObject("data").getJsonObject("post").getString("text");
        storedPosts.computeIfAbsent(text.substring(text.indexOf('[') + 1, text.indexOf(']')), k -> new ArrayList<>())
            .add(event.getLong("seq"));
      }
    }
    assertEquals(last, events.size());
    List<String> wrong = new ArrayList<>();
    acked.forEach((postId, seq) -> {
      if (!List.of(seq).equals(storedPosts.get(postId))) {
        wrong.add(postId + " acked " + seq + ", stored at " + storedPosts.get(postId));
      }
    });
    storedPosts.forEach((postId, seqs) -> {
      if (seqs.size() != 1) {
        wrong.add(postId + " stored " + seqs.size() + " times");
      }
    });
    assertTrue(wrong.isEmpty(), wrong.size() + " posts wrong: " + wrong.subList(0, Math.min(5, wrong.size())));

    // ---- every connection that lived on saw it all once, in order; the resumed ones too ----------
    List<Line> living = new ArrayList<>();
    living.add(kiosk);
    for (int i = 0; i < PHONES; i++) {
      living.add(resumed.getOrDefault(i, phones.get(i)));
    }
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> living.stream().allMatch(l -> l.lastSeq() >= last));
    List<Long> all = new ArrayList<>();
    for (long s = 1; s <= last; s++) {
      all.add(s);
    }
    assertEquals(all, kiosk.seqs(), "the kiosk on a surviving node");
    for (int i = 0; i < PHONES; i++) {
      List<Long> seen = new ArrayList<>(phones.get(i).seqs());
      Line now = resumed.get(i);
      if (now != null) {
        seen.addAll(now.seqs()); // the resume asked for what came after the last seq this phone saw
      }
      assertEquals(all, seen, "phone " + i + (now != null ? " (resumed on a live node)" : ""));
    }
    System.out.printf("ClusterTest: %d posts acknowledged, %d events, %d phones resumed after the kill%n",
        acked.size(), last, resumed.size());
  }

  // ---- sessions, phones and the API ---------------------------------------------------------------

  private static String adminCookie;

  /** One login for the tests that are not about logging in (a login costs a password hash). */
  private static synchronized String cookie() throws Exception {
    if (adminCookie == null) {
      adminCookie = nodes.get(0).login();
    }
    return adminCookie;
  }

  private static JsonObject create(ServerProcess node, String cookie, String title, boolean premoderation)
      throws Exception {
    HttpResponse<String> created = node.post("/api/sessions", cookie, new JsonObject()
        .put("template", "transformatiedialoog").put("title", title).put("municipality", "Utrecht")
        .put("premoderation", premoderation));
    assertEquals(201, created.statusCode(), created.body());
    JsonObject session = new JsonObject(created.body());
    assertEquals(200, node.post("/api/sessions/" + session.getString("id") + "/phase", cookie,
        new JsonObject().put("phase", "verhalen")).statusCode());
    return session;
  }

  private static JsonObject watch(JsonObject session) {
    String url = session.getString("kioskUrl");
    return new JsonObject().put("type", "watch").put("session", session.getString("id"))
        .put("key", url.substring(url.indexOf("#key=") + 5));
  }

  private static JsonObject resume(String token, long after) {
    return new JsonObject().put("type", "resume").put("token", token).put("after", after);
  }

  private static JsonObject contactRequest(String to, String clientId) {
    return new JsonObject().put("type", "contact.request").put("id", clientId).put("to", to);
  }

  private static List<String> requesters(Line line) {
    return line.privates("contact.requested").stream().map(d -> d.getJsonObject("from").getString("id")).toList();
  }

  private static HttpResponse<String> get(ServerProcess node, String path, String cookie) throws Exception {
    return http.send(HttpRequest.newBuilder(node.uri(path)).timeout(Duration.ofSeconds(20)).header("Cookie", cookie)
        .GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A phone that joined straight on one node. */
  private record Joined(Line line, String token, String participant) {
    static Joined on(ServerProcess node, String code, String name) throws Exception {
      Line line = Line.open(node.port());
      JsonObject welcome = line.call(new JsonObject().put("type", "join").put("code", code).put("name", name)
          .put("organisation", "Wijkteam").put("role", "wijkcoach"));
      assertEquals("welcome", welcome.getString("type"), welcome.encode());
      return new Joined(line, welcome.getString("token"), welcome.getJsonObject("participant").getString("id"));
    }
  }

  // ---- the proxy ----------------------------------------------------------------------------------

  /** deploy/haproxy.cfg with the test's ports: its bind line and one server line per node. */
  private static Process startHaproxy(List<Integer> nodePorts) throws Exception {
    String config = Files.readString(Path.of(System.getProperty("user.dir")).resolve("../deploy/haproxy.cfg"),
        StandardCharsets.UTF_8);
    StringBuilder servers = new StringBuilder();
    for (int i = 0; i < nodePorts.size(); i++) {
      servers.append("    server node").append(i + 1).append(" 127.0.0.1:").append(nodePorts.get(i)).append('\n');
    }
    String made = config.replaceAll("(?m)^\\s*server node\\d+ .*\\n", "")
        .replaceFirst("(?m)^(\\s*)bind 127\\.0\\.0\\.1:8080", "$1bind 127.0.0.1:" + proxyPort)
        .replaceFirst("(?m)^(\\s*default-server .*\\n)", "$1" + servers);
    assertTrue(made.contains("bind 127.0.0.1:" + proxyPort) && made.contains("server node" + NODES), made);
    Path file = dir.resolve("haproxy.cfg");
    Files.writeString(file, made, StandardCharsets.UTF_8);
    String binary = Files.isExecutable(Path.of("/usr/sbin/haproxy")) ? "/usr/sbin/haproxy" : "haproxy";
    assertTrue(Files.isExecutable(Path.of(binary)) || onPath("haproxy"),
        "the cluster test needs HAProxy: apt-get install haproxy (.ci/run does)");
    return new ProcessBuilder(binary, "-db", "-f", file.toString()).directory(new File(dir.toString()))
        .redirectErrorStream(true).redirectOutput(dir.resolve("haproxy.log").toFile()).start();
  }

  private static boolean onPath(String command) {
    for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(folder, command))) {
        return true;
      }
    }
    return false;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      return "(unreadable)";
    }
  }

  private static String proxy() {
    return "http://127.0.0.1:" + proxyPort;
  }

  private static int status(URI uri) {
    try {
      return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET().build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  /** A port for the cluster member whose next one (the event bus) is free too. */
  private static int freePair() throws Exception {
    while (true) {
      int port = ServerProcess.freePort();
      try (var next = new java.net.ServerSocket(port + 1)) {
        return port;
      } catch (java.io.IOException taken) {
        // try another
      }
    }
  }

  private static JsonObject post(String postId) {
    return new JsonObject().put("type", "post").put("id", postId).put("kind", "story").put("title", "")
        .put("text", "Verhaal [" + postId + "] over de overdracht naar het wijkteam.");
  }

  /** Reconnects through the proxy until a live node takes the phone back with a resume. */
  private static Line resume(Line gone, String token, List<String> problems) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      try {
        Line line = Line.open(proxyPort);
        JsonObject welcome = line.call(new JsonObject().put("type", "resume").put("token", token)
            .put("after", gone.lastSeq()));
        if ("welcome".equals(welcome.getString("type"))) {
          if (welcome.getBoolean("reset", false)) {
            problems.add("resume reset the record: " + welcome.getLong("seq") + " < " + gone.lastSeq());
          }
          return line;
        }
        line.close();
      } catch (Exception notYet) {
        // the proxy may still send this one to the dead node: again
      }
    }
    throw new AssertionError("no live node took the phone back within 30 s");
  }

  // ---- a connection that keeps every seq it receives ---------------------------------------------

  private static final class Line {
    private final WebSocketClient client;
    private final WebSocket socket;
    private final List<Long> seqs = Collections.synchronizedList(new ArrayList<>());
    private final List<JsonObject> privates = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, CompletableFuture<JsonObject>> waiting = new ConcurrentHashMap<>();

    private Line(WebSocketClient client, WebSocket socket) {
      this.client = client;
      this.socket = socket;
      socket.textMessageHandler(text -> {
        JsonObject message = new JsonObject(text);
        String type = message.getString("type");
        if ("event".equals(type)) {
          seqs.add(message.getLong("seq"));
        } else if ("private".equals(type)) {
          privates.add(message);
        } else if (("welcome".equals(type) || "watching".equals(type)) && message.containsKey("events")) {
          message.getJsonArray("events").forEach(e -> seqs.add(((JsonObject) e).getLong("seq")));
        }
        if (message.getValue("ref") instanceof String ref) {
          CompletableFuture<JsonObject> reply = waiting.remove(ref);
          if (reply != null) {
            reply.complete(message);
          }
        }
      });
      socket.closeHandler(v -> failAll());
      socket.exceptionHandler(e -> failAll());
    }

    static Line open(int port) throws Exception {
      WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxMessageSize(1 << 26)
          .setMaxFrameSize(1 << 26));
      WebSocket socket = client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws")
          .setAllowOriginHeader(false)).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      return new Line(client, socket);
    }

    CompletableFuture<JsonObject> request(JsonObject message) {
      String ref = UUID.randomUUID().toString();
      CompletableFuture<JsonObject> reply = new CompletableFuture<>();
      waiting.put(ref, reply);
      if (socket.isClosed()) {
        failAll();
      } else {
        socket.writeTextMessage(message.copy().put("ref", ref).encode()).onFailure(e -> failAll());
      }
      return reply;
    }

    JsonObject call(JsonObject message) throws Exception {
      return request(message).get(30, TimeUnit.SECONDS);
    }

    long lastSeq() {
      synchronized (seqs) {
        return seqs.isEmpty() ? 0 : seqs.get(seqs.size() - 1);
      }
    }

    List<Long> seqs() {
      synchronized (seqs) {
        return new ArrayList<>(seqs);
      }
    }

    /** The data of every private message of this name received so far, in order. */
    List<JsonObject> privates(String name) {
      synchronized (privates) {
        return privates.stream().filter(m -> name.equals(m.getString("name"))).map(m -> m.getJsonObject("data")).toList();
      }
    }

    /** Waits for the first private message of this name and returns its data. */
    JsonObject awaitPrivate(String name) {
      Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> !privates(name).isEmpty());
      return privates(name).get(0);
    }

    private void failAll() {
      for (String ref : List.copyOf(waiting.keySet())) {
        CompletableFuture<JsonObject> reply = waiting.remove(ref);
        if (reply != null) {
          reply.completeExceptionally(new IllegalStateException("closed"));
        }
      }
    }

    void close() {
      socket.close();
      client.close();
    }
  }
}
