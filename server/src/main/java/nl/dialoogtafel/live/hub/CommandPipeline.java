package nl.dialoogtafel.live.hub;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.dialoogtafel.dialogue.Command;
import nl.dialoogtafel.dialogue.Decision;
import nl.dialoogtafel.dialogue.Dialogue;
import nl.dialoogtafel.dialogue.Participant;
import nl.dialoogtafel.dialogue.PostKind;
import nl.dialoogtafel.dialogue.SessionEvent;
import nl.dialoogtafel.dialogue.SessionEvent.ContactDeclined;
import nl.dialoogtafel.dialogue.SessionEvent.ContactRequested;
import nl.dialoogtafel.dialogue.SessionEvent.PostAdded;
import nl.dialoogtafel.dialogue.SessionEvent.PostDeclined;
import nl.dialoogtafel.dialogue.SessionEvent.PostQueued;
import nl.dialoogtafel.dialogue.SessionEvent.PostUnqueued;
import nl.dialoogtafel.dialogue.SessionState;
import nl.dialoogtafel.http.Refusal;
import nl.dialoogtafel.record.ContactNote;
import nl.dialoogtafel.record.EventCodec;
import nl.dialoogtafel.record.HashChain;
import nl.dialoogtafel.record.ParticipantRecord;
import nl.dialoogtafel.record.SessionInfo;
import nl.dialoogtafel.record.StoredEvent;
import nl.dialoogtafel.record.WaitingNote;
import nl.dialoogtafel.storage.Stores;

/**
 * The one owner of a session's record: it decides commands in arrival order against the state
 * they will meet, seals their events on the hash chain, stores everything that arrived meanwhile
 * with one write, and only then adopts the new state and answers the commands — at once, so an
 * ack waits for the disk and not for the room. The events are handed on in the next task of the
 * event loop, in order, each with the state right after it. A command whose key was seen before
 * gets its first answer again and stores nothing. Part of one {@link SessionHub}, on its event loop.
 */
final class CommandPipeline {

  private static final Logger LOG = Logger.getLogger(CommandPipeline.class.getName());
  private static final int MAX_BATCH = 256;

  /** Hears every durable change, in order, in a task after the commands that made it were answered. */
  interface Published {
    /** A public event, with the state right after it. */
    void published(Recorded recorded, SessionState after);

    /** A private change (a contact note): nothing to show, but the state moves on. */
    void settled(SessionState after);
  }

  /** A durable change on its way to {@link Published}; {@code recorded} is null for a private one. */
  private record Showing(Recorded recorded, SessionState after) {}

  /** A command waiting its turn; a join brings the newcomer's stored record (with contact details). */
  private record Pending(Command command, String key, ParticipantRecord newcomer, Promise<Long> promise) {}

  private final Stores stores;
  private final String sessionId;
  private final ContactMail mail;
  private final QueueMail queueMail;
  private final Published published;
  /** Runs a task later on this event loop: where the durable changes are handed on. */
  private final Executor later;
  private final ArrayDeque<Showing> toShow = new ArrayDeque<>();
  /** Completed once everything in {@link #toShow} is handed on; null while nobody waits. */
  private Promise<Void> shown;
  private boolean showScheduled;
  /** A value, replaced only on this hub's loop; volatile so another loop reads a whole one. */
  private volatile SessionState state;
  private String lastHash = HashChain.GENESIS;
  /** The hash of event 1 names this version of the record: a rebuilt record gets a new epoch. */
  private volatile String firstHash;
  private final Map<String, Long> receipts = new HashMap<>();
  private final Map<String, Future<Long>> inFlight = new HashMap<>();
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  private boolean busy;
  /** Set when an append failed: the store may hold events this pipeline has not seen. */
  private boolean behind;
  /** On an owner that is behind: who waits for its read of the store (a resume), done between batches. */
  private final List<Promise<Void>> readers = new ArrayList<>();
  /** Set when this node took the session over: the store may hold notes it never heard of. */
  private boolean notesBehind;
  /** In a cluster: notes heard from the owner or read from the store, folded in once each. */
  private final LateNotes late;
  /** In a cluster: the session's tie to the other nodes (null on a single node). */
  private SessionLink link;
  /** A follower's room messages, folded one after the other (a gap reads the store first). */
  private Future<Void> following = Future.succeededFuture();
  /** The seq the room has been handed, and who waits for a seq to be handed on (a join on a follower). */
  private long shownSeq;
  private final java.util.TreeMap<Long, List<Promise<Void>>> shownWaiters = new java.util.TreeMap<>();

