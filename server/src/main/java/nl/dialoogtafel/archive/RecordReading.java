package nl.dialoogtafel.archive;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.dialoogtafel.archive.NarrativeRecord.Chapter;
import nl.dialoogtafel.archive.NarrativeRecord.Connection;
import nl.dialoogtafel.archive.NarrativeRecord.Harvest;
import nl.dialoogtafel.archive.NarrativeRecord.Person;
import nl.dialoogtafel.archive.NarrativeRecord.Removal;
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
import nl.dialoogtafel.record.StoredEvent;

/**
 * One pass over a record's events in seq order, gathering what {@link RecordFolder} tells: who
 * joined, the phases, the posts with their recognitions, the connections, the harvest and when
 * the session closed. Each case reads one event; the stored event it came from gives its time.
 */
final class RecordReading implements SessionEvent.Cases<RecordReading> {

  final Map<String, Participant> joined = new LinkedHashMap<>();
  final Map<String, Chapter> chapters = new LinkedHashMap<>();
  final Map<String, String> phaseTitles = new HashMap<>();
  final Map<String, PostDraft> posts = new LinkedHashMap<>();
  final List<Connection> connections = new ArrayList<>();
  Harvest harvest;
  String closedAt;
  private final Map<String, Removal> removals;
  private StoredEvent stored;

  RecordReading(Map<String, Removal> removals) {
    this.removals = removals;
  }

  RecordReading read(RecordFolder.Read read) {
    stored = read.stored();
    return read.event().accept(this);
  }

  @Override
  public RecordReading on(ParticipantJoined e) {
    joined.put(e.participant().id(), e.participant());
    return this;
  }

  @Override
  public RecordReading on(PhaseStarted e) {
    phaseTitles.putIfAbsent(e.phase().id(), e.phase().title());
    chapters.putIfAbsent(e.phase().id(), new Chapter(e.phase().id(), e.phase().title(), e.phase().prompt(),
        stored.at(), new ArrayList<>(), 0));
    return this;
  }

  /** Removal wins: a post removed anywhere in the record keeps no words here, even if still stored. */
  @Override
  public RecordReading on(PostAdded e) {
    Removal removal = removals.get(e.postId());
    posts.put(e.postId(), new PostDraft(e.postId(), stored.seq(), e.kind().wire(), e.phaseId(),
        removal == null ? e.title() : null, removal == null ? e.text() : null, e.authorId(), stored.at(), removal));
    return this;
  }

  @Override
  public RecordReading on(RecognitionAdded e) {
    PostDraft post = posts.get(e.postId());
    if (post != null) {
      // Whether the note had words that were taken out: still there, or erased in the store.
      boolean hadWords = e.note() != null || stored.isErased();
      post.recognitions.add(new String[] {e.byId(), e.note(), stored.at(), hadWords ? "words" : null});
    }
    return this;
  }

  @Override
  public RecordReading on(PostSpotlighted e) {
    PostDraft post = posts.get(e.postId());
    if (post != null) {
      post.spotlighted = true;
    }
    return this;
  }

  @Override
  public RecordReading on(PostMarked e) {
    PostDraft post = posts.get(e.postId());
    if (post != null) {
      post.telling = e.telling();
    }
    return this;
  }

  /** What the projector showed is not part of the account of the session. */
  @Override
  public RecordReading on(KioskViewSet e) {
    return this;
  }

  @Override
  public RecordReading on(PhaseClockSet e) {
    return this; // the narrative record tells what was said, not how the time was kept
  }

  @Override
  public RecordReading on(ConnectionMade e) {
    Person a = RecordFolder.person(joined.get(e.requesterId()));
    Person b = RecordFolder.person(joined.get(e.accepterId()));
    connections.add(new Connection(a, b, stored.at(), !RecordFolder.sameOrganisation(a, b)));
    return this;
  }

  @Override
  public RecordReading on(HarvestAdded e) {
    harvest = new Harvest(e.harvest(), e.agreements(), stored.at());
    return this;
  }

  /** The first closing counts; a record closes once, but the fold does not rely on it. */
  @Override
  public RecordReading on(SessionClosed e) {
    closedAt = closedAt == null ? stored.at() : closedAt;
    return this;
  }

  /** Already told by {@link PostRemovals}, read before this pass. */
  @Override
  public RecordReading on(PostWithdrawn e) {
    return this;
  }

  /** Already told by {@link PostRemovals}, read before this pass. */
  @Override
  public RecordReading on(PostHidden e) {
    return this;
  }

  /** The person's name is already gone from {@code people}; their posts carry the erased marker. */
  @Override
  public RecordReading on(ParticipantErased e) {
    return this;
  }

  @Override
  public RecordReading on(SessionLocked e) {
    return this;
  }

  @Override
  public RecordReading on(SessionReopened e) {
    return this;
  }

  /** Private events are not in the record; nothing to tell. */
  @Override
  public RecordReading on(ContactRequested e) {
    return this;
  }

  /** Private events are not in the record; nothing to tell. */
  @Override
  public RecordReading on(ContactDeclined e) {
    return this;
  }

  /** {@link PostRemovals} has already taken the undone hide out of the removals. */
  @Override
  public RecordReading on(PostRestored e) {
    return this;
  }

  @Override
  public RecordReading on(ModerationSet e) {
    return this;
  }

  @Override
  public RecordReading on(PostQueued e) {
    return this;
  }

  @Override
  public RecordReading on(PostDeclined e) {
    return this;
  }

  @Override
  public RecordReading on(PostUnqueued e) {
    return this;
  }
}
