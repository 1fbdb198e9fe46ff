package nl.dialoogtafel.live.hub;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.dialoogtafel.cluster.Peers;
import nl.dialoogtafel.dialogue.Command;
import nl.dialoogtafel.dialogue.Participant;
import nl.dialoogtafel.dialogue.PhaseClock;
import nl.dialoogtafel.dialogue.SessionEvent.ConnectionMade;
import nl.dialoogtafel.dialogue.SessionEvent.ParticipantJoined;
import nl.dialoogtafel.dialogue.SessionState;
import nl.dialoogtafel.record.ContactNote;
import nl.dialoogtafel.record.EventCodec;
import nl.dialoogtafel.record.ParticipantRecord;
import nl.dialoogtafel.record.SessionInfo;
import nl.dialoogtafel.record.StoredEvent;
import nl.dialoogtafel.storage.Stores;

/**
 * One live session in memory, on one event loop. It joins two halves: the {@link CommandPipeline}
 * that owns the record (decides, stores, acknowledges) and the {@link Room} of connections it is
 * shown to. A command is answered as soon as its event is durable; in the next task of the event
 * loop each durable event goes, in order, into the {@link RecordView}, out to the room, into its
 * {@link AfterEffects}, and into the record's head ({@link HeadWriter}). What the hub shows —
 * {@link #state()}, a welcome — is the view's, so it never claims an event the room has not got.
 *
 * <p>Callable from any event loop: what changes the session runs on the hub's own loop
 * ({@link Loops}) and answers on the caller's; {@link #state()} is an immutable value.
 */
public final class SessionHub {

  private final Context home;
  private final SessionInfo info;
  private final CommandPipeline pipeline;
  private final RecordView view;
  private final Room room;
  private final ContactMail mail;
  private final QueueMail queueMail;
  private final Erasures erasures;
  private final HeadWriter head;
  private final AfterEffects afterEffects;
  private final Stores stores;
  /** In a cluster, the tie to the other nodes; null on a single node. */
  private final SessionLink link;

  private SessionHub(Vertx vertx, Stores stores, SessionInfo info, SessionLink link) {
    this.home = Vertx.currentContext();
    this.info = info;
    this.stores = stores;
    this.room = new Room(vertx, home);
    this.view = new RecordView(SessionState.initial(info.id(), info.phases()));
    this.mail = new ContactMail(stores, this::state, room::of);
    this.queueMail = new QueueMail(stores.waiting(), room::of);
    this.pipeline = new CommandPipeline(stores, info, mail, queueMail, new CommandPipeline.Published() {
      @Override
      public void published(Recorded recorded, SessionState after) {
        SessionHub.this.published(recorded, after);
      }

      @Override
      public void settled(SessionState after) {
        view.settle(after);
      }
    }, task -> home.runOnContext(v -> task.run()));
    this.link = link;
    this.pipeline.link(link);
    // In a cluster the owner writes what follows from an event; the other nodes only show it.
    this.erasures = new Erasures(stores, info.id(), this::owns);
    this.head = new HeadWriter(vertx, stores.sessions()::setStatus, info.id());
    this.afterEffects = new AfterEffects(this::state, view, mail, stores.contacts(), erasures, room);
  }

  /**
   * Reads a session's record, people and contact notes from the store and folds them into a hub
   * that lives on the calling event loop.
   */
  static Future<SessionHub> load(Vertx vertx, Stores stores, SessionInfo info) {
    return load(vertx, stores, info, null);
  }

  /**
   * As {@link #load(Vertx, Stores, SessionInfo)}, in a cluster: the room's stream is heard from
   * before the record is read, and the session is owned here if no other node owns it.
   */
  static Future<SessionHub> load(Vertx vertx, Stores stores, SessionInfo info, Peers peers) {
    if (peers == null) {
      return loadStored(vertx, stores, info, null);
    }
    SessionLink link = new SessionLink(vertx, peers, info.id());
    return link.listen()
        .compose(v -> link.claimFirst())
        .compose(v -> loadStored(vertx, stores, info, link))
        .compose(hub -> link.start(hub.pipeline, hub::headWrittenHere).map(hub))
        .onFailure(e -> link.close());
  }

