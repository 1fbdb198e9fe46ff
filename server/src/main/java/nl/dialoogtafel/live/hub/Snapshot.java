package nl.dialoogtafel.live.hub;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The session as a screen holds it after folding the public events 1..N: the same fold as
 * {@code web-assets/shared/record.js}, step for step, over the same wire form. A client that asks
 * for it gets this instead of replaying every event (protocol extension {@code snapshot}). Built
 * from what the room was sent, it cannot show more than the events do: no phone or e-mail, names
 * only where shown, no words of a withdrawn, hidden or erased post nor notes on it.
 *
 * <p>A join storm asks for it once per join, each at a new {@code seq}, with one more person each
 * time: each person is therefore encoded once and appended, and the posts and connections are
 * encoded again only when they changed, so a snapshot costs a copy of text, not an encoding of
 * the room.
 */
final class Snapshot {

  private final Map<String, JsonObject> participants = new LinkedHashMap<>();
  private final Map<String, JsonObject> posts = new LinkedHashMap<>();
  private final JsonArray connections = new JsonArray();
  private long seq;
  private Object phase;
  private String phaseStartedAt;
  private String state = "open";
  private String spotlight;
  private JsonObject harvest;
  private JsonObject kioskView;
  /** The current phase's clock, folded as the screens fold it (extension {@code phase.clock}). */
  private final ClockFold clock = new ClockFold();
  /** Extension: whether new posts wait for the facilitator ({@code moderation.set}). */
  private boolean moderation;
  private String encoded;
  /** The participants' wire form without brackets, appended per join; null after an erasure. */
  private StringBuilder encodedPeople = new StringBuilder();
  private String encodedPosts;
  private String encodedConnections;

  /** Folds the next public event, in its wire form ({@code {type:event, seq, at, name, data}}). */
  void apply(JsonObject event) {
    seq = event.getLong("seq");
    encoded = null;
    String at = event.getString("at");
    String name = event.getString("name");
    if (!name.equals("participant.joined")) {
      // Only a join leaves the wall as it was; anything else may change a post or the connections.
      encodedPosts = null;
      encodedConnections = null;
    }
    JsonObject data = event.getJsonObject("data", new JsonObject());
    clock.apply(name, data, seq, at, "locked".equals(state));
    switch (name) {
      case "participant.joined" -> {
        JsonObject person = data.getJsonObject("participant").copy();
        if (participants.put(person.getString("id"), person) != null) {
          encodedPeople = null;
        } else if (encodedPeople != null) {
          encodedPeople.append(encodedPeople.isEmpty() ? "" : ",").append(person.encode());
        }
      }
      case "phase.started" -> {
        phase = data.getValue("phase") instanceof JsonObject p ? p.copy() : data.getValue("phase");
        phaseStartedAt = at;
        spotlight = null; // a spotlight belongs to its phase (as in record.js)
      }
      case "post.added" -> {
        JsonObject post = data.getJsonObject("post").copy();
        post.put("seq", event.getLong("seq")).put("at", at).put("recognitions", new JsonArray())
            .put("removed", post.getString("removed"));
        posts.put(post.getString("id"), post);
      }
      case "post.withdrawn" -> remove(data.getString("post"), "withdrawn", null);
      case "post.hidden" -> remove(data.getString("post"), "hidden", data.getString("reason"));
      case "post.restored" -> restore(data);
      case "moderation.set" -> moderation = Boolean.TRUE.equals(data.getValue("queue"));
      case "post.spotlighted" -> spotlight = data.getString("post");
      case "post.marked" -> {
        JsonObject post = posts.get(data.getString("post"));
        if (post != null) {
          post.put("telling", !Boolean.FALSE.equals(data.getValue("telling")));
        }
      }
      case "recognition.added" -> {
        JsonObject post = posts.get(data.getString("post"));
        if (post != null) {
          post.getJsonArray("recognitions").add(new JsonObject().put("by", copy(data.getJsonObject("by")))
              .put("note", data.getValue("note")).put("at", at));
        }
      }
      case "connection.made" -> connections.add(new JsonObject().put("between", data.getJsonArray("between").copy())
          .put("at", at));
      case "participant.erased" -> erase(data.getJsonObject("participant").getString("id"));
      case "session.locked" -> state = "locked";
      case "session.reopened" -> state = "open";
      case "session.closed" -> state = "closed";
      case "harvest.added" -> harvest = new JsonObject().put("harvest", data.getValue("harvest"))
          .put("agreements", data.getValue("agreements")).put("at", at);
      case "kiosk.view" -> kioskView = KioskViewFold.next(kioskView, data, event.getLong("seq"));
      default -> { } // as record.js: an event the screens do not fold changes nothing
    }
  }

