package nl.dialoogtafel.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.model.Indexes;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The embedded store holds only unique indexes: a secondary one does nothing there but makes every
 * opening of the store walk its collection twice (BENCHMARKS, issue 11 part H).
 */
@Timeout(60)
class EmbeddedIndexesTest {

  private Vertx vertx;
  private Path dir;

  @BeforeEach
  void open() throws Exception {
    vertx = Vertx.vertx();
    dir = Files.createTempDirectory("dialoogtafel-indexes");
  }

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static List<String> indexes(Database db, String collection) {
    List<String> names = new ArrayList<>();
    for (Document index : db.collection(collection).listIndexes()) {
      names.add(index.getString("name"));
    }
    names.sort(null);
    return names;
  }

  @Test
  @DisplayName("The embedded store has no secondary index, and a store made with them drops them once")
  void onlyUniqueIndexes() throws Exception {
    try (Database db = Database.open(vertx, Optional.empty(), dir)) {
      assertEquals(List.of("_id_", "code_1"), indexes(db, Database.SESSIONS));
      assertEquals(List.of("_id_", "tokenHash_1"), indexes(db, Database.PARTICIPANTS));
      assertEquals(List.of("_id_", "requestKey_1"), indexes(db, Database.CONTACTS));
      assertEquals(List.of("_id_", "session_1_seq_1", "slot_1"), indexes(db, Database.EVENTS));
      // As a store made before this change holds them:
      db.collection(Database.SESSIONS).createIndex(Indexes.ascending("owner"));
      db.collection(Database.PARTICIPANTS).createIndex(Indexes.ascending("session"));
      db.collection(Database.CONTACTS).createIndex(Indexes.ascending("session"));
      db.collection(Database.TOKENS).createIndex(Indexes.ascending("account"));
    }
    try (Database db = Database.open(vertx, Optional.empty(), dir)) {
      assertEquals(List.of("_id_"), indexes(db, Database.TOKENS));
      assertEquals(List.of("_id_", "code_1"), indexes(db, Database.SESSIONS));
      assertEquals(List.of("_id_", "tokenHash_1"), indexes(db, Database.PARTICIPANTS));
      assertEquals(List.of("_id_", "requestKey_1"), indexes(db, Database.CONTACTS));
    }
  }
}