  private static Future<SessionHub> loadStored(Vertx vertx, Stores stores, SessionInfo info, SessionLink link) {
    String sessionId = info.id();
    var contactNotes = stores.contacts().listForSession(sessionId);
    var waiting = stores.waiting().listForSession(sessionId);
    return stores.events().loadAll(sessionId).compose(events -> {
      var people = stores.participants().listForRecord(sessionId, EventCodec.joinedIds(events));
      return Future.all(people, contactNotes, waiting).map(all -> {
        SessionHub hub = new SessionHub(vertx, stores, info, link);
        hub.restore(events, people.result(), contactNotes.result());
        hub.pipeline.restoreWaiting(waiting.result());
        hub.view.settle(hub.pipeline.state());
        return hub;
      });
    });
  }

  private void restore(List<StoredEvent> events, List<Participant> people, List<ContactNote> contactNotes) {
    Map<String, Participant> byId = new HashMap<>();
    people.forEach(p -> byId.put(p.id(), p));
    List<Recorded> record = pipeline.restore(events, byId, contactNotes);
    for (Recorded recorded : record) {
      if (recorded.event() instanceof ConnectionMade made) {
        // A crash between the connection event and its note's answer is finished here.
        ContactNote settled = mail.settleAccepted(made, recorded.stored());
        if (settled != null) {
          stores.contacts().answer(settled);
        }
      }
    }
    view.restore(record, pipeline.state());
    erasures.finishOnLoad(view, state(), byId);
  }

  /** A durable public event, in order, with the state right after it (its commands are answered). */
  private void published(Recorded recorded, SessionState after) {
    String json = view.add(recorded, after);
    JsonObject joined = recorded.event() instanceof ParticipantJoined join
        ? EventView.person(join.participant().id(), after) : null;
    room.fanOut(recorded.seq(), OutboundFrame.of(json), joined);
    afterEffects.follow(recorded);
    if (owns()) {
      head.follow(recorded.event(), recorded.stored(), after.status());
    }
  }

  /** Whether this node decides and writes for the session: always on a single node. */
  private boolean owns() {
    return link == null || link.owns();
  }

  public SessionInfo info() {
    return info;
  }

  /**
   * The state as the room has been shown it: up to the last event in the view. The pipeline's
   * durable state may be a task ahead while acks go out before the fan-out. A value, safe to
   * read from any loop.
   */
  public SessionState state() {
    return view.state();
  }

  /**
   * Completes once this node's view holds the record up to {@code seq}, as far as the store does:
   * in a cluster a phone may come back with a seq its old node showed before this one heard of it.
   */
  public Future<Void> reach(long seq) {
    return Loops.on(home, () -> link == null || state().seq() >= seq ? Future.succeededFuture()
        : pipeline.fillFromStore());
  }

  /**
   * Completes once this node's view holds the participant, as far as the store does: in a cluster a
   * phone may resume here right after its join was answered through another node, before this one
   * has heard of it (the join is durable once answered, so the store has it).
   */
  public Future<Void> reachParticipant(String participantId) {
    return Loops.on(home, () -> link == null || state().participants().containsKey(participantId)
        ? Future.succeededFuture() : pipeline.fillFromStore());
  }

  public String epoch() {
    return pipeline.epoch();
  }

  /** The wire form of a stored event, as the facilitator API answers it. */
  public Future<JsonObject> renderedEvent(long seq) {
    return Loops.on(home, () -> Future.succeededFuture(view.event(seq)));
  }

  public int onlineCount() {
    return room.online();
  }

  boolean idleFor(long nanos) {
    return room.emptyFor(nanos) && pipeline.idle();
  }

  // ---- commands -------------------------------------------------------------------------------

  /**
   * Decides and stores a command. The future holds the {@code seq} to acknowledge; a command
   * with a key seen before gets its first answer again and stores nothing.
   */
  public Future<Long> submit(Command command, String key) {
    return Loops.on(home, () -> pipeline.submit(command, key, null));
  }

  /**
   * Decides a command made from the phase clock as the room has been shown it (extension
   * {@code phase.clock}): read on this hub's loop once everything durable is shown, so the reading
   * holds every clock change answered before.
   */
  public Future<Long> submitWithClock(Function<PhaseClock, Command> command, String key) {
    return Loops.on(home, () -> pipeline.shown()
        .compose(v -> pipeline.submit(command.apply(view.snapshot().clock().clock()), key, null)));
  }

  /**
   * Joins a newcomer: their record is stored in the same batch as the join event, so a room that
   * joins at once costs a few writes, not one per phone.
   */
  public Future<Long> join(ParticipantRecord newcomer, String key) {
    // Answered once the join is shown: the welcome is built from the view and must hold it.
    return Loops.on(home, () -> pipeline.submit(new Command.Join(newcomer.participant()), key, newcomer)
        .compose(seq -> pipeline.shownThrough(seq).map(seq)));
  }

