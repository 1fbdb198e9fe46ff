package nl.dialoogtafel.archive;

import static com.mongodb.client.model.Filters.in;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.dialoogtafel.record.StoredEvent;
import nl.dialoogtafel.storage.Database;
import nl.dialoogtafel.storage.EventSlots;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Reads whole records for the archive, fast: documents are turned into JSON objects directly
 * (no detour through a JSON string) and sorted here. One record is read by its slots (an index
 * lookup per event); many records at once by their slots up to their heads, or in one scan of
 * the collection.
 * Blocking: call on the database workers.
 */
final class StoredEvents {

  /** Slots or ids asked at once, as the event store reads a record. */
  static final int READ_CHUNK = 512;

  private StoredEvents() {}

  /** One record, read by its slots (see {@link EventSlots}): it costs what the session holds. */
  static List<StoredEvent> of(Database db, String session) {
    return after(db, session, 0);
  }

  /** The events of one record after {@code seq}, by their slots: it costs what was added since. */
  static List<StoredEvent> after(Database db, String session, long seq) {
    List<StoredEvent> events = new ArrayList<>();
    for (Document doc : EventSlots.read(db.collection(Database.EVENTS), session, seq, Long.MAX_VALUE)) {
      events.add(event(doc));
    }
    return events;
  }

  /** The records of many sessions with one query, by session, each in seq order. */
  static Map<String, List<StoredEvent>> of(Database db, Collection<String> sessions) {
    return read(db, in("session", sessions));
  }

  /**
   * The records of many sessions by their slots up to each head seq, in chunks: it costs what
   * those sessions hold, not what the archive holds (a scan of every event per 200 records made the
   * first build of the search index over 20,000 sessions time out).
   */
  static Map<String, List<StoredEvent>> bySlots(Database db, Map<String, Long> heads) {
    List<String> slots = new ArrayList<>();
    heads.forEach((session, head) -> {
      for (long seq = 1; seq <= head; seq++) {
        slots.add(EventSlots.of(session, seq));
      }
    });
    Map<String, List<StoredEvent>> bySession = new HashMap<>();
    for (int from = 0; from < slots.size(); from += READ_CHUNK) {
      for (Document doc : db.collection(Database.EVENTS).find(in(EventSlots.FIELD,
          slots.subList(from, Math.min(slots.size(), from + READ_CHUNK))))) {
        StoredEvent event = event(doc);
        bySession.computeIfAbsent(event.session(), k -> new ArrayList<>()).add(event);
      }
    }
    bySession.values().forEach(list -> list.sort(Comparator.comparingLong(StoredEvent::seq)));
    return bySession;
  }

  private static Map<String, List<StoredEvent>> read(Database db, Bson filter) {
    Map<String, List<StoredEvent>> bySession = new HashMap<>();
    for (Document doc : db.collection(Database.EVENTS).find(filter)) {
      StoredEvent event = event(doc);
      bySession.computeIfAbsent(event.session(), k -> new ArrayList<>()).add(event);
    }
    bySession.values().forEach(list -> list.sort(Comparator.comparingLong(StoredEvent::seq)));
    return bySession;
  }

  private static StoredEvent event(Document doc) {
    Object erased = doc.get("erased");
    return new StoredEvent(doc.getString("session"), ((Number) doc.get("seq")).longValue(),
        doc.getString("at"), doc.getString("name"), object((Document) doc.get("data")), doc.getString("key"),
        doc.getString("contentHash"), doc.getString("hash"), erased instanceof Document e ? object(e) : null);
  }

  static JsonObject object(Document doc) {
    if (doc == null) {
      return null;
    }
    Map<String, Object> map = new LinkedHashMap<>();
    doc.forEach((key, value) -> map.put(key, value(value)));
    return new JsonObject(map);
  }

  private static Object value(Object value) {
    if (value instanceof Document d) {
      return object(d);
    }
    if (value instanceof List<?> list) {
      JsonArray array = new JsonArray();
      list.forEach(item -> array.add(value(item)));
      return array;
    }
    return value;
  }
}