  CommandPipeline(Stores stores, SessionInfo info, ContactMail mail, QueueMail queueMail, Published published,
      Executor later) {
    this.stores = stores;
    this.sessionId = info.id();
    this.mail = mail;
    this.queueMail = queueMail;
    this.published = published;
    this.later = later;
    this.state = SessionState.initial(info.id(), info.phases());
    this.late = new LateNotes(mail, queueMail, receipts);
  }

  /**
   * Folds the stored contact notes and record into the state and the receipts, and returns the
   * record typed. {@code people} supplies the names kept outside the record.
   */
  List<Recorded> restore(List<StoredEvent> events, Map<String, Participant> people, List<ContactNote> notes) {
    for (ContactNote note : notes) {
      state = Dialogue.evolve(state, new ContactRequested(note.id(), note.from(), note.to(), note.note()));
      if (ContactNote.DECLINED.equals(note.status())) {
        state = Dialogue.evolve(state, new ContactDeclined(note.id()));
      }
      mail.keep(note);
      receipts.put(note.requestKey(), note.requestSeq());
      if (note.answerKey() != null) {
        receipts.put(note.answerKey(), note.answerSeq());
      }
    }
    List<Recorded> record = new ArrayList<>(events.size());
    for (StoredEvent stored : events) {
      SessionEvent event = EventCodec.fromStored(stored, people);
      state = Dialogue.evolve(state, event);
      lastHash = stored.hash();
      adopt(stored);
      record.add(new Recorded(stored, event));
    }
    shownSeq = state.seq();
    return record;
  }

  /**
   * Folds the stored waiting posts (pre-moderation) in after the record: those still waiting join
   * the queue, and every key they were sent or answered with is answered again. A waiting note whose
   * post is in the record already was approved just before a crash: it is settled here.
   */
  void restoreWaiting(List<WaitingNote> notes) {
    for (WaitingNote note : notes) {
      receipts.put(note.key(), note.seq());
      if (note.answerKey() != null) {
        receipts.put(note.answerKey(), note.answerSeq());
      }
      if (WaitingNote.WAITING.equals(note.status()) && state.posts().containsKey(note.post())) {
        WaitingNote approved = note.answered(WaitingNote.APPROVED, null, null, 0);
        queueMail.keep(approved);
        stores.waiting().answer(approved);
      } else {
        if (WaitingNote.WAITING.equals(note.status()) && !state.isErased(note.author())) {
          state = Dialogue.evolve(state, new PostQueued(note.post(), PostKind.fromWire(note.kind()).orElseThrow(),
              note.title(), note.text(), note.phase(), note.author()));
        }
        queueMail.keep(note);
      }
    }
  }

  /** In a cluster, before the first command: decides only while {@code link} owns the session. */
  void link(SessionLink link) {
    this.link = link;
  }

  /**
   * This node now owns the session: what an earlier owner stored is read before the next decision —
   * the record beyond this node's view, and the contact notes and waiting posts (one it died before
   * publishing is in the store only; a console's queue and an approval need them here now).
   */
  void becameOwner() {
    behind = true;
    notesBehind = true;
  }

  /** The durable state: everything stored, possibly not yet handed on (see {@link #shown}). */
  SessionState state() {
    return state;
  }

