package nl.dialoogtafel.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Random;
import nl.dialoogtafel.storage.Database;
import nl.dialoogtafel.support.Facilitator;
import nl.dialoogtafel.support.LiveClient;
import nl.dialoogtafel.support.Phone;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Oversized and malformed input: refused, nothing stored, and the server keeps serving. */
@Timeout(120)
@WithServer
class LimitsTest {

  private static TestServer server;
  private static Facilitator facilitator;
  private static Vertx vertx;
  private static JsonObject session;

  @BeforeAll
  static void start() throws Exception {
    session = facilitator.storySession();
  }

  @Test
  @DisplayName("A message ten times over the limit closes that connection with 1009; others keep working")
  void hugeMessageClosesWith1009() throws Exception {
    try (Phone bystander = Phone.join(vertx, server.port(), session.getString("code"), "Ali", "School")) {
      LiveClient flooder = LiveClient.connect(vertx, server.port());
      flooder.sendText("{\"type\":\"post\",\"text\":\"" + "x".repeat(160 * 1024) + "\"}");
      Awaitility.await("the flooder's connection is closed").atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(20)).until(() -> flooder.closeStatus() != null);
      assertEquals((short) 1009, flooder.closeStatus());
      JsonObject ack = bystander.post("after-flood", "story", "Na de overstroming gaat het gesprek door.");
      assertEquals("ack", ack.getString("type"));
    }
  }

  @Test
  @DisplayName("Thousands of malformed messages get error replies and store nothing")
  void malformedMessagesStoreNothing() throws Exception {
    Database db = server.server().database();
    long before = db.collection(Database.EVENTS).countDocuments(new Document("session", session.getString("id")));
    Random random = new Random(42);
    String[] shapes = {
        "", "null", "[]", "42", "\"post\"", "{", "{\"type\":1}", "{\"type\":null}", "{\"type\":\"__proto__\"}",
        "{\"type\":\"post\",\"id\":{}}", "{\"type\":\"join\",\"code\":[1,2]}", "{\"type\":\"resume\",\"token\":5}",
        "{\"type\":\"watch\",\"session\":true}", "{\"type\":\"post\",\"__proto__\":{\"admin\":true}}",
        "[".repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(2000) + "1" + "}".repeat(2000)};
    try (LiveClient client = LiveClient.connect(vertx, server.port())) {
      int sent = 0;
      for (int i = 0; i < 2000; i++) {
        String base = shapes[random.nextInt(shapes.length)];
        client.sendText(random.nextBoolean() ? base : base + (char) random.nextInt(0x3000));
        sent++;
        if (sent % 15 == 0) {
          Thread.sleep(1600); // stay under the rate limit so every message is really parsed
        }
        if (sent >= 90) {
          break;
        }
      }
      int errors = 0;
      while (errors < sent) {
        JsonObject reply = client.nextOfType("error");
        assertTrue(reply.getString("message").length() > 0);
        errors++;
      }
      assertEquals(sent, errors);
    }
    long after = db.collection(Database.EVENTS).countDocuments(new Document("session", session.getString("id")));
    assertEquals(before, after);
  }
}
