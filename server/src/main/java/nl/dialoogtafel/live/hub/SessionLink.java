package nl.dialoogtafel.live.hub;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Logger;
import nl.dialoogtafel.cluster.CommandCodec;
import nl.dialoogtafel.cluster.Peers;
import nl.dialoogtafel.cluster.RoomMessages;
import nl.dialoogtafel.dialogue.Command;
import nl.dialoogtafel.http.Refusal;
import nl.dialoogtafel.record.ContactNote;
import nl.dialoogtafel.record.ParticipantRecord;
import nl.dialoogtafel.record.StoredEvent;
import nl.dialoogtafel.record.WaitingNote;
import nl.dialoogtafel.storage.LeaseStore.Lease;

/**
 * A live session's tie to the other nodes of a cluster. Exactly one node owns the session (holds
 * its lease in the store): its pipeline decides, stores and publishes what it stored to the room's
 * address. Every other node holding the session's connections follows: it hears the published
 * events (folding them into its own view and room, rendered once on that node) and sends its
 * phones' commands to the owner's address, request and reply, so the answer comes back to the
 * phone as on one node. A command the owner does not answer is sent again (it is idempotent by its
 * key); when the owner is gone its lease runs out and the first node that needs the session takes
 * it, reads what the store holds beyond its view, and decides from then on. On the hub's loop.
 */
final class SessionLink {

  private static final Logger LOG = Logger.getLogger(SessionLink.class.getName());
  /** How long a command keeps trying to reach an owner (or become one) before it is refused. */
  static final long GIVE_UP_MILLIS = 15_000;
  private static final long RETRY_MILLIS = 250;
  /** A publication later than this after its command's answer is read from the store instead. */
  private static final long LATE_MILLIS = 1_000;

  private final Vertx vertx;
  private final Peers peers;
  private final String sessionId;
  private CommandPipeline pipeline;
  /** The facilitator's "written": answered on the owner once the head is stored; gives the seq. */
  private Supplier<Future<Long>> headWritten;
  private Lease lease;
  private MessageConsumer<JsonObject> commands;
  private MessageConsumer<JsonObject> room;
  /** Room messages heard before the record was loaded; replayed once it is. */
  private List<JsonObject> early = new ArrayList<>();
  private Future<Boolean> claiming;
  private boolean closed;

  SessionLink(Vertx vertx, Peers peers, String sessionId) {
    this.vertx = vertx;
    this.peers = peers;
    this.sessionId = sessionId;
  }

  /** First of all: listen to the room, so no event falls between loading the record and the stream. */
  Future<Void> listen() {
    room = peers.consumer(Peers.roomAddress(sessionId), this::heard);
    return room.completion();
  }

  /**
   * Before the record is read: the session is owned here if nobody owns it, so a load that owns it
   * also finishes what a crash cut short (erasures) as on one node.
   */
  Future<Void> claimFirst() {
    return peers.claim(sessionId).transform(taken -> {
      if (taken.succeeded() && taken.result().isPresent() && !closed) {
        lease = taken.result().get();
      }
      return Future.succeededFuture();
    });
  }

  /** The record is loaded: what was heard meanwhile is folded in; an owner starts taking commands. */
  Future<Void> start(CommandPipeline pipeline, Supplier<Future<Long>> headWritten) {
    this.pipeline = pipeline;
    this.headWritten = headWritten;
    List<JsonObject> heard = early;
    early = null;
    heard.forEach(this::follow);
    if (lease != null) {
      commands = peers.consumer(Peers.ownerAddress(sessionId), this::command);
      LOG.info("node " + peers.nodeId() + " owns session " + sessionId + " (token " + lease.token() + ")");
    }
    return Future.succeededFuture();
  }

  boolean owns() {
    return lease != null;
  }

  // ---- ownership --------------------------------------------------------------------------------

