package nl.dialoogtafel.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import nl.dialoogtafel.support.Facilitator;
import nl.dialoogtafel.support.LiveClient;
import nl.dialoogtafel.support.Phone;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A join's {@code id} leads to the person and token it made, from any socket (that is how a phone
 * whose welcome was lost gets back in), so it must be as unguessable as a token (issue 8).
 */
@Timeout(60)
@WithServer
class JoinIdTest {

  private static TestServer server;
  private static Facilitator facilitator;
  private static Vertx vertx;
  private static String code;

  @BeforeAll
  static void session() throws Exception {
    code = facilitator.storySession().getString("code");
  }

  @Test
  @DisplayName("A guessable join id (\"1\", a word, a repeated character, the nil UUID) is refused with invalid, field id")
  void guessableIdsAreRefused() throws Exception {
    for (String weak : new String[] {"1", "another-device", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "00000000-0000-0000-0000-000000000000", "abcdefghijabcdefghij1"}) {
      try (LiveClient client = LiveClient.connect(vertx, server.port())) {
        JsonObject reply = client.reply(client.request(Phone.joinMessage(code, "Fatima", "Jeugdteam Oost").put("id", weak)));
        assertEquals("invalid", reply.getString("code"), weak + " → " + reply);
        assertEquals("id", reply.getString("field"), weak + " → " + reply);
        assertEquals(true, reply.getString("message").contains("UUID"), reply.getString("message"));
      }
    }
  }

  @Test
  @DisplayName("The ids the screens send pass: crypto.randomUUID, 32 hex digits (its fallback), 22+ base64url characters")
  void randomIdsPass() throws Exception {
    SecureRandom random = new SecureRandom();
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    String hex = HexFormat.of().formatHex(bytes);
    random.nextBytes(bytes);
    String base64url = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    for (String strong : new String[] {UUID.randomUUID().toString(), hex, base64url}) {
      try (Phone phone = Phone.join(vertx, server.port(), Phone.joinMessage(code, "Joost", "School").put("id", strong))) {
        assertEquals("welcome", phone.welcome.getString("type"));
      }
    }
  }

  @Test
  @DisplayName("The same strong id from a second socket is the documented way back in: same person, same token; another id is another person")
  void sameIdFromAnotherSocketIsTheResumePath() throws Exception {
    JsonObject join = Phone.joinMessage(code, "Mira", "Wijkteam").put("id", UUID.randomUUID().toString());
    try (Phone first = Phone.join(vertx, server.port(), join);
        Phone again = Phone.join(vertx, server.port(), join);
        Phone other = Phone.join(vertx, server.port(), join.copy().put("id", UUID.randomUUID().toString()))) {
      assertEquals(first.participantId, again.participantId);
      assertEquals(first.token, again.token);
      assertNotEquals(first.participantId, other.participantId);
      assertNotEquals(first.token, other.token);
    }
  }
}
