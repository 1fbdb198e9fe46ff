package nl.dialoogtafel.live;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.dialoogtafel.dialogue.Participant;
import nl.dialoogtafel.dialogue.Phase;
import nl.dialoogtafel.dialogue.PostState;
import nl.dialoogtafel.dialogue.SessionState;
import nl.dialoogtafel.record.EventCodec;
import nl.dialoogtafel.record.SessionInfo;
import nl.dialoogtafel.record.StoredEvent;

/**
 * How the room sees the record: stored events with people filled in by the names they allowed,
 * and the words of a withdrawn or hidden post left out. Never a phone number or e-mail address.
 */
public final class EventView {

  private EventView() {}

  /** The {@code event} message for one stored event, as every connection receives it. */
  public static JsonObject render(StoredEvent stored, SessionState state) {
    return new JsonObject().put("type", "event").put("seq", stored.seq()).put("at", stored.at())
        .put("name", stored.name()).put("data", data(stored, state));
  }

  private static JsonObject data(StoredEvent stored, SessionState state) {
    JsonObject d = stored.data();
    switch (stored.name()) {
      case "participant.joined":
        return new JsonObject().put("participant", person(d.getJsonObject("participant").getString("id"), state));
      case "post.added": {
        JsonObject post = d.getJsonObject("post").copy();
        String id = post.getString("id");
        post.put("author", person(post.getJsonObject("author").getString("id"), state));
        PostState known = state.posts().get(id);
        if (stored.isErased() || (known != null && !known.visible())) {
          post.putNull("title").putNull("text");
          post.put("removed", removal(known, state));
        }
        return new JsonObject().put("post", post);
      }
      case "recognition.added":
        return new JsonObject().put("post", d.getString("post"))
            .put("by", person(d.getJsonObject("by").getString("id"), state))
            .put("note", state.isErased(d.getJsonObject("by").getString("id")) ? null : d.getString("note"));
      case "connection.made": {
        JsonArray between = new JsonArray();
        for (Object side : d.getJsonArray("between")) {
          Participant p = state.participants().get(((JsonObject) side).getString("id"));
          between.add(new JsonObject().put("organisation", p == null ? null : p.organisation())
              .put("role", p == null ? null : p.role()));
        }
        return new JsonObject().put("between", between);
      }
      default:
        // phase.started, post.withdrawn/hidden/spotlighted/marked, harvest.added, session.*: as stored.
        return d;
    }
  }

  /** Why a post's words are gone: erased with its author, withdrawn by them, or hidden by the facilitator. */
  private static String removal(PostState known, SessionState state) {
    if (known != null && state.isErased(known.authorId())) {
      return PersonErasure.REASON;
    }
    return known != null && known.hidden() && !known.withdrawn() ? "hidden" : "withdrawn";
  }

  /** A person as the public record shows them: the name only if they agreed. */
  public static JsonObject person(String id, SessionState state) {
    Participant p = state.participants().get(id);
    if (p == null) {
      return new JsonObject().put("id", id).putNull("name").putNull("organisation").putNull("role");
    }
    return new JsonObject().put("id", p.id()).put("name", p.publicName()).put("organisation", p.organisation())
        .put("role", p.role());
  }

  /** The session as {@code welcome} and {@code watching} describe it. */
  public static JsonObject session(SessionInfo info, SessionState state) {
    JsonArray phases = new JsonArray();
    for (Phase p : info.phases()) {
      phases.add(new JsonObject().put("id", p.id()).put("title", p.title()).put("minutes", p.minutes()));
    }
    JsonObject current = state.currentPhase().map(EventCodec::phase).orElse(null);
    return new JsonObject().put("id", info.id()).put("code", info.code()).put("title", info.title())
        .put("municipality", info.municipality())
        .put("community", info.community()).put("state", state.status().wire()).put("phase", current)
        .put("phases", phases);
  }
}
