package nl.dialoogtafel.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import nl.dialoogtafel.record.ExportVerifier;
import nl.dialoogtafel.storage.Database;
import nl.dialoogtafel.support.AdminCookie;
import nl.dialoogtafel.support.Phone;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A3: past the retention period a closed session keeps its stories and its verifiable record,
 * but no names, contact details, tokens or contact notes — in the store and in its file.
 */
@Timeout(120)
@WithServer(env = "DIALOOG_RETENTION_DAYS=0")
class RetentionTest {

  private static TestServer server;
  private static Vertx vertx;
  @AdminCookie
  private static String cookie;

  @Test
  @DisplayName("The retention job strips personal data from closed sessions only; stories and the chain stay")
  void retention() throws Exception {
    JsonObject closed = server.createSession(cookie);
    JsonObject open = server.createSession(cookie);
    for (JsonObject s : new JsonObject[] {closed, open}) {
      server.startPhase(cookie, s.getString("id"), "verhalen");
    }
    try (Phone anna = Phone.join(vertx, server.port(), Phone.joinMessage(closed.getString("code"), "Wilhelmina",
            "Wijkteam Oost").put("phone", "+31 6 48213957").put("email", "wilhelmina.qz@wijkteam.nl"));
        Phone bram = Phone.join(vertx, server.port(), closed.getString("code"), "Bram", "GGD Regio");
        Phone cor = Phone.join(vertx, server.port(), open.getString("code"), "Cornelis", "School")) {
      assertEquals("ack", anna.post("r-1", "story", "Een verhaal over de Lijsterbes-aanpak.").getString("type"));
      assertEquals("ack", anna.send("contact.request", new JsonObject().put("to", bram.participantId)
          .put("note", "Bellen over Merelhof?")).getString("type"));
    }
    assertEquals(200, server.post("/api/sessions/" + closed.getString("id") + "/close", cookie, new JsonObject())
        .statusCode());
    assertTrue(storeFile().contains("Wilhelmina"), "before the job the name is in the store file");

    int done = server.server().retention().runOnce().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    assertEquals(1, done, "one closed session was due; the open one is not");

    Database db = server.server().database();
    Document wilhelmina = db.collection(Database.PARTICIPANTS)
        .find(new Document("session", closed.getString("id")).append("organisation", "Wijkteam Oost")).first();
    assertNull(wilhelmina.get("name"));
    assertNull(wilhelmina.get("phone"));
    assertNull(wilhelmina.get("email"));
    assertFalse(wilhelmina.getString("tokenHash").matches("[0-9a-f]{64}"), "no token hash left");
    assertEquals(0, db.collection(Database.CONTACTS).countDocuments(new Document("session", closed.getString("id"))));
    Document cornelis = db.collection(Database.PARTICIPANTS).find(new Document("session", open.getString("id"))).first();
    assertEquals("Cornelis", cornelis.getString("name"), "an open session keeps its people");

    String file = storeFile();
    for (String gone : new String[] {"Wilhelmina", "48213957", "wilhelmina.qz", "Merelhof"}) {
      assertFalse(file.contains(gone), "the store file still holds " + gone);
    }
    HttpResponse<String> page = server.get("/archief/" + closed.getString("id"), cookie);
    assertEquals(200, page.statusCode());
    assertFalse(page.body().contains("Wilhelmina"));
    assertTrue(page.body().contains("Lijsterbes"), "the story stays in the record");
    var verdict = ExportVerifier.verify(new JsonObject(server.get("/archief/" + closed.getString("id") + ".json",
        cookie).body()));
    assertTrue(verdict.valid() && verdict.complete(), verdict.toString());

    assertEquals(0, server.server().retention().runOnce().toCompletionStage().toCompletableFuture()
        .get(60, TimeUnit.SECONDS), "a session is done once");
  }

  private String storeFile() throws Exception {
    return new String(Files.readAllBytes(server.dataDir().resolve("dialoogtafel.mv.db")), StandardCharsets.ISO_8859_1);
  }
}