  /** Completes when every change that is durable now has been handed on to {@link Published}. */
  Future<Void> shown() {
    if (toShow.isEmpty()) {
      return Future.succeededFuture();
    }
    if (shown == null) {
      shown = Promise.promise();
    }
    return shown.future();
  }

  String epoch() {
    return firstHash == null ? "new" : firstHash.substring(0, 16);
  }

  boolean idle() {
    return queue.isEmpty() && !busy && toShow.isEmpty();
  }

  /** Decides and stores a command; the future holds the {@code seq} to acknowledge. */
  Future<Long> submit(Command command, String key, ParticipantRecord newcomer) {
    Long done = receipts.get(key);
    if (done != null) {
      return Future.succeededFuture(done);
    }
    if (link != null && !link.owns()) {
      return link.forward(command, key, newcomer);
    }
    Future<Long> running = inFlight.get(key);
    if (running != null) {
      return running;
    }
    Promise<Long> promise = Promise.promise();
    queue.add(new Pending(command, key, newcomer, promise));
    inFlight.put(key, promise.future());
    promise.future().onComplete(x -> inFlight.remove(key));
    drain();
    return promise.future();
  }

  private void drain() {
    if (busy || (queue.isEmpty() && !(behind && !readers.isEmpty()))) {
      return;
    }
    busy = true;
    Future<Void> step = behind || notesBehind ? catchUp() : Future.succeededFuture();
    step.compose(v -> {
      Pending head = queue.peek();
      if (head == null) {
        return Future.<Void>succeededFuture();
      }
      return Dialogue.isPrivate(head.command(), state) ? runPrivate(queue.poll()) : runBatch();
    }).onComplete(done -> {
      if (done.failed()) {
        failQueue(done.cause());
      }
      busy = false;
      if (!behind || done.failed()) {
        List<Promise<Void>> waited = List.copyOf(readers);
        readers.clear();
        waited.forEach(Promise::complete);
      }
      drain();
    });
  }

  /** Decides every public command waiting, then stores their events with one write. */
  private Future<Void> runBatch() {
    List<Pending> accepted = new ArrayList<>();
    List<Recorded> sealed = new ArrayList<>();
    List<SessionState> after = new ArrayList<>();
    List<ParticipantRecord> newcomers = new ArrayList<>();
    SessionState next = state;
    String hash = lastHash;
    while (!queue.isEmpty() && accepted.size() < MAX_BATCH && !Dialogue.isPrivate(queue.peek().command(), next)) {
      Pending pending = queue.poll();
      Long done = receipts.get(pending.key());
      if (done != null) {
        pending.promise().complete(done);
        continue;
      }
      Decision decision = Dialogue.decide(pending.command(), next);
      if (decision instanceof Decision.Rejected rejected) {
        pending.promise().fail(Refusal.from(rejected.rejection()));
        continue;
      }
      SessionEvent event = ((Decision.Accepted) decision).events().get(0);
      next = Dialogue.evolve(next, event);
      StoredEvent stored = HashChain.seal(sessionId, next.seq(), Instant.now().toString(), event.name(),
          EventCodec.toData(event), pending.key(), hash);
      hash = stored.hash();
      accepted.add(pending);
      sealed.add(new Recorded(stored, event));
      after.add(next);
      if (pending.newcomer() != null) {
        newcomers.add(pending.newcomer());
      }
    }
    if (sealed.isEmpty()) {
      return Future.succeededFuture();
    }
    SessionState decided = next;
    String decidedHash = hash;
    if (link != null) {
      // The fence: only under the lease it decided with; otherwise the commands go round again.
      return link.confirm().transform(asked -> {
        if (asked.failed()) {
          behind = true;
          accepted.forEach(p -> p.promise().fail(Refusal.of("unavailable")));
          return Future.succeededFuture();
        }
        if (asked.result()) {
          return store(accepted, sealed, after, newcomers, decided, decidedHash);
        }
        accepted.forEach(p -> {
          inFlight.remove(p.key());
          submit(p.command(), p.key(), p.newcomer()).onComplete(p.promise());
        });
        return Future.succeededFuture();
      });
    }
    return store(accepted, sealed, after, newcomers, decided, decidedHash);
  }

