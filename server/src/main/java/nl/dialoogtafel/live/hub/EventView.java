package nl.dialoogtafel.live.hub;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.dialoogtafel.dialogue.Participant;
import nl.dialoogtafel.dialogue.Phase;
import nl.dialoogtafel.dialogue.PostState;
import nl.dialoogtafel.dialogue.SessionEvent;
import nl.dialoogtafel.dialogue.SessionEvent.ConnectionMade;
import nl.dialoogtafel.dialogue.SessionEvent.ContactDeclined;
import nl.dialoogtafel.dialogue.SessionEvent.ContactRequested;
import nl.dialoogtafel.dialogue.SessionEvent.HarvestAdded;
import nl.dialoogtafel.dialogue.SessionEvent.ParticipantErased;
import nl.dialoogtafel.dialogue.SessionEvent.ParticipantJoined;
import nl.dialoogtafel.dialogue.SessionEvent.PhaseStarted;
import nl.dialoogtafel.dialogue.SessionEvent.PostAdded;
import nl.dialoogtafel.dialogue.SessionEvent.PostHidden;
import nl.dialoogtafel.dialogue.SessionEvent.PostMarked;
import nl.dialoogtafel.dialogue.SessionEvent.KioskViewSet;
import nl.dialoogtafel.dialogue.SessionEvent.PhaseClockSet;
import nl.dialoogtafel.dialogue.SessionEvent.PostUnqueued;
import nl.dialoogtafel.dialogue.SessionEvent.PostDeclined;
import nl.dialoogtafel.dialogue.SessionEvent.PostQueued;
import nl.dialoogtafel.dialogue.SessionEvent.ModerationSet;
import nl.dialoogtafel.dialogue.SessionEvent.PostRestored;
import nl.dialoogtafel.dialogue.SessionEvent.PostSpotlighted;
import nl.dialoogtafel.dialogue.SessionEvent.PostWithdrawn;
import nl.dialoogtafel.dialogue.SessionEvent.RecognitionAdded;
import nl.dialoogtafel.dialogue.SessionEvent.SessionClosed;
import nl.dialoogtafel.dialogue.SessionEvent.SessionLocked;
import nl.dialoogtafel.dialogue.SessionEvent.SessionReopened;
import nl.dialoogtafel.dialogue.SessionState;
import nl.dialoogtafel.record.EventCodec;
import nl.dialoogtafel.record.SessionInfo;
import nl.dialoogtafel.record.StoredEvent;

/**
 * How the room sees the record: stored events with people filled in by the names they allowed,
 * and the words of a withdrawn or hidden post left out, with the recognition notes on it. Never a phone number or e-mail address.
 * The wire form is folded from the typed event, so a new event does not compile until it has one.
 */
public final class EventView {

  private EventView() {}

  /** The {@code event} message for one stored event, as every connection receives it. */
  public static JsonObject render(StoredEvent stored, SessionState state) {
    // Names are read from the state below, so the decoded event needs no people.
    return render(stored, EventCodec.fromStored(stored, state.participants()), state);
  }

  /**
   * The {@code event} message for a stored event already decoded. Public events only: a private
   * one ({@code contact.*}) is never part of the record and is refused.
   */
  public static JsonObject render(StoredEvent stored, SessionEvent event, SessionState state) {
    return new JsonObject().put("type", "event").put("seq", stored.seq()).put("at", stored.at())
        .put("name", stored.name()).put("data", event.accept(new Data(stored, state)));
  }

  /** The {@code data} of one event on the wire; events that name nobody go out as stored. */
  private record Data(StoredEvent stored, SessionState state) implements SessionEvent.Cases<JsonObject> {

    @Override
    public JsonObject on(ParticipantJoined e) {
      return new JsonObject().put("participant", person(e.participant().id(), state));
    }

    @Override
    public JsonObject on(PostAdded e) {
      JsonObject post = new JsonObject().put("id", e.postId()).put("kind", e.kind().wire())
          .put("title", e.title()).put("text", e.text()).put("phase", e.phaseId())
          .put("author", person(e.authorId(), state));
      PostState known = state.posts().get(e.postId());
      if (stored.isErased() || (known != null && !known.visible())) {
        post.putNull("title").putNull("text");
        post.put("removed", removal(known, state));
      }
      return new JsonObject().put("post", post);
    }

    /** The note goes with its writer's erasure, and with its post (withdrawn, hidden, erased): it may quote it. */
    @Override
    public JsonObject on(RecognitionAdded e) {
      PostState post = state.posts().get(e.postId());
      boolean postGone = post != null && !post.visible();
      return new JsonObject().put("post", e.postId()).put("by", person(e.byId(), state))
          .put("note", state.isErased(e.byId()) || postGone ? null : e.note());
    }

    @Override
    public JsonObject on(ConnectionMade e) {
      // The room sees which organisations met, never who or how to reach them.
      return new JsonObject().put("between", new JsonArray()
          .add(organisationOf(e.requesterId(), state)).add(organisationOf(e.accepterId(), state)));
    }

    @Override
    public JsonObject on(PhaseStarted e) {
      return stored.data();
    }

    @Override
    public JsonObject on(PostWithdrawn e) {
      return stored.data();
    }

    @Override
    public JsonObject on(PostHidden e) {
      return stored.data();
    }

    @Override
    public JsonObject on(PostSpotlighted e) {
      return stored.data();
    }

    @Override
    public JsonObject on(PostMarked e) {
      return stored.data();
    }

    @Override
    public JsonObject on(KioskViewSet e) {
      return stored.data();
    }

    public JsonObject on(PhaseClockSet e) {
      return stored.data();
    }

    @Override
    public JsonObject on(HarvestAdded e) {
      return stored.data();
    }

    @Override
    public JsonObject on(SessionLocked e) {
      return stored.data();
    }

    @Override
    public JsonObject on(SessionReopened e) {
      return stored.data();
    }

    @Override
    public JsonObject on(SessionClosed e) {
      return stored.data();
    }

    @Override
    public JsonObject on(ParticipantErased e) {
      return stored.data();
    }

    @Override
    public JsonObject on(ContactRequested e) {
      throw new IllegalArgumentException("not a public event: " + e.name());
    }

    @Override
    public JsonObject on(ContactDeclined e) {
      throw new IllegalArgumentException("not a public event: " + e.name());
    }

    /**
     * Extension: the post's words and the notes on it come back with the restore, since every
     * screen dropped them at the hide; left out again when the post leaves the wall once more.
     */
    @Override
    public JsonObject on(PostRestored e) {
      return stored.data().copy();
    }

    @Override
    public JsonObject on(ModerationSet e) {
      return stored.data();
    }

    @Override
    public JsonObject on(PostQueued e) {
      throw new IllegalArgumentException("not a public event: " + e.name());
    }

    @Override
    public JsonObject on(PostDeclined e) {
      throw new IllegalArgumentException("not a public event: " + e.name());
    }

    @Override
    public JsonObject on(PostUnqueued e) {
      throw new IllegalArgumentException("not a public event: " + e.name());
    }
  }

  private static JsonObject organisationOf(String participantId, SessionState state) {
    Participant p = state.participants().get(participantId);
    return new JsonObject().put("organisation", p == null ? null : p.organisation())
        .put("role", p == null ? null : p.role());
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
