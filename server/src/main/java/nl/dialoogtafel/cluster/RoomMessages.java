package nl.dialoogtafel.cluster;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.dialoogtafel.dialogue.Participant;
import nl.dialoogtafel.record.ContactNote;
import nl.dialoogtafel.record.StoredEvent;
import nl.dialoogtafel.record.WaitingNote;

/**
 * What an owner publishes to the nodes holding a session's connections: the events it stored, in
 * their stored form (so any event travels, whatever its type), with the public side of the people
 * who joined in them (name, organisation, role, the showName choice: what every screen of the room
 * sees; never contact details or tokens); or a contact note, which only its two people are sent; or
 * a waiting post's note (pre-moderation), which only its author is sent and the console lists.
 */
public final class RoomMessages {

  public static final String EVENTS = "events";
  public static final String NOTE = "note";
  public static final String WAITING = "waiting";

  private RoomMessages() {}

  public static JsonObject events(List<StoredEvent> events, List<Participant> joined) {
    JsonArray list = new JsonArray();
    events.forEach(e -> list.add(e.toJson()));
    JsonObject people = new JsonObject();
    joined.forEach(p -> people.put(p.id(), new JsonObject().put("name", p.name())
        .put("organisation", p.organisation()).put("role", p.role()).put("showName", p.showName())));
    return new JsonObject().put("kind", EVENTS).put("events", list).put("people", people);
  }

  public static List<StoredEvent> eventsOf(JsonObject message) {
    List<StoredEvent> events = new ArrayList<>();
    message.getJsonArray("events").forEach(e -> events.add(StoredEvent.fromJson((JsonObject) e)));
    return events;
  }

  public static Map<String, Participant> peopleOf(JsonObject message) {
    Map<String, Participant> people = new HashMap<>();
    message.getJsonObject("people").forEach(entry -> {
      JsonObject p = (JsonObject) entry.getValue();
      people.put(entry.getKey(), new Participant(entry.getKey(), p.getString("name"), p.getString("organisation"),
          p.getString("role"), p.getBoolean("showName", false)));
    });
    return people;
  }

  public static JsonObject note(ContactNote note) {
    return new JsonObject().put("kind", NOTE).put("id", note.id()).put("note", note.toJson());
  }

  public static ContactNote noteOf(JsonObject message) {
    return ContactNote.fromJson(message.getString("id"), message.getJsonObject("note"));
  }

  public static JsonObject waiting(WaitingNote note) {
    return new JsonObject().put("kind", WAITING).put("note", note.toJson());
  }

  public static WaitingNote waitingOf(JsonObject message) {
    return WaitingNote.fromJson(message.getJsonObject("note"));
  }
}
