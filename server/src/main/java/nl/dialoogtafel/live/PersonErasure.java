package nl.dialoogtafel.live;

import nl.dialoogtafel.record.Redaction;
import io.vertx.core.json.JsonObject;

/**
 * What erasing a person (on their request) does to events: which hold their words (those are
 * erased in the store, see {@link Redaction}), and the room's copy without their name and words.
 * Works on stored and on rendered events alike: both carry the ids in the same places.
 */
final class PersonErasure {

  static final String REASON = "erased";

  private PersonErasure() {}

  /** Whether this event holds words written by the person. */
  static boolean wroteBy(String name, JsonObject data, String participantId) {
    if (name.equals("post.added")) {
      return participantId.equals(data.getJsonObject("post").getJsonObject("author").getString("id"));
    }
    if (name.equals("recognition.added")) {
      return participantId.equals(data.getJsonObject("by").getString("id"));
    }
    return false;
  }

  /**
   * The room's copy of a rendered event with the person's name and words taken out, or null when
   * the event does not concern them.
   */
  static JsonObject withoutPerson(JsonObject event, String participantId) {
    JsonObject data = event.getJsonObject("data");
    switch (event.getString("name")) {
      case "participant.joined" -> {
        JsonObject person = data.getJsonObject("participant");
        if (!participantId.equals(person.getString("id"))) {
          return null;
        }
        person.putNull("name");
      }
      case "post.added" -> {
        JsonObject post = data.getJsonObject("post");
        if (!participantId.equals(post.getJsonObject("author").getString("id"))) {
          return null;
        }
        post.getJsonObject("author").putNull("name");
        post.putNull("title").putNull("text").put("removed", REASON);
      }
      case "recognition.added" -> {
        if (!participantId.equals(data.getJsonObject("by").getString("id"))) {
          return null;
        }
        data.getJsonObject("by").putNull("name");
        data.putNull("note");
      }
      default -> {
        return null;
      }
    }
    return event;
  }
}
