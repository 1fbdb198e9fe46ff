package nl.dialoogtafel.archive;

import static com.mongodb.client.model.Filters.eq;
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
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Reads whole records for the archive, fast: documents are turned into JSON objects directly
 * (no detour through a JSON string) and sorted here. Measured on the embedded store, which
 * scans the collection for every query whatever the indexes: reading 5,000 events this way took
 * a third of the time of the event store's general path, and many records are read in one scan.
 * Blocking: call on the database workers.
 */
final class StoredEvents {

  private StoredEvents() {}

  static List<StoredEvent> of(Database db, String session) {
    return read(db, eq("session", session)).getOrDefault(session, new ArrayList<>());
  }

  /** The records of many sessions with one query, by session, each in seq order. */
  static Map<String, List<StoredEvent>> of(Database db, Collection<String> sessions) {
    return read(db, in("session", sessions));
  }

  private static Map<String, List<StoredEvent>> read(Database db, Bson filter) {
    Map<String, List<StoredEvent>> bySession = new HashMap<>();
    for (Document doc : db.collection(Database.EVENTS).find(filter)) {
      Object erased = doc.get("erased");
      StoredEvent event = new StoredEvent(doc.getString("session"), ((Number) doc.get("seq")).longValue(),
          doc.getString("at"), doc.getString("name"), object((Document) doc.get("data")), doc.getString("key"),
          doc.getString("contentHash"), doc.getString("hash"), erased instanceof Document e ? object(e) : null);
      bySession.computeIfAbsent(event.session(), k -> new ArrayList<>()).add(event);
    }
    bySession.values().forEach(list -> list.sort(Comparator.comparingLong(StoredEvent::seq)));
    return bySession;
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