  private Future<Void> store(List<Pending> accepted, List<Recorded> sealed, List<SessionState> after,
      List<ParticipantRecord> newcomers, SessionState decided, String decidedHash) {
    // Newcomers first: a stored join event always finds its person (and their token) on reload.
    Future<Void> people = newcomers.isEmpty() ? Future.succeededFuture() : stores.participants().insertAll(newcomers);
    return people.compose(v -> stores.events().append(sealed.stream().map(Recorded::stored).toList()))
        .transform(appended -> {
          if (appended.failed()) {
            behind = true;
            LOG.log(Level.WARNING, "append failed for session " + sessionId + ": "
                + appended.cause().getClass().getName());
            accepted.forEach(p -> p.promise().fail(Refusal.of("unavailable")));
            return Future.succeededFuture();
          }
          state = decided;
          lastHash = decidedHash;
          for (int i = 0; i < sealed.size(); i++) {
            adopt(sealed.get(i).stored());
            show(sealed.get(i), after.get(i));
          }
          if (link != null) {
            link.published(sealed.stream().map(Recorded::stored).toList(), newcomers);
          }
          // The acks first: their writes (and flushes) are queued before the fan-out's task.
          for (int i = 0; i < sealed.size(); i++) {
            accepted.get(i).promise().complete(sealed.get(i).seq());
          }
          settleApprovals(accepted, sealed);
          showLater();
          return Future.succeededFuture();
        });
  }

  /** Contact requests and refusals concern two people only: a note, not an event of the record. */
  private Future<Void> runPrivate(Pending pending) {
    Long done = receipts.get(pending.key());
    if (done != null) {
      pending.promise().complete(done);
      return Future.succeededFuture();
    }
    Decision decision = Dialogue.decide(pending.command(), state);
    if (decision instanceof Decision.Rejected rejected) {
      pending.promise().fail(Refusal.from(rejected.rejection()));
      return Future.succeededFuture();
    }
    SessionEvent event = ((Decision.Accepted) decision).events().get(0);
    if (event instanceof PostQueued || event instanceof PostDeclined || event instanceof PostUnqueued) {
      return runWaiting(pending, event);
    }
    long seq = state.seq();
    ContactNote note;
    Future<Void> write;
    // Only the two contact events reach here (the waiting ones went above); public ones never do.
    if (event instanceof ContactRequested requested) {
      note = ContactNote.requested(requested.requestId(), sessionId, requested.fromId(), requested.toId(),
          requested.note(), pending.key(), seq);
      write = stores.contacts().insert(note);
    } else {
      note = mail.note(((ContactDeclined) event).requestId()).answered(ContactNote.DECLINED, pending.key(), seq);
      write = stores.contacts().answer(note);
    }
    return write.transform(written -> {
      if (written.failed()) {
        pending.promise().fail(Refusal.of("unavailable"));
        return Future.succeededFuture();
      }
      state = Dialogue.evolve(state, event);
      mail.keep(note);
      receipts.put(pending.key(), seq);
      if (link != null) {
        link.noted(note);
      }
      pending.promise().complete(seq);
      show(null, state);
      showLater();
      if (event instanceof ContactRequested) {
        mail.deliverRequest(note);
      } else {
        mail.deliverAnswer(note);
      }
      return Future.succeededFuture();
    });
  }

