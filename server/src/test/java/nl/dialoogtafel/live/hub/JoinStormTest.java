package nl.dialoogtafel.live.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import nl.dialoogtafel.support.Facilitator;
import nl.dialoogtafel.support.LiveClient;
import nl.dialoogtafel.support.Phone;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Joins that arrive together are stored in one batch. Each joiner's welcome is built while the
 * rest of the batch may still be on its way to the room: it must claim ({@code seq}) no more than
 * it holds, or the phone skips the joins after its own.
 */
@Timeout(120)
@WithServer
class JoinStormTest {

  private static final int PHONES = 40;

  private static TestServer server;
  private static Facilitator facilitator;
  private static Vertx vertx;

  @Test
  @DisplayName("Forty phones join at once: each welcome holds every event up to its seq, and each later join follows once")
  void everyJoinerSeesEveryLaterJoin() throws Exception {
    JsonObject session = facilitator.storySession();
    List<LiveClient> phones = new ArrayList<>();
    try {
      for (int i = 0; i < PHONES; i++) {
        phones.add(LiveClient.connect(vertx, server.port()));
      }
      List<String> refs = new ArrayList<>();
      for (int i = 0; i < PHONES; i++) {
        refs.add(phones.get(i).request(Phone.joinMessage(session.getString("code"), "Deelnemer " + i, "Team " + i)));
      }
      List<JsonObject> welcomes = new ArrayList<>();
      for (int i = 0; i < PHONES; i++) {
        welcomes.add(phones.get(i).reply(refs.get(i)));
      }
      long end = welcomes.stream().mapToLong(w -> w.getLong("seq")).max().orElseThrow();
      for (int i = 0; i < PHONES; i++) {
        JsonObject welcome = welcomes.get(i);
        JsonArray events = welcome.getJsonArray("events");
        assertEquals(welcome.getLong("seq"), (long) events.size(), "phone " + i + ": the welcome holds what it claims");
        for (int e = 0; e < events.size(); e++) {
          assertEquals(e + 1, events.getJsonObject(e).getLong("seq"));
        }
        for (long expected = welcome.getLong("seq") + 1; expected <= end; expected++) {
          JsonObject event = phones.get(i).nextOfType("event");
          assertEquals(expected, event.getLong("seq"), "phone " + i + " gets every later event once, in order");
          assertEquals("participant.joined", event.getString("name"));
        }
      }
    } finally {
      phones.forEach(LiveClient::close);
    }
  }
}
