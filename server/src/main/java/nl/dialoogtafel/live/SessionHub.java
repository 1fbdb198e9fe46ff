package nl.dialoogtafel.live;

import nl.dialoogtafel.http.Refusal;
import nl.dialoogtafel.record.Redaction;
import nl.dialoogtafel.storage.Stores;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.dialoogtafel.dialogue.Command;
import nl.dialoogtafel.dialogue.Decision;
import nl.dialoogtafel.dialogue.Dialogue;
import nl.dialoogtafel.dialogue.Participant;
import nl.dialoogtafel.dialogue.SessionEvent;
import nl.dialoogtafel.dialogue.SessionEvent.ConnectionMade;
import nl.dialoogtafel.dialogue.SessionEvent.ContactDeclined;
import nl.dialoogtafel.dialogue.SessionEvent.ContactRequested;
import nl.dialoogtafel.dialogue.SessionEvent.ParticipantErased;
import nl.dialoogtafel.dialogue.SessionEvent.PostAdded;
import nl.dialoogtafel.dialogue.SessionEvent.PostHidden;
import nl.dialoogtafel.dialogue.SessionEvent.PostWithdrawn;
import nl.dialoogtafel.dialogue.SessionState;
import nl.dialoogtafel.dialogue.SessionStatus;
import nl.dialoogtafel.record.ContactNote;
import nl.dialoogtafel.record.EventCodec;
import nl.dialoogtafel.record.HashChain;
import nl.dialoogtafel.record.ParticipantRecord;
import nl.dialoogtafel.record.SessionInfo;
import nl.dialoogtafel.record.StoredEvent;

/**
 * One live session in memory, on one event loop: it decides commands in arrival order, appends
 * the resulting events to the record in batches (one durable write for everything that arrived
 * meanwhile), and only then updates its state, acknowledges, and writes each event's one
 * encoding to every connection of the session.
 */
public final class SessionHub {

  private static final Logger LOG = Logger.getLogger(SessionHub.class.getName());
  private static final int MAX_BATCH = 256;

  /** A command waiting its turn; a join brings the newcomer's stored record (with contact details). */
  private record Pending(Command command, String key, ParticipantRecord newcomer, Promise<Long> promise) {}

  private final Stores stores;
  private final SessionInfo info;
  /** The hash of event 1 names this version of the record: a rebuilt record gets a new epoch. */
  private String firstHash;
  private SessionState state;
  private String lastHash = HashChain.GENESIS;
  /** The wire form of every public event, index {@code seq - 1}: joins are answered from memory. */
  private final List<String> rendered = new ArrayList<>();
  private final Map<String, Long> receipts = new HashMap<>();
  private final Map<String, Future<Long>> inFlight = new HashMap<>();
  private final Map<String, Long> postSeq = new HashMap<>();
  private final ContactMail mail;
  private final Set<Connection> connections = new LinkedHashSet<>();
  private final Map<String, Set<Connection>> byParticipant = new HashMap<>();
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  private final Presence presence;
  private boolean busy;
  /** Set when an append failed: the store may hold events this hub has not seen. */
  private boolean behind;
  private long idleSinceNanos = System.nanoTime();
  /** The latest write of the record's head into the session document (see {@link #headWritten}). */
  private Future<Void> headWrite = Future.succeededFuture();
  /** The latest erasure's writes; an erasure is answered only once it is stored and compacted. */
  private Future<Void> erasureWrite = Future.succeededFuture();

  private SessionHub(Vertx vertx, Stores stores, SessionInfo info) {
    this.stores = stores;
    this.info = info;
    this.state = SessionState.initial(info.id(), info.phases());
    this.presence = new Presence(vertx, this::broadcastPresence);
    this.mail = new ContactMail(stores, () -> state, id -> byParticipant.getOrDefault(id, Set.of()));
  }