  /** Takes the lease if it is free or has run out; true when this node owns the session now. */
  private Future<Boolean> tryToOwn() {
    if (owns()) {
      return Future.succeededFuture(true);
    }
    if (claiming == null) {
      claiming = peers.claim(sessionId).transform(taken -> {
        claiming = null;
        if (taken.succeeded()) {
          taken.result().ifPresent(this::own);
        }
        return Future.succeededFuture(owns());
      });
    }
    return claiming;
  }

  private void own(Lease taken) {
    if (closed) {
      peers.release(taken);
      return;
    }
    lease = taken;
    if (commands == null) {
      commands = peers.consumer(Peers.ownerAddress(sessionId), this::command);
    }
    // What the owner before stored and this node has not heard is read from the store first.
    pipeline.becameOwner();
    LOG.info("node " + peers.nodeId() + " owns session " + sessionId + " (token " + taken.token() + ")");
  }

  private void stepDown() {
    lease = null;
    if (commands != null) {
      commands.unregister();
      commands = null;
    }
  }

  /**
   * Before an append: whether this node still owns the session under the lease it decided with.
   * False when the lease went elsewhere (this node follows from now on) or was taken again with a
   * new token (someone may have appended meanwhile: the pipeline reads the store first); failed
   * when the store cannot say.
   */
  Future<Boolean> confirm() {
    if (lease == null) {
      return Future.succeededFuture(false);
    }
    Lease decidedUnder = lease;
    return peers.confirm(decidedUnder).transform(asked -> {
      if (asked.failed()) {
        return Future.failedFuture(asked.cause()); // the store is away: nothing is appended now anyway
      }
      if (asked.result().isEmpty()) {
        stepDown();
        return Future.succeededFuture(false);
      }
      if (!asked.result().get().equals(decidedUnder)) {
        own(asked.result().get());
        return Future.succeededFuture(false);
      }
      return Future.succeededFuture(true);
    });
  }

  // ---- the owner's side -------------------------------------------------------------------------

  /** What was just stored, to the other nodes of the room. */
  void published(List<StoredEvent> events, List<ParticipantRecord> newcomers) {
    peers.publish(Peers.roomAddress(sessionId), RoomMessages.events(events,
        newcomers.stream().map(ParticipantRecord::participant).toList()));
  }

  void noted(ContactNote note) {
    peers.publish(Peers.roomAddress(sessionId), RoomMessages.note(note));
  }

  /** A post that waits, or its decline or withdrawal: its author may be on any node, the console too. */
  void noted(WaitingNote note) {
    peers.publish(Peers.roomAddress(sessionId), RoomMessages.waiting(note));
  }

  /** A command from a phone or console on another node. */
  private void command(Message<JsonObject> message) {
    if (!owns() || closed) {
      message.fail(503, "not the owner");
      return;
    }
    JsonObject body = message.body();
    if ("head".equals(body.getString("op"))) {
      headWritten.get().onComplete(done -> message.reply(done.succeeded()
          ? new JsonObject().put("seq", done.result()) : refusal(done.cause())));
      return;
    }
    Command command;
    ParticipantRecord newcomer = null;
    try {
      command = CommandCodec.decode(body.getJsonObject("command"));
      JsonObject person = body.getJsonObject("newcomer");
      if (person != null) {
        newcomer = ParticipantRecord.fromJson(person.getString("id"), person);
      }
    } catch (RuntimeException unreadable) {
      message.reply(refusal(Refusal.of("bad_request")));
      return;
    }
    pipeline.submit(command, body.getString("key"), newcomer).onComplete(done -> message.reply(done.succeeded()
        ? new JsonObject().put("seq", done.result()) : refusal(done.cause())));
  }

  private static JsonObject refusal(Throwable cause) {
    Refusal refusal = cause instanceof Refusal r ? r : Refusal.of("unavailable");
    JsonArray args = new JsonArray();
    Arrays.stream(refusal.args()).forEach(a -> args.add(String.valueOf(a)));
    return new JsonObject().put("refusal", new JsonObject().put("code", refusal.code()).put("reason", refusal.reason())
        .put("field", refusal.field()).put("args", args));
  }