  private void remove(String postId, String why, String reason) {
    JsonObject post = posts.get(postId);
    if (post != null) {
      post.put("removed", why).put("removedReason", reason).putNull("title").putNull("text");
      // A note on the post may quote it, so it goes with it.
      for (Object item : post.getJsonArray("recognitions")) {
        ((JsonObject) item).putNull("note");
      }
    }
    if (postId != null && postId.equals(spotlight)) {
      spotlight = null;
    }
  }

  /** Extension: a hide undone; the words and notes come with the event (as in record.js). */
  private void restore(JsonObject data) {
    JsonObject post = posts.get(data.getString("post"));
    if (post == null || data.getValue("text") == null) {
      return;
    }
    post.put("title", data.getValue("title")).put("text", data.getValue("text")).putNull("removed")
        .putNull("removedReason");
    JsonArray notes = data.getJsonArray("notes", new JsonArray());
    for (Object item : post.getJsonArray("recognitions")) {
      JsonObject recognition = (JsonObject) item;
      JsonObject by = recognition.getJsonObject("by");
      for (Object n : notes) {
        JsonObject note = (JsonObject) n;
        if (by != null && by.getString("id").equals(note.getString("by"))) {
          recognition.put("note", note.getValue("note"));
        }
      }
    }
  }

  private void erase(String participantId) {
    JsonObject person = participants.get(participantId);
    if (person != null) {
      person.putNull("name").put("erased", true);
      encodedPeople = null;
    }
    for (JsonObject post : posts.values()) {
      JsonObject author = post.getJsonObject("author");
      if (author != null && participantId.equals(author.getString("id"))) {
        remove(post.getString("id"), "erased", null);
        post.put("author", author.copy().putNull("name"));
      }
      for (Object item : post.getJsonArray("recognitions")) {
        JsonObject recognition = (JsonObject) item;
        JsonObject by = recognition.getJsonObject("by");
        if (by != null && participantId.equals(by.getString("id"))) {
          recognition.put("by", by.copy().putNull("name")).putNull("note");
        }
      }
    }
  }

  private static JsonObject copy(JsonObject value) {
    return value == null ? null : value.copy();
  }

  long seq() {
    return seq;
  }

  /** The phase clock as the room was last shown it; null before the first phase. */
  ClockFold clock() {
    return clock;
  }

  /** The snapshot's wire form at the current {@code seq}, kept until the next event. */
  String encoded() {
    if (encoded == null) {
      if (encodedPeople == null) {
        encodedPeople = new StringBuilder();
        participants.values().forEach(p -> encodedPeople.append(encodedPeople.isEmpty() ? "" : ",").append(p.encode()));
      }
      if (encodedPosts == null) {
        encodedPosts = new JsonArray(posts.values().stream().map(Object.class::cast).toList()).encode();
      }
      if (encodedConnections == null) {
        encodedConnections = connections.encode();
      }
      String head = new JsonObject().put("seq", seq).put("state", state).put("phase", phase)
          .put("phaseStartedAt", phaseStartedAt).put("spotlight", spotlight).put("harvest", harvest)
          .put("kioskView", kioskView).put("clock", clock.wire()).put("moderation", moderation).encode();
      encoded = new StringBuilder(head.length() + encodedPeople.length() + encodedPosts.length()
          + encodedConnections.length() + 48)
          .append(head, 0, head.length() - 1)
          .append(",\"participants\":[").append(encodedPeople).append(']')
          .append(",\"posts\":").append(encodedPosts)
          .append(",\"connections\":").append(encodedConnections).append('}').toString();
    }
    return encoded;
  }
}