  /** Reads a session's record, people and contact notes from the store and folds them into a hub. */
  static Future<SessionHub> load(Vertx vertx, Stores stores, SessionInfo info) {
    String sessionId = info.id();
    var events = stores.events().loadAll(sessionId);
    var people = stores.participants().listForSession(sessionId);
    var contactNotes = stores.contacts().listForSession(sessionId);
    return Future.all(events, people, contactNotes).map(all -> {
      SessionHub hub = new SessionHub(vertx, stores, info);
      hub.restore(events.result(), people.result(), contactNotes.result());
      return hub;
    });
  }

  private void restore(List<StoredEvent> events, List<Participant> people, List<ContactNote> contactNotes) {
    Map<String, Participant> byId = new HashMap<>();
    people.forEach(p -> byId.put(p.id(), p));
    for (ContactNote note : contactNotes) {
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
    List<StoredEvent> unerasedWithdrawals = new ArrayList<>();
    for (StoredEvent stored : events) {
      SessionEvent event = EventCodec.fromStored(stored, byId);
      state = Dialogue.evolve(state, event);
      receipts.put(stored.key(), stored.seq());
      lastHash = stored.hash();
      if (stored.seq() == 1) {
        firstHash = stored.hash();
      }
      remember(event, stored);
      if (event instanceof ConnectionMade made) {
        // A crash between the connection event and its note's answer is finished here.
        ContactNote settled = mail.settleAccepted(made, stored);
        if (settled != null) {
          stores.contacts().answer(settled);
        }
      }
    }
    for (StoredEvent stored : events) {
      rendered.add(EventView.render(stored, state).encode());
      if (stored.name().equals("post.added") && !stored.isErased()
          && state.posts().get(stored.data().getJsonObject("post").getString("id")).withdrawn()) {
        unerasedWithdrawals.add(stored);
      }
    }
    // A crash between a withdrawal and the erasure of its text is finished here.
    unerasedWithdrawals.forEach(stored -> eraseWithdrawn(stored.seq(), stored.data()));
    finishErasures(events, byId);
  }

  /** A crash during a person's erasure is finished here: what they wrote, their document, their notes. */
  private void finishErasures(List<StoredEvent> events, Map<String, Participant> people) {
    Map<String, String> erasedAt = new HashMap<>();
    events.stream().filter(e -> e.name().equals("participant.erased"))
        .forEach(e -> erasedAt.put(e.data().getJsonObject("participant").getString("id"), e.at()));
    erasedAt.forEach((erased, at) -> {
      Map<Long, JsonObject> toErase = new HashMap<>();
      for (StoredEvent stored : events) {
        if (!stored.isErased() && PersonErasure.wroteBy(stored.name(), stored.data(), erased)) {
          toErase.put(stored.seq(), Redaction.remaining(stored.name(), stored.data()));
        }
      }
      Participant person = people.get(erased);
      if (!toErase.isEmpty() || (person != null && person.name() != null)) {
        eraseStored(erased, at, toErase);
      }
    });
  }

  public SessionInfo info() {
    return info;
  }

  public SessionState state() {
    return state;
  }

  public String epoch() {
    return firstHash == null ? "new" : firstHash.substring(0, 16);
  }

  /** The wire form of a stored event, as the facilitator API answers it. */
  public JsonObject renderedEvent(long seq) {
    return new JsonObject(rendered.get((int) seq - 1));
  }

  public int onlineCount() {
    return byParticipant.size();
  }

  boolean idleFor(long nanos) {
    return connections.isEmpty() && queue.isEmpty() && !busy && System.nanoTime() - idleSinceNanos > nanos;
  }

  // ---- commands -------------------------------------------------------------------------------

  /**
   * Decides and stores a command. The future holds the {@code seq} to acknowledge; a command
   * with a key seen before gets its first answer again and stores nothing.
   */
  public Future<Long> submit(Command command, String key) {
    return submit(command, key, null);
  }

  /**
   * Joins a newcomer: their record is stored in the same batch as the join event, so a room that
   * joins at once costs a few writes, not one per phone.
   */
  public Future<Long> join(ParticipantRecord newcomer, String key) {
    return submit(new Command.Join(newcomer.participant()), key, newcomer);
  }

  private Future<Long> submit(Command command, String key, ParticipantRecord newcomer) {
    Long done = receipts.get(key);
    if (done != null) {
      return Future.succeededFuture(done);
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
    if (busy || queue.isEmpty()) {
      return;
    }
    busy = true;
    Future<Void> step = behind ? catchUp() : Future.succeededFuture();
    step.compose(v -> {
      Pending head = queue.peek();
      if (head == null) {
        return Future.<Void>succeededFuture();
      }
      return isPrivate(head.command()) ? runPrivate(queue.poll()) : runBatch();
    }).onComplete(done -> {
      if (done.failed()) {
        failQueue(done.cause());
      }
      busy = false;
      drain();
    });
  }

  private static boolean isPrivate(Command command) {
    return command instanceof Command.RequestContact || command instanceof Command.DeclineContact;
  }

  /** Decides every public command waiting, then stores their events with one write. */
  private Future<Void> runBatch() {
    List<Pending> accepted = new ArrayList<>();
    List<SessionEvent> events = new ArrayList<>();
    List<StoredEvent> sealed = new ArrayList<>();
    List<ParticipantRecord> newcomers = new ArrayList<>();
    SessionState next = state;
    String hash = lastHash;
    while (!queue.isEmpty() && accepted.size() < MAX_BATCH && !isPrivate(queue.peek().command())) {
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
      StoredEvent stored = HashChain.seal(info.id(), next.seq(), Instant.now().toString(), event.name(),
          EventCodec.toData(event), pending.key(), hash);
      hash = stored.hash();
      accepted.add(pending);
      events.add(event);
      sealed.add(stored);
      if (pending.newcomer() != null) {
        newcomers.add(pending.newcomer());
      }
    }
    if (sealed.isEmpty()) {
      return Future.succeededFuture();
    }
    SessionState decided = next;
    String decidedHash = hash;
    // Newcomers first: a stored join event always finds its person (and their token) on reload.
    Future<Void> people = newcomers.isEmpty() ? Future.succeededFuture() : stores.participants().insertAll(newcomers);
    return people.compose(v -> stores.events().append(sealed)).transform(appended -> {
      if (appended.failed()) {
        behind = true;
        LOG.log(Level.WARNING, "append failed for session " + info.id() + ": " + appended.cause().getClass().getName());
        accepted.forEach(p -> p.promise().fail(Refusal.of("unavailable")));
        return Future.succeededFuture();
      }
      state = decided;
      lastHash = decidedHash;
      for (int i = 0; i < sealed.size(); i++) {
        publish(events.get(i), sealed.get(i));
        accepted.get(i).promise().complete(sealed.get(i).seq());
      }
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
    long seq = state.seq();
    ContactNote note;
    Future<Void> write;
    if (event instanceof ContactRequested requested) {
      note = ContactNote.requested(requested.requestId(), info.id(), requested.fromId(), requested.toId(),
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
      pending.promise().complete(seq);
      if (event instanceof ContactRequested) {
        mail.deliverRequest(note);
      } else {
        mail.deliverAnswer(note);
      }
      return Future.succeededFuture();
    });
  }

  private void failQueue(Throwable cause) {
    LOG.log(Level.WARNING, "session " + info.id() + " could not process commands: " + cause.getClass().getName());
    Pending pending;
    while ((pending = queue.poll()) != null) {
      pending.promise().fail(Refusal.of("unavailable"));
    }
  }

  /** After a failed append the store may hold more than this hub knows: read and publish it first. */
  private Future<Void> catchUp() {
    return stores.events().load(info.id(), state.seq(), Long.MAX_VALUE)
        .compose(missed -> stores.participants().listForSession(info.id()).map(people -> {
          Map<String, Participant> byId = new HashMap<>();
          people.forEach(p -> byId.put(p.id(), p));
          for (StoredEvent stored : missed) {
            SessionEvent event = EventCodec.fromStored(stored, byId);
            state = Dialogue.evolve(state, event);
            lastHash = stored.hash();
            publish(event, stored);
          }
          behind = false;
          return null;
        }));
  }

  // ---- after an event is durable ----------------------------------------------------------------

  private void publish(SessionEvent event, StoredEvent stored) {
    if (stored.seq() == 1) {
      firstHash = stored.hash();
    }
    receipts.put(stored.key(), stored.seq());
    remember(event, stored);
    String json = EventView.render(stored, state).encode();
    rendered.add(json);
    OutboundFrame frame = OutboundFrame.of(json);
    for (Connection connection : List.copyOf(connections)) {
      connection.deliver(stored.seq(), frame);
    }
    afterEffects(event, stored);
  }

  private void remember(SessionEvent event, StoredEvent stored) {
    if (event instanceof PostAdded added) {
      postSeq.put(added.postId(), stored.seq());
    }
  }

  private void afterEffects(SessionEvent event, StoredEvent stored) {
    if (event instanceof PostWithdrawn withdrawn) {
      long seq = postSeq.get(withdrawn.postId());
      rerender(seq);
      eraseWithdrawn(seq, new JsonObject(rendered.get((int) seq - 1)).getJsonObject("data"));
    } else if (event instanceof PostHidden hidden) {
      rerender(postSeq.get(hidden.postId()));
    } else if (event instanceof ConnectionMade made) {
      ContactNote note = mail.settleAccepted(made, stored);
      if (note != null) {
        stores.contacts().answer(note);
        mail.deliverAnswer(note);
      }
    } else if (event instanceof ParticipantErased erased) {
      forget(erased.participantId(), stored.at());
    } else if (event instanceof SessionEvent.SessionLocked) {
      headWrite = stores.sessions().setStatus(info.id(), "locked", stored.seq(), stored.hash());
    } else if (event instanceof SessionEvent.SessionReopened) {
      headWrite = stores.sessions().setStatus(info.id(), "open", stored.seq(), stored.hash());
    }
    // A closed record still grows (withdrawals, the harvest, telling marks): its head follows every
    // event, so the archive can tell a complete record from one cut short.
    if (state.status() == SessionStatus.CLOSED) {
      headWrite = stores.sessions().setStatus(info.id(), "closed", stored.seq(), stored.hash());
    }
  }

  /** Completes when the head of the latest status change is stored; the API answers after it. */
  public Future<Void> headWritten() {
    return Future.all(headWrite.otherwiseEmpty(), erasureWrite.otherwiseEmpty()).mapEmpty();
  }

  /**
   * A person asked to be erased: their name and words leave the room's copy of the record and
   * the store, their phones are let go, and the store file is rewritten so no old copy remains.
   */
  private void forget(String participantId, String at) {
    Map<Long, JsonObject> toErase = new HashMap<>();
    for (int i = 0; i < rendered.size(); i++) {
      JsonObject event = PersonErasure.withoutPerson(new JsonObject(rendered.get(i)), participantId);
      if (event != null) {
        rendered.set(i, event.encode());
        String name = event.getString("name");
        if (PersonErasure.wroteBy(name, event.getJsonObject("data"), participantId)) {
          toErase.put(i + 1L, Redaction.remaining(name, event.getJsonObject("data")));
        }
      }
    }
    mail.forget(participantId);
    for (Connection connection : List.copyOf(byParticipant.getOrDefault(participantId, Set.of()))) {
      connection.socket.close(Connection.CLOSE_ERASED, "erased");
    }
    eraseStored(participantId, at, toErase);
  }

  private void eraseStored(String participantId, String at, Map<Long, JsonObject> toErase) {
    // The events last: erasing them waits for the archive to forget what it folded (name included,
    // stored search entry too), so the file rewritten after it keeps no copy.
    erasureWrite = Future.all(stores.participants().erase(participantId, at),
            stores.contacts().eraseNotes(info.id(), participantId))
        .compose(v -> stores.events().eraseAll(info.id(), toErase, Redaction.marker(at, PersonErasure.REASON)))
        .compose(v -> stores.database().compactStorage())
        .onFailure(e -> LOG.warning("erasing a person failed; finished on next load: " + e.getClass().getName()));
  }

  /** The words of a withdrawn post leave the store; what remains says who, where and when. */
  private void eraseWithdrawn(long seq, JsonObject data) {
    stores.events().erase(info.id(), seq, Redaction.remaining("post.added", data),
            Redaction.marker(Instant.now().toString(), "withdrawn"))
        .onFailure(e -> LOG.warning("erasing a withdrawn post failed; retried on next load: " + e.getClass().getName()));
  }

  private void rerender(long seq) {
    JsonObject event = new JsonObject(rendered.get((int) seq - 1));
    JsonObject post = event.getJsonObject("data").getJsonObject("post");
    var known = state.posts().get(post.getString("id"));
    post.putNull("title").putNull("text").put("removed", known.withdrawn() ? "withdrawn" : "hidden");
    rendered.set((int) seq - 1, event.encode());
  }

  /** Private messages this participant has not received yet, sent after their welcome. */
  public void deliverUndelivered(String participantId) {
    mail.deliverUndelivered(participantId);
  }

  // ---- connections ------------------------------------------------------------------------------

  /** Attaches a connection and returns the wire form of every event so far (answered from memory). */
  public List<String> attach(Connection connection, long after) {
    connections.add(connection);
    if (connection.participantId != null) {
      byParticipant.computeIfAbsent(connection.participantId, k -> new LinkedHashSet<>()).add(connection);
      presence.changed();
    }
    connection.replayed(state.seq());
    long from = Math.max(0, Math.min(after, state.seq()));
    return rendered.subList((int) from, rendered.size());
  }

  /** What a resuming connection missed, read from the store, and the seq it reaches. */
  public record Replay(List<String> events, long upTo) {}

  /**
   * Attaches a connection whose replay is read from the store. Live events are held by the
   * connection until the caller has sent the replay and calls {@link Connection#replayed}.
   */
  public Future<Replay> attachFromStore(Connection connection, long after) {
    connection.holdEvents();
    connections.add(connection);
    byParticipant.computeIfAbsent(connection.participantId, k -> new LinkedHashSet<>()).add(connection);
    presence.changed();
    long upTo = state.seq();
    return stores.events().load(info.id(), after, upTo).map(events -> {
      List<String> replay = new ArrayList<>(events.size());
      events.forEach(e -> replay.add(EventView.render(e, state).encode()));
      return new Replay(replay, upTo);
    }).onFailure(e -> detach(connection));
  }

  public void detach(Connection connection) {
    connections.remove(connection);
    if (connection.participantId != null) {
      Set<Connection> own = byParticipant.get(connection.participantId);
      if (own != null) {
        own.remove(connection);
        if (own.isEmpty()) {
          byParticipant.remove(connection.participantId);
        }
      }
      presence.changed();
    }
    if (connections.isEmpty()) {
      idleSinceNanos = System.nanoTime();
    }
  }

  /** Tells one connection (just welcomed) who is online now, without waiting for the next change. */
  public void sendPresenceTo(Connection connection) {
    presenceFrame().writeTo(connection.socket);
  }

  private OutboundFrame presenceFrame() {
    JsonArray online = new JsonArray();
    byParticipant.keySet().forEach(online::add);
    return OutboundFrame.of(new JsonObject().put("type", "presence").put("online", online).encode());
  }

  private void broadcastPresence() {
    OutboundFrame frame = presenceFrame();
    for (Connection connection : connections) {
      if (!connection.socket.isClosed() && !connection.socket.writeQueueFull()) {
        frame.writeTo(connection.socket);
      }
    }
  }

  void close() {
    presence.cancel();
  }
}
