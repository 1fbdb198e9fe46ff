package nl.dialoogtafel.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import nl.dialoogtafel.support.Phone;
import nl.dialoogtafel.support.TestServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * R6: the database goes away for a while. Posts are refused with a clear error and not
 * acknowledged; when the database is back the server recovers by itself and the same ids store once.
 */
@Timeout(180)
class DatabaseOutageTest {

  @Test
  @DisplayName("While the database is unreachable posts get 'unavailable' (no ack); afterwards they are stored once")
  void outageAndRecovery() throws Exception {
    Path file = Files.createTempDirectory("dialoogtafel-outage").resolve("store.mv.db");
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    MongoServer mongo = new MongoServer(new H2Backend(file.toString()));
    mongo.bind("127.0.0.1", port);
    Vertx vertx = Vertx.vertx();
    try (TestServer server = TestServer.start(Map.of("DIALOOG_ADMIN", TestServer.ADMIN + ":" + TestServer.PASSWORD,
        "MONGODB_URI", "mongodb://127.0.0.1:" + port + "/outage"))) {
      String cookie = server.login();
      JsonObject session = server.createSession(cookie);
      server.startPhase(cookie, session.getString("id"), "verhalen");
      try (Phone phone = Phone.join(vertx, server.port(), session.getString("code"), "Fatima", "Jeugdteam Oost")) {
        long before = phone.post("before", "story", "Voor de storing.").getLong("seq");

        mongo.shutdownNow();
        JsonObject refused = phone.post("during", "story", "Tijdens de storing geschreven.");
        assertEquals("error", refused.getString("type"), refused.encode());
        assertEquals("unavailable", refused.getString("code"));
        assertTrue(refused.getString("message").contains("niet opgeslagen"), refused.getString("message"));

        mongo = new MongoServer(new H2Backend(file.toString()));
        mongo.bind("127.0.0.1", port);
        // The phone sends again every half second, as its outbox would, until the store is back.
        JsonObject stored = Awaitility.await("the server recovered by itself").atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> phone.post("during", "story", "Tijdens de storing geschreven."),
                reply -> "ack".equals(reply.getString("type")));
        assertEquals("ack", stored.getString("type"), "the server recovered by itself");
        assertEquals(before + 1, stored.getLong("seq"), "no gap, nothing stored twice");
        assertEquals(stored.getLong("seq"), phone.post("during", "story", "Tijdens de storing geschreven.")
            .getLong("seq"));
        assertEquals(200, server.get("/health", null).statusCode());
      }
    } finally {
      mongo.shutdownNow();
      vertx.close().toCompletionStage().toCompletableFuture().get();
    }
  }
}
