package nl.dialoogtafel.storage;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.bson.Document;

/**
 * The one door to MongoDB. The driver is the synchronous one, and every call runs on a worker
 * pool through {@link #call}: an event loop never waits on the database.
 */
public final class Database implements AutoCloseable {

  public static final String EVENTS = "events";
  public static final String SESSIONS = "sessions";
  public static final String PARTICIPANTS = "participants";
  public static final String CONTACTS = "contacts";
  public static final String ACCOUNTS = "accounts";
  public static final String TOKENS = "tokens";
  public static final String META = "meta";

  private final MongoClient client;
  private final MongoDatabase db;
  private final WorkerExecutor worker;
  private final EmbeddedMongo embedded;
  /** Read-held by every call, write-held while the embedded store's file is rewritten. */
  private final ReentrantReadWriteLock rewriting = new ReentrantReadWriteLock();
  private String joinSecret;

  private Database(MongoClient client, MongoDatabase db, WorkerExecutor worker, EmbeddedMongo embedded) {
    this.client = client;
    this.db = db;
    this.worker = worker;
    this.embedded = embedded;
  }

  /** Blocking: call at start-up, before any verticle runs. */
  /** With a MongoDB URI that database; without one the embedded store in {@code dataDir}. */
  public static Database open(Vertx vertx, Optional<String> mongoUri, Path dataDir) throws IOException {
    EmbeddedMongo embedded = null;
    String uri;
    if (mongoUri.isPresent()) {
      uri = mongoUri.get();
    } else {
      embedded = EmbeddedMongo.start(dataDir);
      uri = embedded.connectionString();
    }
    ConnectionString connection = new ConnectionString(uri);
    MongoClientSettings.Builder builder = MongoClientSettings.builder()
        .applyConnectionString(connection)
        // Fail fast while the database is away, so a phone hears "not stored" instead of waiting.
        .applyToClusterSettings(c -> c.serverSelectionTimeout(3, TimeUnit.SECONDS))
        .applyToSocketSettings(s -> s.connectTimeout(3, TimeUnit.SECONDS).readTimeout(15, TimeUnit.SECONDS));
    if (embedded == null) {
      builder.writeConcern(WriteConcern.MAJORITY.withJournal(true));
    }
    MongoClient client = MongoClients.create(builder.build());
    String name = connection.getDatabase() == null ? "dialoogtafel" : connection.getDatabase();
    WorkerExecutor worker = vertx.createSharedWorkerExecutor("dialoogtafel-db", 16);
    Database database = new Database(client, client.getDatabase(name), worker, embedded);
    database.ensureIndexes();
    database.joinSecret = database.secret("join");
    return database;
  }

  /**
   * Runs blocking driver work on the database pool; the future completes on the caller's context.
   * While the embedded store's file is being rewritten the work waits for it (on the pool, never on
   * an event loop) instead of failing: a withdrawal rewrites the file too, mid-session.
   */
  public <T> Future<T> call(Callable<T> work) {
    try {
      return worker.executeBlocking(() -> {
        rewriting.readLock().lock();
        try {
          return work.call();
        } finally {
          rewriting.readLock().unlock();
        }
      }, false);
    } catch (RejectedExecutionException e) {
      // A timer that fires while the server shuts down: its work is not done, and says so quietly.
      return Future.failedFuture(new Closing());
    }
  }

  /** The answer to work asked of a database whose pool has shut down. */
  public static final class Closing extends IllegalStateException {
    Closing() {
      super("the database is closing", null);
    }
  }

  public MongoCollection<Document> collection(String name) {
    return db.getCollection(name);
  }

  /**
   * After an erasure or a withdrawal: on the embedded store, rewrites its file so no old version
   * keeps the words. Calls wait meanwhile, and until the driver has a connection to the store
   * serving again (its pooled ones went with the old server), so none fails for the rewrite.
   */
  public Future<Void> compactStorage() {
    if (embedded == null) {
      return Future.succeededFuture();
    }
    return worker.executeBlocking(() -> {
      rewriting.writeLock().lock();
      try {
        embedded.rewrite();
        reconnect();
      } finally {
        rewriting.writeLock().unlock();
      }
      return null;
    }, false);
  }

  /** The first command after the rewrite finds a dead pooled connection; the driver then starts afresh. */
  private void reconnect() {
    for (int attempt = 0; attempt < 5; attempt++) {
      try {
        db.runCommand(new Document("ping", 1));
        return;
      } catch (RuntimeException e) {
        // expected once: the driver drops the old connections and opens new ones
      }
    }
  }

  /** True on the embedded store, whose backup this server makes; false with MONGODB_URI. */
  public boolean embedded() {
    return embedded != null;
  }

