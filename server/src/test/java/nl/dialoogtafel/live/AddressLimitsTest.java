package nl.dialoogtafel.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import nl.dialoogtafel.storage.Ids;
import nl.dialoogtafel.support.Facilitator;
import nl.dialoogtafel.support.LiveClient;
import nl.dialoogtafel.support.Phone;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What one address may do at {@code /ws} (issue 8): guessing codes is slowed without ever refusing
 * the right code, and the sockets of one address are capped (here at 25, to keep the test small;
 * 1000 by default). Every test has a server, and so a join guard, of its own.
 */
@Timeout(120)
@WithServer(perTest = true, env = "DIALOOG_WS_PER_ADDRESS=25")
class AddressLimitsTest {

  private static final int FREE_MISSES = 20;

  private TestServer server;
  private Facilitator facilitator;
  private Vertx vertx;

  @Test
  @DisplayName("25 wrong codes from one address, then the right code from the same address joins at once")
  void rightCodeJoinsAfterManyMisses() throws Exception {
    String code = facilitator.storySession().getString("code");
    guess(25);
    try (LiveClient phone = LiveClient.connect(vertx, server.port())) {
      JsonObject reply = phone.reply(phone.request(Phone.joinMessage(code, "Fatima", "Jeugdteam Oost")));
      assertEquals("welcome", reply.getString("type"), "the right code joins: " + reply);
    }
  }

  @Test
  @DisplayName("A guesser's misses are slowed: past 20 each one closes its socket and keeps an address place taken")
  void guesserIsSlowed() throws Exception {
    facilitator.storySession();
    // The free misses over a few sockets (misses count per address; one socket would meet the
    // per-connection message rate first), then the next miss on a socket of its own.
    List<LiveClient> free = new ArrayList<>();
    try {
      for (int i = 0; i < FREE_MISSES; i++) {
        if (i % 5 == 0) {
          free.add(LiveClient.connect(vertx, server.port()));
        }
        LiveClient socket = free.get(free.size() - 1);
        JsonObject reply = socket.reply(socket.request(Phone.joinMessage(wrongCode(i), "Gok", "Nergens")));
        assertEquals("unknown_session", reply.getString("code"), "free miss " + i + ": " + reply);
      }
      assertTrue(free.stream().noneMatch(LiveClient::isClosed), "the free misses leave their sockets open");
    } finally {
      free.forEach(LiveClient::close);
    }
    try (LiveClient guesser = LiveClient.connect(vertx, server.port())) {
      JsonObject slowed = guesser.reply(guesser.request(Phone.joinMessage(wrongCode(99), "Gok", "Nergens")));
      assertEquals("unknown_session", slowed.getString("code"), "the answer is the same: " + slowed);
      assertTrue(slowed.getString("message").contains("onbekende codes"), slowed.getString("message"));
      Awaitility.await("the slowed guesser's socket is closed").atMost(Duration.ofSeconds(10))
          .until(guesser::isClosed);
      assertEquals((short) 1008, guesser.closeStatus());
    }
    // Each further miss needs a new socket and keeps a place: the guesser runs out of places.
    Integer refusedAfter = null;
    for (int i = 0; i < 60 && refusedAfter == null; i++) {
      try (LiveClient guesser = LiveClient.connect(vertx, server.port())) {
        guesser.reply(guesser.request(Phone.joinMessage(wrongCode(100 + i), "Gok", "Nergens")));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(guesser::isClosed);
      } catch (ExecutionException refused) {
        UpgradeRejectedException rejected = assertInstanceOf(UpgradeRejectedException.class, refused.getCause());
        assertEquals(429, rejected.getStatus());
        refusedAfter = i;
      }
    }
    assertNotNull(refusedAfter, "an address whose places are all held by slowed misses gets no new socket");
    assertTrue(refusedAfter <= 25, "at most one place per slowed miss: " + refusedAfter);
  }

  @Test
  @DisplayName("Sockets per address are capped: the 26th gets HTTP 429 with a Dutch reason, and a freed place is reused")
  void socketsPerAddressAreCapped() throws Exception {
    List<LiveClient> open = new ArrayList<>();
    try {
      for (int i = 0; i < 25; i++) {
        open.add(LiveClient.connect(vertx, server.port()));
      }
      ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
          () -> LiveClient.connect(vertx, server.port()).close());
      UpgradeRejectedException rejected = assertInstanceOf(UpgradeRejectedException.class, refused.getCause());
      assertEquals(429, rejected.getStatus());
      assertNotNull(rejected.getBody());
      assertTrue(rejected.getBody().toString().contains("te veel verbindingen"), rejected.getBody().toString());
      assertEquals("30", rejected.getHeaders().get("Retry-After"));

      open.remove(0).close();
      Awaitility.await("a closed socket gives its place back").atMost(Duration.ofSeconds(10)).until(() -> {
        try {
          open.add(LiveClient.connect(vertx, server.port()));
          return true;
        } catch (ExecutionException stillFull) {
          return false;
        }
      });
    } finally {
      open.forEach(LiveClient::close);
    }
  }

  /** Wrong codes from this address: the free ones on one socket, each later one on a socket of its own. */
  private void guess(int misses) throws Exception {
    LiveClient guesser = LiveClient.connect(vertx, server.port());
    try {
      for (int i = 0; i < misses; i++) {
        if (i >= FREE_MISSES) {
          guesser.close();
          guesser = LiveClient.connect(vertx, server.port());
        }
        JsonObject reply = guesser.reply(guesser.request(Phone.joinMessage(wrongCode(i), "Gok", "Nergens")));
        assertEquals("error", reply.getString("type"), "miss " + i + ": " + reply);
      }
    } finally {
      guesser.close();
    }
  }

  /** A well-formed code no session has (the session's own code is random; these are fixed and distinct). */
  private static String wrongCode(int i) {
    String alphabet = Ids.CODE_ALPHABET;
    StringBuilder code = new StringBuilder("ZZ");
    int n = i;
    for (int k = 0; k < 4; k++) {
      code.append(alphabet.charAt(n % alphabet.length()));
      n /= alphabet.length();
    }
    return code.toString();
  }
}
