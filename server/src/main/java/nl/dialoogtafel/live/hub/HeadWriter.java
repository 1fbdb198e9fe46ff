package nl.dialoogtafel.live.hub;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
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
import nl.dialoogtafel.dialogue.SessionStatus;
import nl.dialoogtafel.record.StoredEvent;
import nl.dialoogtafel.storage.SessionStore;

/**
 * Keeps the session document's status and record head (seq and hash of the latest event) in step
 * with the record: on every status change, and once closed after every event — a closed record
 * still grows (withdrawals, the harvest, telling marks), and the archive tells a complete record
 * from one cut short by its head. Part of one {@link SessionHub}, on its event loop.
 */
final class HeadWriter {

  /** Where a head goes: the session document ({@link SessionStore#setStatus}). */
  interface HeadStore {
    Future<Void> setStatus(String sessionId, SessionStatus status, long headSeq, String headHash);
  }

  /** A write refused while the store pauses (an erasure rewrites its file) is tried again this often. */
  private static final int ATTEMPTS = 8;
  private static final long FIRST_RETRY_MS = 50;

  private final Vertx vertx;
  private final HeadStore sessions;
  private final String sessionId;
  /** The latest write; the facilitator API answers a status change after it. */
  private Future<Void> headWrite = Future.succeededFuture();

  HeadWriter(Vertx vertx, HeadStore sessions, String sessionId) {
    this.vertx = vertx;
    this.sessions = sessions;
    this.sessionId = sessionId;
  }

  /** After a durable event: {@code now} is the session's status once it (and its batch) applied. */
  void follow(SessionEvent event, StoredEvent stored, SessionStatus now) {
    SessionStatus head = now == SessionStatus.CLOSED ? SessionStatus.CLOSED : statusSetBy(event);
    if (head != null) {
      headWrite = write(head, stored.seq(), stored.hash(), 1);
    }
  }

  /**
   * Completes when the latest head is stored, or when it could not be after several tries (never
   * fails: the next head written carries the record's end again). An older head arriving late
   * never overwrites a newer one: the store keeps the highest seq.
   */
  Future<Void> written() {
    return headWrite.otherwiseEmpty();
  }

  private Future<Void> write(SessionStatus status, long seq, String hash, int attempt) {
    return sessions.setStatus(sessionId, status, seq, hash).recover(failed -> {
      if (attempt >= ATTEMPTS) {
        return Future.failedFuture(failed);
      }
      Promise<Void> later = Promise.promise();
      vertx.setTimer(FIRST_RETRY_MS << (attempt - 1), id -> later.complete());
      return later.future().compose(v -> write(status, seq, hash, attempt + 1));
    });
  }

  /** The status an event puts the session in, or null when it leaves the status as it is. */
  static SessionStatus statusSetBy(SessionEvent event) {
    return event.accept(STATUS_SET_BY);
  }

  private static final SessionEvent.Cases<SessionStatus> STATUS_SET_BY = new SessionEvent.Cases<>() {
    @Override
    public SessionStatus on(SessionLocked e) {
      return SessionStatus.LOCKED;
    }

    @Override
    public SessionStatus on(SessionReopened e) {
      return SessionStatus.OPEN;
    }

    @Override
    public SessionStatus on(SessionClosed e) {
      return SessionStatus.CLOSED;
    }

    @Override
    public SessionStatus on(ParticipantJoined e) {
      return null;
    }

    @Override
    public SessionStatus on(PhaseStarted e) {
      return null;
    }

    @Override
    public SessionStatus on(PostAdded e) {
      return null;
    }

    @Override
    public SessionStatus on(PostWithdrawn e) {
      return null;
    }

    @Override
    public SessionStatus on(PostHidden e) {
      return null;
    }

    @Override
    public SessionStatus on(PostSpotlighted e) {
      return null;
    }

    @Override
    public SessionStatus on(RecognitionAdded e) {
      return null;
    }

    @Override
    public SessionStatus on(ConnectionMade e) {
      return null;
    }

    @Override
    public SessionStatus on(HarvestAdded e) {
      return null;
    }

    @Override
    public SessionStatus on(ParticipantErased e) {
      return null;
    }

    @Override
    public SessionStatus on(PostMarked e) {
      return null;
    }

    @Override
    public SessionStatus on(KioskViewSet e) {
      return null;
    }

    public SessionStatus on(PhaseClockSet e) {
      return null;
    }

    @Override
    public SessionStatus on(ContactRequested e) {
      return null;
    }

    @Override
    public SessionStatus on(ContactDeclined e) {
      return null;
    }

    @Override
    public SessionStatus on(PostRestored e) {
      return null;
    }

    @Override
    public SessionStatus on(ModerationSet e) {
      return null;
    }

    @Override
    public SessionStatus on(PostQueued e) {
      return null;
    }

    @Override
    public SessionStatus on(PostDeclined e) {
      return null;
    }

    @Override
    public SessionStatus on(PostUnqueued e) {
      return null;
    }
  };
}
