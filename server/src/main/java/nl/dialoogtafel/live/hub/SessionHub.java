package nl.dialoogtafel.live.hub;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.dialoogtafel.dialogue.Command;
import nl.dialoogtafel.dialogue.Participant;
import nl.dialoogtafel.dialogue.SessionEvent.ConnectionMade;
import nl.dialoogtafel.dialogue.SessionEvent.ParticipantJoined;
import nl.dialoogtafel.dialogue.SessionState;
import nl.dialoogtafel.record.ContactNote;
import nl.dialoogtafel.record.ParticipantRecord;
import nl.dialoogtafel.record.SessionInfo;
import nl.dialoogtafel.record.StoredEvent;
import nl.dialoogtafel.storage.Stores;

/**
 * One live session in memory, on one event loop. It joins two halves: the {@link CommandPipeline}
 * that owns the record (decides, stores, acknowledges) and the {@link Room} of connections it is
 * shown to. Each durable event goes, in order, into the {@link RecordView}, out to the room, into
 * its {@link AfterEffects}, and into the record's head ({@link HeadWriter}).
 */
public final class SessionHub {

  private final SessionInfo info;
  private final CommandPipeline pipeline;
  private final RecordView view = new RecordView();
  private final Room room;
  private final ContactMail mail;
  private final Erasures erasures;
  private final HeadWriter head;
  private final AfterEffects afterEffects;
  private final Stores stores;

  private SessionHub(Vertx vertx, Stores stores, SessionInfo info) {
    this.info = info;
    this.stores = stores;
    this.room = new Room(vertx);
    this.mail = new ContactMail(stores, this::state, room::of);
    this.pipeline = new CommandPipeline(stores, info, mail, this::published);
    this.erasures = new Erasures(stores, info.id());
    this.head = new HeadWriter(stores.sessions(), info.id());
    this.afterEffects = new AfterEffects(this::state, view, mail, stores.contacts(), erasures, room);
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
    view.restore(record, state());
    erasures.finishOnLoad(view, state(), byId);
  }

  /** A durable public event, in order, with the pipeline's state already adopted. */
  private void published(Recorded recorded) {
    String json = view.add(recorded, state());
    JsonObject joined = recorded.event() instanceof ParticipantJoined join
        ? EventView.person(join.participant().id(), state()) : null;
    room.fanOut(recorded.seq(), OutboundFrame.of(json), joined);
    afterEffects.follow(recorded);
    head.follow(recorded.event(), recorded.stored(), state().status());
  }

  public SessionInfo info() {
    return info;
  }

  public SessionState state() {
    return pipeline.state();
  }

  public String epoch() {
    return pipeline.epoch();
  }

  /** The wire form of a stored event, as the facilitator API answers it. */
  public JsonObject renderedEvent(long seq) {
    return view.event(seq);
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
    return pipeline.submit(command, key, null);
  }

  /**
   * Joins a newcomer: their record is stored in the same batch as the join event, so a room that
   * joins at once costs a few writes, not one per phone.
   */
  public Future<Long> join(ParticipantRecord newcomer, String key) {
    return pipeline.submit(new Command.Join(newcomer.participant()), key, newcomer);
  }

  /** Completes when the head of the latest status change and the latest erasure are stored. */
  public Future<Void> headWritten() {
    return Future.all(head.written(), erasures.written()).mapEmpty();
  }

  /** Private messages this participant has not received yet, sent after their welcome. */
  public void deliverUndelivered(String participantId) {
    mail.deliverUndelivered(participantId);
  }

  // ---- connections ------------------------------------------------------------------------------

  /** Attaches a connection and returns the wire form of every event so far (answered from memory). */
  public List<String> attach(Connection connection, long after) {
    connection.asksSnapshot(false);
    room.enter(connection);
    connection.replayed(state().seq());
    long from = Math.max(0, Math.min(after, state().seq()));
    return view.after(from);
  }

  /** The session as a screen folds it, at the seq {@code encoded} covers: the reply to a client that asks. */
  public record SnapshotAt(long seq, String encoded) {}

  /**
   * Attaches a connection that asked for a snapshot: it gets the state at the current seq (one
   * encoding shared by every join at that seq) and from then on events, joins coalesced.
   */
  public SnapshotAt attachWithSnapshot(Connection connection) {
    connection.asksSnapshot(true);
    room.enter(connection);
    Snapshot snapshot = view.snapshot();
    connection.replayed(snapshot.seq());
    return new SnapshotAt(snapshot.seq(), snapshot.encoded());
  }

  /** What a resuming connection missed, read from the store, and the seq it reaches. */
  public record Replay(List<String> events, long upTo) {}

  /**
   * Attaches a connection whose replay is read from the store. Live events are held by the
   * connection until the caller has sent the replay and calls {@link Connection#replayed}.
   */
  public Future<Replay> attachFromStore(Connection connection, long after) {
    connection.asksSnapshot(false);
    connection.holdEvents();
    room.enter(connection);
    long upTo = state().seq();
    return stores.events().load(info.id(), after, upTo).map(events -> {
      List<String> replay = new ArrayList<>(events.size());
      events.forEach(e -> replay.add(EventView.render(e, state()).encode()));
      return new Replay(replay, upTo);
    }).onFailure(e -> detach(connection));
  }

  public void detach(Connection connection) {
    room.leave(connection);
  }

  /** Tells one connection (just welcomed) who is online now, without waiting for the next change. */
  public void sendPresenceTo(Connection connection) {
    room.sendPresenceTo(connection);
  }

  void close() {
    room.close();
  }
}