  /**
   * Pre-moderation: a post that waits, its decline and its withdrawal are notes beside the record
   * (like contact requests), one at a time; the ack's seq is the session's seq at that moment.
   */
  private Future<Void> runWaiting(Pending pending, SessionEvent event) {
    long seq = state.seq();
    WaitingNote note;
    Future<Void> write;
    if (event instanceof PostQueued queued) {
      note = WaitingNote.waiting(queued.postId(), sessionId, queued.kind().wire(), queued.title(), queued.text(),
          queued.phaseId(), queued.authorId(), pending.key(), seq, Instant.now().toString());
      write = stores.waiting().insert(note);
    } else if (event instanceof PostDeclined declined) {
      note = queueMail.note(declined.postId()).answered(WaitingNote.DECLINED, declined.reason(), pending.key(), seq);
      write = stores.waiting().answer(note);
    } else {
      note = queueMail.note(((PostUnqueued) event).postId()).answered(WaitingNote.WITHDRAWN, null, pending.key(), seq);
      write = stores.waiting().answer(note);
    }
    return write.transform(written -> {
      if (written.failed()) {
        pending.promise().fail(Refusal.of("unavailable"));
        return Future.succeededFuture();
      }
      state = Dialogue.evolve(state, event);
      queueMail.keep(note);
      receipts.put(pending.key(), seq);
      if (link != null) {
        link.noted(note);
      }
      pending.promise().complete(seq);
      show(null, state);
      showLater();
      queueMail.deliver(note);
      return Future.succeededFuture();
    });
  }

  /** An approved post is in the record now: its waiting note keeps no words (see WaitingNote). */
  private void settleApprovals(List<Pending> accepted, List<Recorded> sealed) {
    for (int i = 0; i < sealed.size(); i++) {
      if (accepted.get(i).command() instanceof Command.Approve && sealed.get(i).event() instanceof PostAdded added) {
        WaitingNote note = queueMail.note(added.postId());
        if (note != null) {
          WaitingNote approved = note.answered(WaitingNote.APPROVED, null, accepted.get(i).key(), sealed.get(i).seq());
          queueMail.keep(approved);
          stores.waiting().answer(approved).onFailure(e -> LOG.warning(
              "settling an approved post failed; settled on next load: " + e.getClass().getName()));
        }
      }
    }
  }

  private void failQueue(Throwable cause) {
    LOG.log(Level.WARNING, "session " + sessionId + " could not process commands: " + cause.getClass().getName());
    Pending pending;
    while ((pending = queue.poll()) != null) {
      pending.promise().fail(Refusal.of("unavailable"));
    }
  }

  /**
   * After a failed append the store may hold more than this pipeline knows: read and hand it on first;
   * after a take-over the notes beside the record too.
   */
  private Future<Void> catchUp() {
    Future<Void> events = catchUpEvents();
    if (!notesBehind) {
      return events;
    }
    return events.compose(v -> foldStored(stores.contacts().listForSession(sessionId),
        stores.waiting().listForSession(sessionId), true)).onSuccess(v -> notesBehind = false);
  }

  private Future<Void> catchUpEvents() {
    return stores.events().load(sessionId, state.seq(), Long.MAX_VALUE)
        // Only the people who joined in what was missed: the other events' folds need no names.
        .compose(missed -> stores.participants().listForRecord(sessionId, EventCodec.joinedIds(missed)).map(people -> {
          Map<String, Participant> byId = new HashMap<>();
          people.forEach(p -> byId.put(p.id(), p));
          for (StoredEvent stored : missed) {
            if (stored.seq() <= state.seq()) {
              continue; // heard from the owner meanwhile
            }
            SessionEvent event = EventCodec.fromStored(stored, byId);
            state = Dialogue.evolve(state, event);
            lastHash = stored.hash();
            adopt(stored);
            settleFollowedApproval(event, stored);
            show(new Recorded(stored, event), state);
          }
          showLater();
          behind = false;
          return null;
        }));
  }

  /** Queues a durable change to be handed on; {@link #shown} waits for it from now on. */
  private void show(Recorded recorded, SessionState after) {
    toShow.add(new Showing(recorded, after));
  }

