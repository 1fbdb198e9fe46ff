package nl.dialoogtafel.archive;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.dialoogtafel.archive.NarrativeRecord.Removal;
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
 * When and why each removed post left the wall; the first removal counts. Read before the story
 * is told, so a removal anywhere in the record keeps the post's words out of it, and the notes
 * about it too. A post whose words were erased in the store without such an event (its author
 * erased on request) counts as removed by the erased marker on its own event.
 */
final class PostRemovals implements SessionEvent.Cases<PostRemovals> {

  private final Map<String, Removal> byPost = new HashMap<>();
  private final Map<String, Removal> erasedInStore = new HashMap<>();
  private StoredEvent stored;

  static Map<String, Removal> of(List<RecordFolder.Read> events) {
    PostRemovals removals = new PostRemovals();
    for (RecordFolder.Read read : events) {
      removals.stored = read.stored();
      read.event().accept(removals);
    }
    // An event of the record that removed the post says more than the marker it left in the store.
    removals.erasedInStore.forEach(removals.byPost::putIfAbsent);
    return removals.byPost;
  }

  @Override
  public PostRemovals on(PostWithdrawn e) {
    byPost.putIfAbsent(e.postId(), new Removal("withdrawn", stored.at(), null));
    return this;
  }

  @Override
  public PostRemovals on(PostHidden e) {
    byPost.putIfAbsent(e.postId(), new Removal("hidden", stored.at(), e.reason()));
    return this;
  }

  @Override
  public PostRemovals on(ParticipantJoined e) {
    return this;
  }

  @Override
  public PostRemovals on(PhaseStarted e) {
    return this;
  }

  @Override
  public PostRemovals on(PostAdded e) {
    if (stored.isErased()) {
      erasedInStore.put(e.postId(), new Removal("erased", stored.erased().getString("at"),
          stored.erased().getString("reason")));
    }
    return this;
  }

  @Override
  public PostRemovals on(PostSpotlighted e) {
    return this;
  }

  @Override
  public PostRemovals on(RecognitionAdded e) {
    return this;
  }

  @Override
  public PostRemovals on(ConnectionMade e) {
    return this;
  }

  @Override
  public PostRemovals on(SessionLocked e) {
    return this;
  }

  @Override
  public PostRemovals on(SessionReopened e) {
    return this;
  }

  @Override
  public PostRemovals on(SessionClosed e) {
    return this;
  }

  @Override
  public PostRemovals on(HarvestAdded e) {
    return this;
  }

  /** The erased person's posts carry their own erased marker, read with {@code post.added}. */
  @Override
  public PostRemovals on(ParticipantErased e) {
    return this;
  }

  @Override
  public PostRemovals on(PostMarked e) {
    return this;
  }

  @Override
  public PostRemovals on(KioskViewSet e) {
    return this;
  }

  public PostRemovals on(PhaseClockSet e) {
    return this;
  }

  @Override
  public PostRemovals on(ContactRequested e) {
    return this;
  }

  @Override
  public PostRemovals on(ContactDeclined e) {
    return this;
  }

  /** A hide undone is no removal; a withdrawal is never undone (the rules refuse it). */
  @Override
  public PostRemovals on(PostRestored e) {
    Removal removal = byPost.get(e.postId());
    if (removal != null && removal.why().equals("hidden")) {
      byPost.remove(e.postId());
    }
    return this;
  }

  @Override
  public PostRemovals on(ModerationSet e) {
    return this;
  }

  @Override
  public PostRemovals on(PostQueued e) {
    return this;
  }

  @Override
  public PostRemovals on(PostDeclined e) {
    return this;
  }

  @Override
  public PostRemovals on(PostUnqueued e) {
    return this;
  }
}
