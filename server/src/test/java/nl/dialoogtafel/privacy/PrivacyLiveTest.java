package nl.dialoogtafel.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import nl.dialoogtafel.storage.Database;
import nl.dialoogtafel.support.Facilitator;
import nl.dialoogtafel.support.Phone;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the widened guard means for a professional on a phone, through the real server: a BSN
 * behind a keyword variant far off in the sentence is never stored, a disguised e-mail address
 * and a 0900 number are named back and stored only after confirming.
 */
@Timeout(120)
@WithServer
class PrivacyLiveTest {

  private static TestServer server;
  private static Facilitator facilitator;
  private static Vertx vertx;
  private JsonObject session;

  @BeforeEach
  void storyPhase() throws Exception {
    session = facilitator.storySession();
  }

  @Test
  @DisplayName("A BSN with 'burgerservicenr.' far off in its sentence is refused, also confirmed, and never stored")
  void farKeywordVariantBsnIsNeverStored() throws Exception {
    String bsn = "1112.22.333";
    assertTrue(BsnDetector.elevenProof(bsn.replace(".", "")));
    String text = "Het burgerservicenr. van de jongste, die sinds de zomer bij oma woont en nu naar een andere "
        + "school gaat, is " + bsn + ".";
    try (Phone phone = join()) {
      JsonObject post = new JsonObject().put("id", "bsn-1").put("kind", "story").put("text", text);
      assertPrivacy(phone.send("post", post), "burgerservicenummer");
      assertPrivacy(phone.send("post", post.copy().put("confirm", true)), "burgerservicenummer");
      long seq = phone.post("bsn-2", "story", "Een verhaal zonder nummers.").getLong("seq");
      assertTrue(seq > 0);
      assertEquals(0, eventsContaining("22.333"), "the BSN is in no stored event");
      assertFalse(phone.live.frames().stream().anyMatch(f -> f.contains("22.333") && f.contains("\"event\"")),
          "nor in any event sent");
    }
  }

  @Test
  @DisplayName("A disguised e-mail address and a 0900 number are named back, and stored once confirmed")
  void disguisedEmailAndServiceNumberAreWarned() throws Exception {
    String text = "Moeder wil mail op moeder.q7 [at] ziggo [punt] nl, of bel haar bedrijfje op 0900-8765.";
    try (Phone phone = join()) {
      JsonObject post = new JsonObject().put("id", "mail-1").put("kind", "story").put("text", text);
      JsonObject warned = assertPrivacy(phone.send("post", post), "e-mailadres");
      assertTrue(warned.getString("message").contains("telefoonnummer (0900-8765)"), warned.encode());
      assertEquals(0, eventsContaining("moeder.q7"), "not stored before confirming");
      JsonObject ack = phone.send("post", post.copy().put("confirm", true));
      assertEquals("ack", ack.getString("type"), ack.encode());
      assertEquals(1, eventsContaining("moeder.q7"), "stored after confirming");
    }
  }

  private Phone join() throws Exception {
    return Phone.join(vertx, server.port(), session.getString("code"), "Fatima", "Jeugdteam Oost");
  }

  private static JsonObject assertPrivacy(JsonObject reply, String named) {
    assertEquals("error", reply.getString("type"), reply.encode());
    assertEquals("privacy", reply.getString("code"), reply.encode());
    assertTrue(reply.getString("message").contains(named), "the Dutch message names " + named + ": " + reply);
    return reply;
  }

  private long eventsContaining(String text) {
    long n = 0;
    for (Document doc : server.server().database().collection(Database.EVENTS)
        .find(new Document("session", session.getString("id")))) {
      if (doc.toJson().contains(text)) {
        n++;
      }
    }
    return n;
  }
}