  /** Hands the queued changes on in a later task: after the acks just written. */
  private void showLater() {
    if (!showScheduled && !toShow.isEmpty()) {
      showScheduled = true;
      later.execute(this::showAll);
    }
  }

  /** Hands on everything queued, in order; then whoever waited for it (a join's welcome) goes on. */
  private void showAll() {
    showScheduled = false;
    Showing next;
    while ((next = toShow.poll()) != null) {
      try {
        shownSeq = Math.max(shownSeq, next.after().seq());
        if (next.recorded() == null) {
          published.settled(next.after());
        } else {
          published.published(next.recorded(), next.after());
        }
      } catch (RuntimeException e) {
        // One follower's failure must not hold back the events after it, nor a waiting welcome.
        LOG.log(Level.SEVERE, "session " + sessionId + " could not hand on a change", e);
      }
    }
    Promise<Void> waiting = shown;
    shown = null;
    if (waiting != null) {
      waiting.complete();
    }
    while (!shownWaiters.isEmpty() && shownWaiters.firstKey() <= shownSeq) {
      shownWaiters.pollFirstEntry().getValue().forEach(Promise::complete);
    }
  }

  /**
   * Completes once the event at {@code seq} has been handed on. On the owner that is the next task;
   * on a follower, when the owner's publication of it has arrived (or the store was read for it).
   */
  Future<Void> shownThrough(long seq) {
    if (shownSeq >= seq && toShow.isEmpty()) {
      return Future.succeededFuture();
    }
    if (toShow.isEmpty() && state.seq() >= seq) {
      return shown(); // restored from the store: handed on with the restore
    }
    Promise<Void> waiter = Promise.promise();
    shownWaiters.computeIfAbsent(seq, k -> new ArrayList<>()).add(waiter);
    return waiter.future();
  }

  // ---- a follower in a cluster -------------------------------------------------------------------

  /**
   * Events the owner stored and published, folded in order as if decided here; a gap (a message
   * missed) is filled from the store, which holds everything published.
   */
  void follow(List<StoredEvent> events, Map<String, Participant> people) {
    following = following.compose(v -> {
      if (events.isEmpty() || events.get(events.size() - 1).seq() <= state.seq()) {
        return Future.<Void>succeededFuture();
      }
      if (events.get(0).seq() > state.seq() + 1) {
        return catchUp();
      }
      for (StoredEvent stored : events) {
        if (stored.seq() != state.seq() + 1) {
          continue;
        }
        SessionEvent event = EventCodec.fromStored(stored, people);
        state = Dialogue.evolve(state, event);
        lastHash = stored.hash();
        adopt(stored);
        settleFollowedApproval(event, stored);
        show(new Recorded(stored, event), state);
      }
      showLater();
      return Future.<Void>succeededFuture();
    }).recover(e -> {
      LOG.warning("session " + sessionId + " could not follow its owner: " + e.getClass().getName());
      behind = true;
      return Future.succeededFuture();
    });
  }

  /**
   * A follower reads what the store holds beyond its view (a publication it missed, or one that
   * is late); completes once that is handed on. An owner holds what it appended; one that has just
   * taken over reads what the owner before stored, between two batches.
   */
  Future<Void> fillFromStore() {
    if (link == null || link.owns()) {
      if (link == null || !behind) {
        return shown(); // everything the owner appended is in memory already
      }
      // A new owner reads the store between batches, never beside an append in flight.
      Promise<Void> read = Promise.promise();
      readers.add(read);
      drain();
      return read.future().compose(v -> shown());
    }
    following = following.compose(v -> catchUp()).recover(e -> Future.succeededFuture());
    return following.compose(v -> shown());
  }

  /** A contact request or refusal the owner stored: this node's copy and its phones of the two people. */
  void followNote(ContactNote note) {
    follow(() -> foldContact(note, true), "a contact note");
  }