  /**
   * On the embedded store: a consistent copy of it in {@code target}, made on the database pool
   * while the live sessions keep writing ({@link StoreBackup}). With MONGODB_URI the database's own
   * backup is the way, and this fails.
   */
  public Future<StoreBackup.Made> backup(Path target) {
    if (embedded == null) {
      return Future.failedFuture(new IllegalStateException("no embedded store"));
    }
    return call(() -> embedded.backup(target));
  }

  public Future<Void> ping() {
    return call(() -> {
      db.runCommand(new Document("ping", 1));
      return null;
    });
  }

  /** The secret from which repeated joins derive the same participant and token. */
  public String joinSecret() {
    return joinSecret;
  }

  /**
   * Blocking, for start-up: a random secret of this installation under the given name, made on
   * first use and kept in the database so every restart (and every node) derives the same values.
   */
  private String secret(String name) {
    Document found = collection(META).find(new Document("_id", "secret:" + name)).first();
    if (found != null) {
      return found.getString("value");
    }
    String value = nl.dialoogtafel.storage.Ids.secret();
    try {
      collection(META).insertOne(new Document("_id", "secret:" + name).append("value", value));
      return value;
    } catch (RuntimeException raced) {
      if (!Documents.isDuplicateKey(raced)) {
        throw raced;
      }
      return collection(META).find(new Document("_id", "secret:" + name)).first().getString("value");
    }
  }

  private void ensureIndexes() {
    IndexOptions unique = new IndexOptions().unique(true);
    // The optimistic lock of the record: two writers can never both store seq N.
    collection(EVENTS).createIndex(Indexes.ascending("session", "seq"), unique);
    slotOlderEvents();
    collection(EVENTS).createIndex(Indexes.ascending(EventSlots.FIELD), unique);
    collection(SESSIONS).createIndex(Indexes.ascending("code"), unique);
    collection(PARTICIPANTS).createIndex(Indexes.ascending("tokenHash"), unique);
    collection(CONTACTS).createIndex(Indexes.ascending("requestKey"), unique);
    if (embedded == null) {
      collection(SESSIONS).createIndex(Indexes.ascending("owner"));
      collection(PARTICIPANTS).createIndex(Indexes.ascending("session"));
      collection(CONTACTS).createIndex(Indexes.ascending("session"));
      collection(TOKENS).createIndex(Indexes.ascending("account"));
    } else {
      dropSecondaryIndexes();
    }
  }

  /**
   * The embedded store keeps no secondary (non-unique) index: it answers such a query by walking
   * the collection anyway, yet it walks the whole collection twice for each one every time the
   * store is opened (23 s of a start at 20,000 sessions, BENCHMARKS issue 11 part I). So the
   * embedded store has none, and a store made before this drops them once.
   */
  private void dropSecondaryIndexes() {
    for (String name : List.of(SESSIONS, PARTICIPANTS, CONTACTS, TOKENS)) {
      for (Document index : collection(name).listIndexes()) {
        Document key = index.get("key", Document.class);
        if (!Boolean.TRUE.equals(index.getBoolean("unique")) && key != null && !key.containsKey("_id")) {
          collection(name).dropIndex(index.getString("name"));
        }
      }
    }
  }

  /**
   * Blocking, at start-up: gives events stored before slots existed their {@code slot} (see
   * {@link EventSlots}), before the unique index on it is made. Done once per data folder: a mark
   * in {@code meta} spares later start-ups the walk over every event.
   */
  private void slotOlderEvents() {
    Document done = new Document("_id", "migration:event-slots");
    if (collection(META).find(done).first() != null) {
      return;
    }
    List<WriteModel<Document>> updates = new ArrayList<>();
    for (Document event : collection(EVENTS).find(Filters.exists(EventSlots.FIELD, false))
        .projection(Projections.include("session", "seq"))) {
      String slot = EventSlots.of(event.getString("session"), ((Number) event.get("seq")).longValue());
      updates.add(new UpdateOneModel<>(Filters.eq("_id", event.get("_id")), Updates.set(EventSlots.FIELD, slot)));
      if (updates.size() == 1000) {
        collection(EVENTS).bulkWrite(updates);
        updates.clear();
      }
    }
    if (!updates.isEmpty()) {
      collection(EVENTS).bulkWrite(updates);
    }
    // By id only: nodes of a cluster starting together on one store may both have walked; the first mark stays.
    try {
      collection(META).replaceOne(Filters.eq("_id", done.get("_id")),
          new Document("_id", done.get("_id")).append("at", java.time.Instant.now().toString()),
          new ReplaceOptions().upsert(true));
    } catch (RuntimeException raced) {
      if (!Documents.isDuplicateKey(raced)) {
        throw raced;
      }
    }
  }

  @Override
  public void close() {
    worker.close();
    client.close();
    if (embedded != null) {
      embedded.close();
    }
  }
}