  private static Refusal refusalOf(JsonObject json) {
    return new Refusal(json.getString("code"), json.getString("reason"), json.getString("field"),
        json.getJsonArray("args", new JsonArray()).getList().toArray());
  }

  // ---- a follower's side ------------------------------------------------------------------------

  /** A command for the owner; answered with its seq, or its refusal, as on one node. */
  Future<Long> forward(Command command, String key, ParticipantRecord newcomer) {
    JsonObject request = new JsonObject().put("command", CommandCodec.encode(command)).put("key", key);
    if (newcomer != null) {
      request.put("newcomer", newcomer.toJson().put("id", newcomer.id()));
    }
    return attempt(request, System.currentTimeMillis() + GIVE_UP_MILLIS,
        () -> pipeline.submit(command, key, newcomer)).onSuccess(this::expect);
  }

  /**
   * The owner stored up to {@code seq}: its publication should be here within a moment. If it is
   * not (the owner died between storing and publishing), the store has it.
   */
  private void expect(long seq) {
    vertx.setTimer(LATE_MILLIS, id -> {
      if (!closed && !owns() && pipeline.state().seq() < seq) {
        pipeline.fillFromStore();
      }
    });
  }

  /** The seq of the owner's record once its head is written (the facilitator API waits for it). */
  Future<Long> ownerHeadWritten() {
    return attempt(new JsonObject().put("op", "head"), System.currentTimeMillis() + GIVE_UP_MILLIS,
        () -> headWritten.get());
  }

  /**
   * Sends to the owner; when no owner answers, takes the session if its lease ran out (and then
   * runs {@code here}), else tries again shortly, until the deadline.
   */
  private Future<Long> attempt(JsonObject request, long deadline, Supplier<Future<Long>> here) {
    if (owns()) {
      return here.get();
    }
    return peers.request(Peers.ownerAddress(sessionId), request).transform(answer -> {
      if (answer.succeeded()) {
        JsonObject reply = answer.result();
        return reply.containsKey("seq") ? Future.succeededFuture(reply.getLong("seq"))
            : Future.failedFuture(refusalOf(reply.getJsonObject("refusal")));
      }
      if (closed || System.currentTimeMillis() > deadline) {
        return Future.failedFuture(Refusal.of("unavailable"));
      }
      return tryToOwn().compose(owned -> {
        if (owned) {
          return here.get();
        }
        Promise<Void> later = Promise.promise();
        vertx.setTimer(RETRY_MILLIS, id -> later.complete());
        return later.future().compose(v -> attempt(request, deadline, here));
      });
    });
  }

  private void heard(Message<JsonObject> message) {
    JsonObject body = message.body();
    if (peers.mine(body)) {
      return;
    }
    if (early != null) {
      early.add(body);
    } else {
      follow(body);
    }
  }

  private void follow(JsonObject body) {
    try {
      if (RoomMessages.EVENTS.equals(body.getString("kind"))) {
        pipeline.follow(RoomMessages.eventsOf(body), RoomMessages.peopleOf(body));
      } else if (RoomMessages.NOTE.equals(body.getString("kind"))) {
        pipeline.followNote(RoomMessages.noteOf(body));
      } else if (RoomMessages.WAITING.equals(body.getString("kind"))) {
        pipeline.followWaiting(RoomMessages.waitingOf(body));
      }
    } catch (RuntimeException e) {
      LOG.warning("session " + sessionId + ": a room message could not be followed: " + e.getClass().getName());
    }
  }

  /** The session is let go on this node: it stops listening, and an owner gives its lease back. */
  void close() {
    closed = true;
    if (room != null) {
      room.unregister();
    }
    if (lease != null) {
      peers.release(lease);
    }
    stepDown();
  }
}
