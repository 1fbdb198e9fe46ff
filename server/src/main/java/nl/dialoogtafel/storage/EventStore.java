package nl.dialoogtafel.storage;

import nl.dialoogtafel.record.StoredEvent;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * The append-only session record. Each event's {@code _id} is its session plus the idempotency
 * key of the command that caused it, and {@code (session, seq)} is unique: a re-sent command and
 * a second writer both fail on a key instead of storing twice.
 */
public final class EventStore {

  private final Database db;
  private final RecordRewrites rewrites;
  private final AppendWatch appends;

  public EventStore(Database db) {
    this(db, RecordRewrites.NONE);
  }

  public EventStore(Database db, RecordRewrites rewrites) {
    this(db, rewrites, AppendWatch.NONE);
  }

  /** {@code appends} hears how long each append took and what it stored (the node's metrics). */
  public EventStore(Database db, RecordRewrites rewrites, AppendWatch appends) {
    this.db = db;
    this.rewrites = rewrites;
    this.appends = appends;
  }

  /** Stores the events in order; the future completes once they are durable. */
  public Future<Void> append(List<StoredEvent> events) {
    List<Document> docs = new ArrayList<>(events.size());
    for (StoredEvent event : events) {
      docs.add(document(event));
    }
    long start = System.nanoTime();
    return db.<Void>call(() -> {
      db.collection(Database.EVENTS).insertMany(docs, new InsertManyOptions().ordered(true));
      return null;
    }).onComplete(done -> {
      if (done.succeeded()) {
        appends.appended(events, System.nanoTime() - start);
      } else {
        appends.failed(System.nanoTime() - start);
      }
    });
  }

  /**
   * The document an event is stored as: its key, its seq and its slot ({@link EventSlots}). Public
   * so a bulk writer (the archive benchmark's seeder) stores exactly what {@link #append} stores.
   */
  public static Document document(StoredEvent event) {
    Document doc = Documents.toDocument(event.toJson());
    doc.put("_id", event.session() + ":" + event.key());
    doc.put("seq", event.seq());
    doc.put(EventSlots.FIELD, EventSlots.of(event.session(), event.seq()));
    return doc;
  }

  /** The events with {@code after < seq <= upTo}, in order. */
  public Future<List<StoredEvent>> load(String session, long after, long upTo) {
    return db.call(() -> {
      List<StoredEvent> events = new ArrayList<>();
      for (Document doc : EventSlots.read(db.collection(Database.EVENTS), session, after, upTo)) {
        events.add(StoredEvent.fromJson(Documents.toJson(doc)));
      }
      return events;
    });
  }

  public Future<List<StoredEvent>> loadAll(String session) {
    return load(session, 0, Long.MAX_VALUE);
  }

  /**
   * Removes the content of several events with one write; the hashes stay so the chain still
   * verifies, and an event already erased (a withdrawn post) keeps its first marker. Completes once
   * the archive has let go of what it folded from the old content — also when no event changed,
   * since an erasure takes a name out of what the archive shows as well.
   */
  public Future<Void> eraseAll(String session, Map<Long, JsonObject> remainingBySeq, JsonObject erased) {
    List<UpdateOneModel<Document>> updates = new ArrayList<>();
    remainingBySeq.forEach((seq, remaining) -> updates.add(new UpdateOneModel<>(
        and(eq(EventSlots.FIELD, EventSlots.of(session, seq)), Filters.exists("erased", false)),
        Updates.combine(Updates.set("data", Documents.toDocument(remaining)),
            Updates.set("erased", Documents.toDocument(erased))))));
    return db.<Void>call(() -> {
      if (!updates.isEmpty()) {
        db.collection(Database.EVENTS).bulkWrite(updates);
      }
      return null;
    }).compose(v -> rewrites.rewritten(session));
  }

  /** Removes one event's content on request (see {@link #eraseAll}). */
  public Future<Void> erase(String session, long seq, JsonObject remainingData, JsonObject erased) {
    return eraseAll(session, Map.of(seq, remainingData), erased);
  }
}