  /**
   * Completes when every durable event is shown and the head of the latest status change and the
   * latest erasure are stored.
   */
  public Future<Void> headWritten() {
    return Loops.on(home, () -> owns() ? headWrittenHere().mapEmpty()
        : link.ownerHeadWritten().compose(pipeline::shownThrough));
  }

  /** On the owner: once the head and erasures are stored; the seq they reach. */
  private Future<Long> headWrittenHere() {
    return pipeline.shown().compose(v -> Future.all(head.written(), erasures.written())).map(v -> pipeline.state().seq());
  }

  /**
   * Private messages this participant has not received yet, sent after their welcome. In a cluster
   * their notes are read from the store first: another node may have delivered some, or this one may
   * not have heard of some (see {@link LateNotes}).
   */
  public void deliverUndelivered(String participantId) {
    Loops.run(home, () -> (link == null ? Future.<Void>succeededFuture() : pipeline.refreshNotesOf(participantId))
        .onComplete(read -> {
          mail.deliverUndelivered(participantId);
          queueMail.deliverUndelivered(participantId);
        }));
  }

  /**
   * A newcomer's welcome: what reached this node for them between their join and their welcome, from
   * memory, without reading the store (a join storm would pay it per phone): before their join nothing
   * was stored for them, and what is stored since reaches this node as any live message does.
   */
  public void deliverToNewcomer(String participantId) {
    Loops.run(home, () -> {
      mail.deliverUndelivered(participantId);
      queueMail.deliverUndelivered(participantId);
    });
  }

  /**
   * Pre-moderation: the posts waiting now, oldest first, with their words (for the facilitator only).
   * A node that does not own the session reads them from the store first: the console may be on any node.
   */
  public Future<JsonArray> waiting() {
    return Loops.on(home, () -> (owns() ? Future.<Void>succeededFuture() : pipeline.refreshQueue())
        .map(v -> queueMail.waiting(state())));
  }

  // ---- connections ------------------------------------------------------------------------------

  /** How a connection asks to be welcomed. */
  public enum Reply {
    /** Protocol v1: every event after {@code after}. */
    EVENTS,
    /** The extension: the state now as a snapshot, joins then coalesced. */
    SNAPSHOT,
    /**
     * The extension, for a client that already holds the record up to {@code after}: only the
     * events it missed when they are few (cheaper than the whole state), else a snapshot.
     */
    SNAPSHOT_UNLESS_FEW_MISSED
  }

  /** At most this many missed events are sent as events to a client that asked for a snapshot. */
  static final long FEW_MISSED = 512;

  /**
   * What a connection attached with: the events it is welcomed with, or the session folded as a
   * screen folds it ({@code snapshot}, encoded), and the state they reach.
   */
  public record Attached(List<String> events, String snapshot, SessionState state, String epoch) {
    public long seq() {
      return state.seq();
    }
  }

  /**
   * Attaches a connection and answers from memory, as {@code reply} asks: the wire form of every
   * event after {@code after}, or the state now (one encoding shared by every join at the same
   * seq). The caller sends the answer, then calls {@link Connection#replayed} with
   * {@link Attached#seq()} before anything else reaches the connection: live events follow on its
   * loop only after this answer. {@code participantId} is null for a kiosk.
   */
  public Future<Attached> attach(Connection connection, String participantId, long after, Reply reply) {
    return Loops.on(home, () -> {
      room.enter(connection, participantId, reply != Reply.EVENTS);
      SessionState now = state();
      long from = Math.max(0, Math.min(after, now.seq()));
      boolean few = from > 0 && now.seq() - from <= FEW_MISSED;
      if (reply == Reply.SNAPSHOT || (reply == Reply.SNAPSHOT_UNLESS_FEW_MISSED && !few)) {
        return Future.succeededFuture(new Attached(List.of(), view.snapshot().encoded(), now, epoch()));
      }
      return Future.succeededFuture(new Attached(view.after(from), null, now, epoch()));
    });
  }

  /** The connection is gone or left: from any loop. */
  public void detach(Connection connection) {
    Loops.run(home, () -> room.leave(connection));
  }

  /** Tells one connection (just welcomed) who is online now, without waiting for the next change. */
  public void sendPresenceTo(Connection connection) {
    Loops.run(home, () -> room.sendPresenceTo(connection));
  }

  void close() {
    room.close();
    if (link != null) {
      link.close();
    }
  }
}
