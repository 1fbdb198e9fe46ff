package nl.dialoogtafel.ops;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.dialoogtafel.support.Facilitator;
import nl.dialoogtafel.support.LiveClient;
import nl.dialoogtafel.support.Phone;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /metrics} on the real server: closed without the node's token (and absent without a
 * token set), and with it the node's series move when a phone joins, a kiosk watches and a story is
 * stored — while no name, contact detail, title, session id or join code shows up in it.
 */
@WithServer(env = "DIALOOG_METRICS_TOKEN=" + MetricsTest.TOKEN)
class MetricsTest {

  static final String TOKEN = "3f9a6c1e8b2d4f7a0c5e9b1d3f6a8c2e";

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void refusedWithoutTheToken(TestServer server) throws Exception {
    for (String authorization : new String[] {null, "Bearer wrong-token-of-the-right-length-000000", "Basic " + TOKEN,
        "Bearer " + TOKEN + "x"}) {
      HttpResponse<String> answer = get(server.port(), authorization);
      assertEquals(401, answer.statusCode(), "Authorization: " + authorization);
      assertTrue(answer.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
      assertFalse(answer.body().contains("dialoog_"), answer.body());
      assertTrue(answer.body().contains("DIALOOG_METRICS_TOKEN"), answer.body());
    }
    assertEquals(200, get(server.port(), "Bearer " + TOKEN).statusCode());
  }

  @Test
  void noTokenNoRoute() throws Exception {
    try (TestServer plain = TestServer.start()) {
      assertEquals(404, get(plain.port(), null).statusCode());
      assertEquals(404, get(plain.port(), "Bearer " + TOKEN).statusCode());
    }
  }

  @Test
  void seriesMoveAfterAJoinAndAPost(TestServer server, Facilitator facilitator, Vertx vertx) throws Exception {
    Map<String, Double> before = scrape(server.port());
    JsonObject session = facilitator.storySession();
    String code = session.getString("code");
    JsonObject join = Phone.joinMessage(code, "Anouk Verhoeven", "Buurtteam Zuidwest")
        .put("phone", "06-12345678").put("email", "anouk.verhoeven@example.nl");
    try (Phone phone = Phone.join(vertx, server.port(), join);
         LiveClient kiosk = LiveClient.connect(vertx, server.port())) {
      JsonObject watching = kiosk.reply(kiosk.request(new JsonObject().put("type", "watch")
          .put("session", session.getString("id")).put("key", session.getString("kioskKey"))));
      assertEquals("watching", watching.getString("type"));
      assertEquals("ack", phone.post("m-1", "story", "Zorgwekkend lange wachtlijst bij de specialistische ggz.")
          .getString("type"));

      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
        Map<String, Double> now = scrape(server.port());
        assertEquals(1.0, now.get("dialoog_connections{kind=\"phone\"}"), "phones");
        assertEquals(1.0, now.get("dialoog_connections{kind=\"kiosk\"}"), "kiosks");
        assertTrue(now.get("dialoog_sessions_owned") >= 1.0, "sessions owned");
        assertEquals(1.0, now.get("dialoog_posts_total") - before.get("dialoog_posts_total"), "posts");
        assertTrue(now.get("dialoog_append_seconds_count") > before.get("dialoog_append_seconds_count"), "appends");
        assertTrue(now.get("dialoog_append_seconds_bucket{le=\"10.0\"}") >= now.get("dialoog_append_seconds_count"));
        assertTrue(now.get("dialoog_event_loop_delay_seconds_count{loop=\"0\"}") > 0, "loop probe");
        assertTrue(now.containsKey("dialoog_sockets_closed_slow_total"), "slow closes");
        assertTrue(now.containsKey("dialoog_failovers_total"), "failovers");
        assertTrue(now.get("process_files_open_files") > 0, "file descriptors");
        assertTrue(now.get("vertx_http_server_active_ws_connections") >= 2, "Vert.x's own WebSocket count");
      });

      String text = text(server.port());
      for (String personal : List.of("Anouk", "Verhoeven", "Buurtteam", "12345678", "example.nl", "@",
          "Dialoog Oost", session.getString("id"), code, session.getString("kioskKey"), phone.token,
          "127.0.0.1", "wachtlijst")) {
        assertFalse(text.contains(personal), "/metrics holds " + personal);
      }
    }
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertEquals(0.0, scrape(server.port()).get("dialoog_connections{kind=\"phone\"}"), "phone gone"));
  }

  @Test
  void joinMissesAreCounted(TestServer server, Vertx vertx) throws Exception {
    double before = scrape(server.port()).get("dialoog_join_misses_total");
    try (LiveClient guesser = LiveClient.connect(vertx, server.port())) {
      JsonObject reply = guesser.reply(guesser.request(Phone.joinMessage("ZZZZZZ", "Gast", "Nergens")));
      assertEquals("unknown_session", reply.getString("code"), reply.encode());
    }
    assertEquals(before + 1, scrape(server.port()).get("dialoog_join_misses_total"));
  }

  @Test
  void failoversCountWhatTheClusterTellsIt(TestServer server) throws Exception {
    double before = scrape(server.port()).get("dialoog_failovers_total");
    server.server().metrics().failedOver();
    assertEquals(before + 1, scrape(server.port()).get("dialoog_failovers_total"));
  }

  private String text(int port) throws Exception {
    HttpResponse<String> answer = get(port, "Bearer " + TOKEN);
    assertEquals(200, answer.statusCode(), answer.body());
    assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
    return answer.body();
  }

  /** Every sample of the Prometheus text by its name and labels as printed, e.g. {@code x_total{kind="a"}}. */
  private Map<String, Double> scrape(int port) throws Exception {
    Map<String, Double> samples = new HashMap<>();
    for (String line : text(port).split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
    }
    return samples;
  }

  private HttpResponse<String> get(int port, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
