package nl.dialoogtafel.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.dialoogtafel.support.LiveSocket;
import nl.dialoogtafel.support.Phone;
import nl.dialoogtafel.support.ServerProcess;
import nl.dialoogtafel.support.StoreProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar dialoogtafel.jar store}: the embedded store alone, shared by nodes through MONGODB_URI. */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class StoreCommandTest {

  @TempDir
  Path dir;

  private StoreProcess store;
  private ServerProcess node;
  private Vertx vertx;

  @AfterEach
  void stop() throws Exception {
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
    if (node != null) {
      node.close();
    }
    if (store != null) {
      store.close();
    }
  }

  @Test
  @DisplayName("a node on MONGODB_URI pointing at the store process keeps a post across its own restart (kill -9), "
      + "and keeps no store file of its own")
  void nodeOnTheStoreProcessKeepsAPost() throws Exception {
    Path storeData = dir.resolve("opslag");
    store = StoreProcess.start(storeData, dir.resolve("store.log"));
    assertTrue(Files.exists(storeData.resolve("dialoogtafel.mv.db")), store.logText());
    Map<String, String> env = Map.of("MONGODB_URI", store.uri());
    Path nodeData = dir.resolve("node");
    node = ServerProcess.start(ServerProcess.freePort(), nodeData, dir.resolve("node.log"), env);
    String cookie = node.login();
    HttpResponse<String> created = node.post("/api/sessions", cookie, new JsonObject()
        .put("template", "transformatiedialoog").put("title", "Gedeelde opslag").put("municipality", "Utrecht"));
    assertEquals(201, created.statusCode(), created.body());
    JsonObject session = new JsonObject(created.body());
    assertEquals(200, node.post("/api/sessions/" + session.getString("id") + "/phase", cookie,
        new JsonObject().put("phase", "verhalen")).statusCode());

    vertx = Vertx.vertx();
    LiveSocket phone = LiveSocket.connect(vertx, node.port());
    JsonObject welcome = phone.call(Phone.joinMessage(session.getString("code"), "Anna", "Wijkteam"));
    assertEquals("welcome", welcome.getString("type"), welcome.encode());
    JsonObject ack = phone.call(new JsonObject().put("type", "post").put("id", "blijft-1").put("kind", "story")
        .put("title", "").put("text", "Een verhaal dat de herstart van de node overleeft."));
    assertEquals("ack", ack.getString("type"), ack.encode());
    phone.close();

    int port = node.port();
    node.kill();
    node = ServerProcess.start(port, nodeData, dir.resolve("node2.log"), env);
    LiveSocket again = LiveSocket.connect(vertx, node.port());
    JsonObject resumed = again.call(new JsonObject().put("type", "resume").put("token", welcome.getString("token"))
        .put("after", 0));
    assertEquals("welcome", resumed.getString("type"), resumed.encode());
    JsonArray events = resumed.getJsonArray("events");
    assertTrue(events.encode().contains("Een verhaal dat de herstart van de node overleeft."), resumed.encode());
    assertTrue(!Files.exists(nodeData.resolve("dialoogtafel.mv.db")), "the node keeps no store of its own");
    again.close();
  }
}