  /** A post that waits, or its answer, as the owner stored it: this node's queue and its author's phones. */
  void followWaiting(WaitingNote note) {
    follow(() -> foldWaiting(note, true), "a waiting post");
  }

  /** Folds what the owner sent in turn with what this node follows already, then shows it. */
  private void follow(Runnable fold, String what) {
    following = following.compose(v -> {
      fold.run();
      show(null, state);
      showLater();
      return Future.<Void>succeededFuture();
    }).recover(e -> {
      LOG.warning("session " + sessionId + " could not follow " + what + ": " + e.getClass().getName());
      return Future.succeededFuture();
    });
  }

  /**
   * Before a welcome in a cluster: this person's contact notes and waiting posts as the store has them,
   * so whichever node they come back to sends what they have not received, once (another node may
   * have delivered it, or this one never heard of it). A follower reads the record beyond its view
   * first, so the people the notes name are known. Completes once folded in and shown.
   */
  Future<Void> refreshNotesOf(String participantId) {
    if (link.owns()) {
      // The owner stored every note itself; other nodes may have delivered some of them meanwhile.
      return stores.contacts().listFor(sessionId, participantId)
          .onSuccess(notes -> notes.forEach(late::contactFlags)).<Void>mapEmpty()
          .recover(e -> Future.succeededFuture());
    }
    following = following.compose(v -> catchUpEvents())
        .compose(v -> foldStored(stores.contacts().listFor(sessionId, participantId),
            stores.waiting().listByAuthor(sessionId, participantId), false))
        .recover(e -> Future.succeededFuture());
    return following.compose(v -> shown());
  }

  /** A follower's queue for the facilitator's console: the waiting posts as the store has them. */
  Future<Void> refreshQueue() {
    if (link == null || link.owns()) {
      return Future.succeededFuture();
    }
    following = following.compose(v -> foldStored(Future.succeededFuture(List.of()),
        stores.waiting().listForSession(sessionId), true)).recover(e -> Future.succeededFuture());
    return following.compose(v -> shown());
  }

  /** Notes read from the store, folded in; {@code deliverNews}: their private messages go out here now. */
  private Future<Void> foldStored(Future<List<ContactNote>> contacts, Future<List<WaitingNote>> waiting,
      boolean deliverNews) {
    return Future.all(contacts, waiting).map(v -> {
      contacts.result().forEach(note -> foldContact(note, deliverNews));
      waiting.result().forEach(note -> foldWaiting(note, deliverNews));
      show(null, state);
      showLater();
      return null;
    });
  }

  private void foldContact(ContactNote note, boolean deliverNews) {
    LateNotes.Folded folded = late.contact(state, note);
    state = folded.state();
    if (deliverNews && folded.news()) {
      mail.deliverNews(mail.note(note.id()));
    }
  }

  private void foldWaiting(WaitingNote note, boolean deliverNews) {
    LateNotes.Folded folded = late.waiting(state, note);
    state = folded.state();
    if (deliverNews && folded.news()) {
      queueMail.deliver(queueMail.note(note.post()));
    }
  }

  /**
   * A post that waited reached the wall on another node's approval: its note here keeps no words
   * either, and is not sent to its author again. An owner reading it after a take-over stores that
   * (the node that approved may have died before it could).
   */
  private void settleFollowedApproval(SessionEvent event, StoredEvent stored) {
    if (event instanceof PostAdded added) {
      WaitingNote approved = queueMail.approved(added.postId(), stored.key(), stored.seq());
      if (approved != null && link != null && link.owns()) {
        stores.waiting().answer(approved).onFailure(e -> LOG.warning(
            "settling an approved post failed; settled on next load: " + e.getClass().getName()));
      }
    }
  }

  /** A durable event: its key is answered from now on, and event 1 names the record's epoch. */
  private void adopt(StoredEvent stored) {
    if (stored.seq() == 1) {
      firstHash = stored.hash();
    }
    receipts.put(stored.key(), stored.seq());
  }
}
