package nl.dialoogtafel.record;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.dialoogtafel.dialogue.Participant;
import nl.dialoogtafel.dialogue.Phase;
import nl.dialoogtafel.dialogue.PostKind;
import nl.dialoogtafel.dialogue.SessionEvent;
import nl.dialoogtafel.dialogue.SessionEvent.ConnectionMade;
import nl.dialoogtafel.dialogue.SessionEvent.HarvestAdded;
import nl.dialoogtafel.dialogue.SessionEvent.ParticipantJoined;
import nl.dialoogtafel.dialogue.SessionEvent.PhaseStarted;
import nl.dialoogtafel.dialogue.SessionEvent.PostAdded;
import nl.dialoogtafel.dialogue.SessionEvent.PostHidden;
import nl.dialoogtafel.dialogue.SessionEvent.ParticipantErased;
import nl.dialoogtafel.dialogue.SessionEvent.PostMarked;
import nl.dialoogtafel.dialogue.SessionEvent.PostSpotlighted;
import nl.dialoogtafel.dialogue.SessionEvent.PostWithdrawn;
import nl.dialoogtafel.dialogue.SessionEvent.RecognitionAdded;
import nl.dialoogtafel.dialogue.SessionEvent.SessionClosed;
import nl.dialoogtafel.dialogue.SessionEvent.SessionLocked;
import nl.dialoogtafel.dialogue.SessionEvent.SessionReopened;

/**
 * Public events to and from their stored form. People appear by id only: names live with the
 * participant, so erasing a person never touches the sealed record.
 */
public final class EventCodec {

  private EventCodec() {}

  public static JsonObject toData(SessionEvent event) {
    if (event instanceof ParticipantJoined e) {
      Participant p = e.participant();
      return new JsonObject().put("participant",
          new JsonObject().put("id", p.id()).put("organisation", p.organisation()).put("role", p.role()));
    } else if (event instanceof PhaseStarted e) {
      return new JsonObject().put("phase", phase(e.phase()));
    } else if (event instanceof PostAdded e) {
      return new JsonObject().put("post", new JsonObject()
          .put("id", e.postId()).put("kind", e.kind().wire()).put("title", e.title()).put("text", e.text())
          .put("phase", e.phaseId()).put("author", new JsonObject().put("id", e.authorId())));
    } else if (event instanceof PostWithdrawn e) {
      return new JsonObject().put("post", e.postId());
    } else if (event instanceof PostHidden e) {
      return new JsonObject().put("post", e.postId()).put("reason", e.reason());
    } else if (event instanceof PostSpotlighted e) {
      return new JsonObject().put("post", e.postId());
    } else if (event instanceof RecognitionAdded e) {
      return new JsonObject().put("post", e.postId()).put("by", new JsonObject().put("id", e.byId()))
          .put("note", e.note());
    } else if (event instanceof ConnectionMade e) {
      return new JsonObject().put("request", e.requestId()).put("between", new JsonArray()
          .add(new JsonObject().put("id", e.requesterId()))
          .add(new JsonObject().put("id", e.accepterId())));
    } else if (event instanceof SessionLocked || event instanceof SessionReopened || event instanceof SessionClosed) {
      return new JsonObject();
    } else if (event instanceof HarvestAdded e) {
      return new JsonObject().put("harvest", e.harvest()).put("agreements", e.agreements());
    } else if (event instanceof PostMarked e) {
      return new JsonObject().put("post", e.postId()).put("telling", e.telling());
    } else if (event instanceof ParticipantErased e) {
      return new JsonObject().put("participant", new JsonObject().put("id", e.participantId()));
    }
    throw new IllegalArgumentException("not a public event: " + event.name());
  }

  /** Rebuilds the domain event; {@code people} supplies names kept outside the record. */
  public static SessionEvent fromStored(StoredEvent stored, Map<String, Participant> people) {
    JsonObject d = stored.data();
    switch (stored.name()) {
      case "participant.joined": {
        JsonObject p = d.getJsonObject("participant");
        Participant known = people.get(p.getString("id"));
        return new ParticipantJoined(new Participant(p.getString("id"),
            known == null ? null : known.name(), p.getString("organisation"), p.getString("role"),
            known != null && known.showName()));
      }
      case "phase.started":
        return new PhaseStarted(phase(d.getJsonObject("phase")));
      case "post.added": {
        JsonObject p = d.getJsonObject("post");
        return new PostAdded(p.getString("id"), PostKind.fromWire(p.getString("kind")).orElseThrow(),
            p.getString("title"), p.getString("text"), p.getString("phase"),
            p.getJsonObject("author").getString("id"));
      }
      case "post.withdrawn":
        return new PostWithdrawn(d.getString("post"));
      case "post.hidden":
        return new PostHidden(d.getString("post"), d.getString("reason"));
      case "post.spotlighted":
        return new PostSpotlighted(d.getString("post"));
      case "recognition.added":
        return new RecognitionAdded(d.getString("post"), d.getJsonObject("by").getString("id"), d.getString("note"));
      case "connection.made": {
        JsonArray between = d.getJsonArray("between");
        return new ConnectionMade(d.getString("request"), between.getJsonObject(0).getString("id"),
            between.getJsonObject(1).getString("id"));
      }
      case "session.locked":
        return new SessionLocked();
      case "session.reopened":
        return new SessionReopened();
      case "session.closed":
        return new SessionClosed();
      case "harvest.added":
        return new HarvestAdded(d.getString("harvest"), d.getString("agreements"));
      case "post.marked":
        return new PostMarked(d.getString("post"), d.getBoolean("telling", true));
      case "participant.erased":
        return new ParticipantErased(d.getJsonObject("participant").getString("id"));
      default:
        throw new IllegalArgumentException("unknown stored event " + stored.name());
    }
  }

  public static JsonObject phase(Phase phase) {
    JsonArray kinds = new JsonArray();
    phase.kinds().forEach(k -> kinds.add(k.wire()));
    return new JsonObject().put("id", phase.id()).put("title", phase.title()).put("prompt", phase.prompt())
        .put("kinds", kinds).put("minutes", phase.minutes());
  }

  public static Phase phase(JsonObject json) {
    List<PostKind> kinds = new ArrayList<>();
    for (Object k : json.getJsonArray("kinds", new JsonArray())) {
      PostKind.fromWire(String.valueOf(k)).ifPresent(kinds::add);
    }
    return new Phase(json.getString("id"), json.getString("title"), json.getString("prompt"), kinds,
        json.getInteger("minutes", 0));
  }
}
