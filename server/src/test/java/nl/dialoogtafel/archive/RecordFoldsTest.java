package nl.dialoogtafel.archive;

import static com.mongodb.client.model.Filters.eq;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import nl.dialoogtafel.storage.Database;
import nl.dialoogtafel.storage.Documents;
import nl.dialoogtafel.support.AdminCookie;
import nl.dialoogtafel.support.ArchiveClient;
import nl.dialoogtafel.support.Facilitator;
import nl.dialoogtafel.support.Scenarios;
import nl.dialoogtafel.support.SessionScript;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The fold kept beside the record (record_folds): made by the preparer without a view, the same
 * record as a fold of the events, the same page after a restart, and gone on forget.
 */
@Timeout(180)
@WithServer
class RecordFoldsTest {

  private static TestServer server;
  private static Facilitator facilitator;
  @AdminCookie
  private static String admin;
  private static ArchiveClient archive;

  private static Database db() {
    return server.server().database();
  }

  private static Document kept(String id) {
    return db().collection(RecordFolds.COLLECTION).find(eq("_id", id)).first();
  }

  private static ArchivedSession session(String id) {
    return ArchivedSession.fromJson(Documents.toJson(db().collection(Database.SESSIONS).find(eq("_id", id)).first()));
  }

  private static String page(String id) throws Exception {
    // A search first brings the search index up to the store, so the record's similar knelpunten
    // (read from the index as it stands) are the same before and after the restart.
    assertEquals(200, archive.get("/archief?q=wachtlijst", admin).statusCode());
    // The page says whether the record's PDF is made yet; compare pages once it is (it is kept across the restart).
    await().atMost(Duration.ofSeconds(90)).until(() -> archive.get("/archief/" + id + "/pdf-status", admin).body()
        .contains("\"ready\""));
    HttpResponse<String> response = archive.get("/archief/" + id, admin);
    assertEquals(200, response.statusCode(), response.body());
    return response.body();
  }

  @Test
  @DisplayName("A closed record is folded and kept before its first view, at its head, equal to a fold of its events")
  void keptBeforeTheFirstView() throws Exception {
    SessionScript s = Scenarios.oostMorning(facilitator);
    await().atMost(Duration.ofSeconds(60)).until(() -> {
      server.server().archiveCaches().prepare().toCompletionStage().toCompletableFuture().get();
      Document doc = kept(s.id);
      return doc != null && ((Number) doc.get("seq")).longValue() == session(s.id).head().seq();
    });
    Document doc = kept(s.id);
    NarrativeRecord stored = RecordFolds.decode(((Binary) doc.get("gz")).getData());
    NarrativeRecord fresh = new RecordSource(db()).foldNow(session(s.id));
    assertTrue(fresh.integrity().valid());
    assertEquals(fresh, stored, "the kept fold is the record, every part of it");
    assertEquals(session(s.id).head().hash(), doc.getString("hash"));
  }

  @Test
  @DisplayName("The same fold at the same head is not written again (a restart re-verifies every record); an altered one is")
  void sameFoldNotWrittenAgain() throws Exception {
    SessionScript s = Scenarios.oostMorning(facilitator);
    await().atMost(Duration.ofSeconds(60)).until(() -> {
      server.server().archiveCaches().prepare().toCompletionStage().toCompletableFuture().get();
      Document doc = kept(s.id);
      return doc != null && ((Number) doc.get("seq")).longValue() == session(s.id).head().seq();
    });
    // A mark that a new write of the document would lose.
    db().collection(RecordFolds.COLLECTION).updateOne(eq("_id", s.id), new Document("$set", new Document("mark", 1)));
    RecordFolds folds = new RecordFolds(db());
    NarrativeRecord record = new RecordSource(db()).foldNow(session(s.id));
    folds.keepNow(folds.ticket(), record);
    assertEquals(1, kept(s.id).get("mark"), "the same bytes at the same head: not written again");
    assertTrue(folds.verifiedAt(s.id, record.head()), "yet verified by this process");

    db().collection(RecordFolds.COLLECTION).updateOne(eq("_id", s.id),
        new Document("$set", new Document("gz", new Binary(new byte[] {1, 2, 3}))));
    folds.keepNow(folds.ticket(), record);
    assertNull(kept(s.id).get("mark"), "other bytes at the same head: written from the events");
    assertEquals(record, RecordFolds.decode(((Binary) kept(s.id).get("gz")).getData()));
  }

  @Test
  @DisplayName("After a restart the page from the kept fold is the page from the events; forget deletes the kept fold")
  void samePageAfterARestart() throws Exception {
    SessionScript s = Scenarios.oostMorning(facilitator);
    String before = page(s.id);
    await().atMost(Duration.ofSeconds(30)).until(() -> kept(s.id) != null);
    server.restart();
    admin = server.login();
    // The restart trusts nothing kept: the preparer verifies the record again first.
    await().atMost(Duration.ofSeconds(60)).until(() -> server.server().archiveCaches().prepare()
        .toCompletionStage().toCompletableFuture().get() == 0);
    String after = page(s.id);
    assertEquals(before, after);

    assertNotNull(kept(s.id));
    server.server().archiveCaches().forget(s.id).toCompletionStage().toCompletableFuture().get();
    assertNull(kept(s.id), "forget completes once the kept fold is gone from the store");
  }
}
