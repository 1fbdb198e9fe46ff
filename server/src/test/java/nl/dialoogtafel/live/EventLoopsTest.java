package nl.dialoogtafel.live;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.dialoogtafel.app.Server;
import nl.dialoogtafel.support.Facilitator;
import nl.dialoogtafel.support.Phone;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A node with two event loops: sessions and sockets spread over both, and nothing lost between them. */
@Timeout(120)
@WithServer(env = "DIALOOG_EVENT_LOOPS=2")
class EventLoopsTest {

  private static TestServer server;
  private static Facilitator facilitator;
  private static Vertx vertx;

  @Test
  @DisplayName("Phones of one session on both loops get every post exactly once, in order, and their acks")
  void oneSessionAcrossLoops() throws Exception {
    String code = facilitator.storySession().getString("code");
    List<Phone> phones = new ArrayList<>();
    try {
      for (int i = 0; i < 6; i++) {
        phones.add(Phone.join(vertx, server.port(), code, "Deelnemer " + i, "Team " + i));
      }
      assertTrue(server.server().loops().stream().allMatch(loop -> loop.connections() > 0),
          "the six sockets landed on both loops: " + server.server().loops());
      List<List<String>> refs = new ArrayList<>();
      for (int i = 0; i < phones.size(); i++) {
        List<String> own = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
          own.add(phones.get(i).live.request(new JsonObject().put("type", "post").put("id", "p" + i + "-" + n)
              .put("kind", "story").put("title", "").put("text", "Verhaal " + n + " van deelnemer " + i)));
        }
        refs.add(own);
      }
      long last = 0;
      for (int i = 0; i < phones.size(); i++) {
        for (String ref : refs.get(i)) {
          JsonObject ack = phones.get(i).live.reply(ref);
          assertEquals("ack", ack.getString("type"), ack.encode());
          last = Math.max(last, ack.getLong("seq"));
        }
      }
      for (Phone phone : phones) {
        assertEveryEventAfterWelcome(phone, last);
      }
    } finally {
      phones.forEach(Phone::close);
    }
  }

  @Test
  @DisplayName("Phones that join on another loop while posts stream in miss nothing after their welcome")
  void joinsDuringPostsMissNothing() throws Exception {
    String code = facilitator.storySession().getString("code");
    List<Phone> joiners = new ArrayList<>();
    try (Phone poster = Phone.join(vertx, server.port(), code, "Schrijver", "Team")) {
      List<String> refs = new ArrayList<>();
      for (int n = 0; n < 15; n++) {
        refs.add(poster.live.request(new JsonObject().put("type", "post").put("id", "s" + n)
            .put("kind", "story").put("title", "").put("text", "Verhaal nummer " + n)));
        if (n % 3 == 0) {
          joiners.add(Phone.join(vertx, server.port(), code, "Nieuw " + n, "Team"));
        }
      }
      long last = 0;
      for (String ref : refs) {
        last = Math.max(last, poster.live.reply(ref).getLong("seq"));
      }
      for (Phone phone : joiners) {
        assertEquals(phone.welcome.getLong("seq"), (long) phone.welcome.getJsonArray("events").size(),
            "the welcome holds all so far");
        assertEveryEventAfterWelcome(phone, last);
      }
    } finally {
      joiners.forEach(Phone::close);
    }
  }

  @Test
  @DisplayName("Live sessions are spread evenly over the loops, each held by exactly one")
  void sessionsSpreadOverLoops() throws Exception {
    List<Phone> phones = new ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) {
        phones.add(Phone.join(vertx, server.port(), facilitator.storySession().getString("code"), "D" + i, "T"));
      }
      List<Server.LoopLoad> loops = server.server().loops();
      assertEquals(2, loops.size());
      int sessions = loops.stream().mapToInt(Server.LoopLoad::sessions).sum();
      assertTrue(sessions >= 20, "each live session counted once: " + loops);
      assertTrue(Math.abs(loops.get(0).sessions() - loops.get(1).sessions()) <= 1,
          "each new session went to the loop holding the fewest: " + loops);
    } finally {
      phones.forEach(Phone::close);
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> server.server().loops().stream()
        .mapToInt(Server.LoopLoad::connections).sum() == 0);
  }

  /** Every event after the phone's welcome up to {@code last}, each once and in order: no gap, no repeat. */
  private static void assertEveryEventAfterWelcome(Phone phone, long last) throws InterruptedException {
    for (long expected = phone.welcome.getLong("seq") + 1; expected <= last; expected++) {
      assertEquals(expected, phone.live.nextOfType("event").getLong("seq"), "no gap, no repeat, no reordering");
    }
  }
}
