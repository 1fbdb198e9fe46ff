package nl.dialoogtafel.record;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * What a record itself says about removed words, for {@link RecordCheck}: the posts that left the
 * wall (withdrawn or hidden) and the people erased on request. Each case notes what its event
 * grounds and hands the grounds on; {@link #justify} then asks whether an erased event's words
 * were allowed to go.
 */
final class RemovalGrounds implements SessionEvent.Cases<RemovalGrounds> {

  private final Set<String> removedPosts = new HashSet<>();
  private final Set<String> erasedPeople = new HashSet<>();
  /** Who wrote each post, so an erased author removes what others wrote about their posts too. */
  private final Map<String, String> authors = new HashMap<>();
  private final Justification justification = new Justification();

  /** The grounds in a whole record; an event that cannot be read grounds nothing. */
  static RemovalGrounds of(List<StoredEvent> events) {
    RemovalGrounds grounds = new RemovalGrounds();
    for (StoredEvent e : events) {
      EventCodec.read(e, Map.of()).ifPresent(event -> event.accept(grounds));
    }
    return grounds;
  }

  /**
   * Words may only be missing where the record itself says why: the post was withdrawn or hidden,
   * or its author was erased on request; a recognition note also when the one who wrote it was
   * erased, or when the post it is about went (it may quote it). An event that cannot be read has
   * no such reason.
   */
  boolean justify(StoredEvent erased) {
    return EventCodec.read(erased, Map.of()).map(event -> event.accept(justification)).orElse(false);
  }

  @Override
  public RemovalGrounds on(PostWithdrawn e) {
    removedPosts.add(e.postId());
    return this;
  }

  @Override
  public RemovalGrounds on(PostHidden e) {
    removedPosts.add(e.postId());
    return this;
  }

  @Override
  public RemovalGrounds on(ParticipantErased e) {
    erasedPeople.add(e.participantId());
    return this;
  }

  @Override
  public RemovalGrounds on(ParticipantJoined e) {
    return this;
  }

  @Override
  public RemovalGrounds on(PhaseStarted e) {
    return this;
  }

  @Override
  public RemovalGrounds on(PostAdded e) {
    authors.put(e.postId(), e.authorId());
    return this;
  }

  @Override
  public RemovalGrounds on(PostSpotlighted e) {
    return this;
  }

  @Override
  public RemovalGrounds on(RecognitionAdded e) {
    return this;
  }

  @Override
  public RemovalGrounds on(ConnectionMade e) {
    return this;
  }

  @Override
  public RemovalGrounds on(SessionLocked e) {
    return this;
  }

  @Override
  public RemovalGrounds on(SessionReopened e) {
    return this;
  }

  @Override
  public RemovalGrounds on(SessionClosed e) {
    return this;
  }

  @Override
  public RemovalGrounds on(HarvestAdded e) {
    return this;
  }

  @Override
  public RemovalGrounds on(PostMarked e) {
    return this;
  }

  @Override
  public RemovalGrounds on(KioskViewSet e) {
    return this;
  }

  public RemovalGrounds on(PhaseClockSet e) {
    return this;
  }

  @Override
  public RemovalGrounds on(ContactRequested e) {
    return this;
  }

  @Override
  public RemovalGrounds on(ContactDeclined e) {
    return this;
  }

  /** Back on the wall: its words must be in the record again (a later removal counts anew). */
  @Override
  public RemovalGrounds on(PostRestored e) {
    removedPosts.remove(e.postId());
    return this;
  }

  @Override
  public RemovalGrounds on(ModerationSet e) {
    return this;
  }

  @Override
  public RemovalGrounds on(PostQueued e) {
    return this;
  }

  @Override
  public RemovalGrounds on(PostDeclined e) {
    return this;
  }

  @Override
  public RemovalGrounds on(PostUnqueued e) {
    return this;
  }

  /** Per event: may its words be missing, given the grounds? Only words a participant wrote can go. */
  private final class Justification implements SessionEvent.Cases<Boolean> {

    @Override
    public Boolean on(PostAdded e) {
      return postGone(e.postId());
    }

    @Override
    public Boolean on(RecognitionAdded e) {
      return erasedPeople.contains(e.byId()) || postGone(e.postId());
    }

    private boolean postGone(String postId) {
      return removedPosts.contains(postId) || erasedPeople.contains(authors.get(postId));
    }

    @Override
    public Boolean on(ParticipantJoined e) {
      return false;
    }

    @Override
    public Boolean on(PhaseStarted e) {
      return false;
    }

    @Override
    public Boolean on(PostWithdrawn e) {
      return false;
    }

    @Override
    public Boolean on(PostHidden e) {
      return false;
    }

    @Override
    public Boolean on(PostSpotlighted e) {
      return false;
    }

    @Override
    public Boolean on(ConnectionMade e) {
      return false;
    }

    @Override
    public Boolean on(SessionLocked e) {
      return false;
    }

    @Override
    public Boolean on(SessionReopened e) {
      return false;
    }

    @Override
    public Boolean on(SessionClosed e) {
      return false;
    }

    @Override
    public Boolean on(HarvestAdded e) {
      return false;
    }

    @Override
    public Boolean on(ParticipantErased e) {
      return false;
    }

    @Override
    public Boolean on(PostMarked e) {
      return false;
    }

    @Override
    public Boolean on(KioskViewSet e) {
      return false;
    }

    public Boolean on(PhaseClockSet e) {
      return false;
    }

    @Override
    public Boolean on(ContactRequested e) {
      return false;
    }

    @Override
    public Boolean on(ContactDeclined e) {
      return false;
    }

    @Override
    public Boolean on(PostRestored e) {
      return false;
    }

    @Override
    public Boolean on(ModerationSet e) {
      return false;
    }

    @Override
    public Boolean on(PostQueued e) {
      return false;
    }

    @Override
    public Boolean on(PostDeclined e) {
      return false;
    }

    @Override
    public Boolean on(PostUnqueued e) {
      return false;
    }
  }
}
