package nl.dialoogtafel.record;

import io.vertx.core.json.JsonObject;
import java.util.Optional;
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
 * What stays of a stored event whose words are erased — a post its author withdrew, or what a
 * person erased on request wrote: who, where and when, never the words. The hashes stay, so the
 * chain still verifies. A fold over the typed event: what stays is built from its ids.
 */
public final class Redaction {

  private static final WhatStays WHAT_STAYS = new WhatStays();

  private Redaction() {}

  /**
   * The data that stays of this event once its words are erased; empty when the event holds no
   * participant's words (there is nothing to erase, the event stays as it is).
   */
  public static Optional<JsonObject> remaining(SessionEvent event) {
    return event.accept(WHAT_STAYS);
  }

  /** The marker an erased event carries: when, and why ({@code withdrawn} or {@code erased}). */
  public static JsonObject marker(String at, String reason) {
    return new JsonObject().put("at", at).put("reason", reason);
  }

  /** Per event: which words a participant wrote there, and what stays without them. */
  private static final class WhatStays implements SessionEvent.Cases<Optional<JsonObject>> {

    private static final Optional<JsonObject> NO_WORDS = Optional.empty();

    @Override
    public Optional<JsonObject> on(PostAdded e) {
      return Optional.of(new JsonObject().put("post", new JsonObject().put("id", e.postId())
          .put("kind", e.kind().wire()).put("phase", e.phaseId())
          .put("author", new JsonObject().put("id", e.authorId()))));
    }

    @Override
    public Optional<JsonObject> on(RecognitionAdded e) {
      return Optional.of(new JsonObject().put("post", e.postId()).put("by", new JsonObject().put("id", e.byId())));
    }

    /** The note is private and kept with the contact notes, which are erased there. */
    @Override
    public Optional<JsonObject> on(ContactRequested e) {
      return NO_WORDS;
    }

    /** The facilitator's account of the session, not a participant's words. */
    @Override
    public Optional<JsonObject> on(HarvestAdded e) {
      return NO_WORDS;
    }

    /** The reason is the facilitator's, not the author's. */
    @Override
    public Optional<JsonObject> on(PostHidden e) {
      return NO_WORDS;
    }

    @Override
    public Optional<JsonObject> on(ParticipantJoined e) {
      return NO_WORDS;
    }

    @Override
    public Optional<JsonObject> on(PhaseStarted e) {
      return NO_WORDS;
    }

    @Override
    public Optional<JsonObject> on(PostWithdrawn e) {
      return NO_WORDS;
    }

    @Override
    public Optional<JsonObject> on(PostSpotlighted e) {
      return NO_WORDS;
    }

    @Override
    public Optional<JsonObject> on(ConnectionMade e) {
      return NO_WORDS;
    }

    @Override
    public Optional<JsonObject> on(SessionLocked e) {
      return NO_WORDS;
    }

    @Override
    public Optional<JsonObject> on(SessionReopened e) {
      return NO_WORDS;
    }

    @Override
    public Optional<JsonObject> on(SessionClosed e) {
      return NO_WORDS;
    }

    @Override
    public Optional<JsonObject> on(ParticipantErased e) {
      return NO_WORDS;
    }

    @Override
    public Optional<JsonObject> on(PostMarked e) {
      return NO_WORDS;
    }

    @Override
    public Optional<JsonObject> on(KioskViewSet e) {
      return NO_WORDS;
    }

    public Optional<JsonObject> on(PhaseClockSet e) {
      return NO_WORDS;
    }

    @Override
    public Optional<JsonObject> on(ContactDeclined e) {
      return NO_WORDS;
    }

    @Override
    public Optional<JsonObject> on(PostRestored e) {
      return NO_WORDS;
    }

    @Override
    public Optional<JsonObject> on(ModerationSet e) {
      return NO_WORDS;
    }

    @Override
    public Optional<JsonObject> on(PostQueued e) {
      return NO_WORDS;
    }

    @Override
    public Optional<JsonObject> on(PostDeclined e) {
      return NO_WORDS;
    }

    @Override
    public Optional<JsonObject> on(PostUnqueued e) {
      return NO_WORDS;
    }
  }
}
