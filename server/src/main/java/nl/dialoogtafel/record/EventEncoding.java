package nl.dialoogtafel.record;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.dialoogtafel.dialogue.KioskView;
import nl.dialoogtafel.dialogue.Participant;
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

/**
 * The stored data of each public event, as {@link EventCodec#toData} writes it. The content hash
 * is taken over this form (keys sorted), so a change here changes every future record and must be
 * mirrored in the decoding table.
 */
final class EventEncoding implements SessionEvent.Cases<JsonObject> {

  static final EventEncoding INSTANCE = new EventEncoding();

  private EventEncoding() {}

  @Override
  public JsonObject on(ParticipantJoined e) {
    Participant p = e.participant();
    return new JsonObject().put("participant",
        new JsonObject().put("id", p.id()).put("organisation", p.organisation()).put("role", p.role()));
  }

  @Override
  public JsonObject on(PhaseStarted e) {
    return new JsonObject().put("phase", EventCodec.phase(e.phase()));
  }

  @Override
  public JsonObject on(PostAdded e) {
    return new JsonObject().put("post", new JsonObject()
        .put("id", e.postId()).put("kind", e.kind().wire()).put("title", e.title()).put("text", e.text())
        .put("phase", e.phaseId()).put("author", new JsonObject().put("id", e.authorId())));
  }

  @Override
  public JsonObject on(PostWithdrawn e) {
    return new JsonObject().put("post", e.postId());
  }

  @Override
  public JsonObject on(PostHidden e) {
    return new JsonObject().put("post", e.postId()).put("reason", e.reason());
  }

  @Override
  public JsonObject on(PostSpotlighted e) {
    return new JsonObject().put("post", e.postId());
  }

  @Override
  public JsonObject on(RecognitionAdded e) {
    return new JsonObject().put("post", e.postId()).put("by", new JsonObject().put("id", e.byId()))
        .put("note", e.note());
  }

  @Override
  public JsonObject on(ConnectionMade e) {
    return new JsonObject().put("request", e.requestId()).put("between", new JsonArray()
        .add(new JsonObject().put("id", e.requesterId()))
        .add(new JsonObject().put("id", e.accepterId())));
  }

  @Override
  public JsonObject on(SessionLocked e) {
    return new JsonObject();
  }

  @Override
  public JsonObject on(SessionReopened e) {
    return new JsonObject();
  }

  @Override
  public JsonObject on(SessionClosed e) {
    return new JsonObject();
  }

  @Override
  public JsonObject on(HarvestAdded e) {
    return new JsonObject().put("harvest", e.harvest()).put("agreements", e.agreements());
  }

  @Override
  public JsonObject on(ParticipantErased e) {
    return new JsonObject().put("participant", new JsonObject().put("id", e.participantId()));
  }

  @Override
  public JsonObject on(PostMarked e) {
    return new JsonObject().put("post", e.postId()).put("telling", e.telling());
  }

  @Override
  public JsonObject on(KioskViewSet e) {
    KioskView v = e.view();
    return new JsonObject().put("join", v.join()).put("counts", v.counts()).put("frozen", v.frozen())
        .put("post", v.post()).put("theme", v.theme()).put("order", v.order()).put("totals", v.totals());
  }

  public JsonObject on(PhaseClockSet e) {
    JsonObject data = new JsonObject().put("phase", e.phaseId()).put("action", e.action());
    if (e.minutes() != null) {
      data.put("minutes", e.minutes());
    }
    return data.put("left", e.left()).put("running", e.running());
  }

  /** Private: kept with the contact notes, never in the public record. */
  @Override
  public JsonObject on(ContactRequested e) {
    throw notPublic(e);
  }

  /** Private: kept with the contact notes, never in the public record. */
  @Override
  public JsonObject on(ContactDeclined e) {
    throw notPublic(e);
  }

  @Override
  public JsonObject on(PostRestored e) {
    return new JsonObject().put("post", e.postId());
  }

  @Override
  public JsonObject on(ModerationSet e) {
    return new JsonObject().put("queue", e.queue());
  }

  @Override
  public JsonObject on(PostQueued e) {
    throw notPublic(e);
  }

  @Override
  public JsonObject on(PostDeclined e) {
    throw notPublic(e);
  }

  @Override
  public JsonObject on(PostUnqueued e) {
    throw notPublic(e);
  }

  private static IllegalArgumentException notPublic(SessionEvent e) {
    return new IllegalArgumentException("not a public event: " + e.name());
  }
}
