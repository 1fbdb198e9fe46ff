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
import nl.dialoogtafel.dialogue.SessionEvent.PostSpotlighted;
import nl.dialoogtafel.dialogue.SessionEvent.PostWithdrawn;
import nl.dialoogtafel.dialogue.SessionEvent.RecognitionAdded;
import nl.dialoogtafel.dialogue.SessionEvent.SessionClosed;
import nl.dialoogtafel.dialogue.SessionEvent.SessionLocked;
import nl.dialoogtafel.dialogue.SessionEvent.SessionReopened;

/**
 * When and why each removed post left the wall; the first removal counts. Read before the story
 * is told, so a removal anywhere in the record keeps the post's words out of it. Erasure on
 * request is not here: it shows as the erased marker on the post's own event.
 */
final class PostRemovals implements SessionEvent.Cases<PostRemovals> {

  private final Map<String, Removal> byPost = new HashMap<>();
  private String at;

  static Map<String, Removal> of(List<RecordFolder.Read> events) {
    PostRemovals removals = new PostRemovals();
    for (RecordFolder.Read read : events) {
      removals.at = read.stored().at();
      read.event().accept(removals);
    }
    return removals.byPost;
  }

  @Override
  public PostRemovals on(PostWithdrawn e) {
    byPost.putIfAbsent(e.postId(), new Removal("withdrawn", at, null));
    return this;
  }

  @Override
  public PostRemovals on(PostHidden e) {
    byPost.putIfAbsent(e.postId(), new Removal("hidden", at, e.reason()));
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

  /** The erased person's posts carry their own erased marker. */
  @Override
  public PostRemovals on(ParticipantErased e) {
    return this;
  }

  @Override
  public PostRemovals on(PostMarked e) {
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
}
