package nl.dialoogtafel.live.hub;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.dialoogtafel.dialogue.SessionEvent.PostAdded;
import nl.dialoogtafel.dialogue.SessionState;
import nl.dialoogtafel.record.Redaction;

/**
 * The room's copy of the record: every public event, typed, with its wire form encoded once so a
 * join is answered from memory by concatenation, and the state as of the last event it holds —
 * the state the room is shown, which may be a task behind the durable one (acks go first). When a post is withdrawn or hidden, or a person
 * erased, the events concerned are rendered again from the typed event and the state, never
 * patched as text. Part of one {@link SessionHub}, on its event loop.
 */
final class RecordView {

  /** Index {@code seq - 1}. */
  private final List<Recorded> record = new ArrayList<>();
  /** The wire form of {@link #record}, same index. */
  private final List<String> wire = new ArrayList<>();
  private final Map<String, Long> postSeq = new HashMap<>();
  /** Replaced only on the hub's loop; volatile so another loop reads a whole value. */
  private volatile SessionState state;
  /** The same events folded as a screen folds them, for clients that ask for a snapshot. */
  private final Snapshot snapshot = new Snapshot();

  RecordView(SessionState initial) {
    this.state = initial;
  }

  /** The state as of the last event held here; its {@code seq} is {@link #seq()}. */
  SessionState state() {
    return state;
  }

  /** How many events are held here: a welcome from this view covers exactly these. */
  long seq() {
    return wire.size();
  }

  /** A private change (a contact note): no event, but the state moves on. */
  void settle(SessionState next) {
    this.state = next;
  }

  /** Adds the next event of the record, with the state right after it, and returns its wire form. */
  String add(Recorded recorded, SessionState after) {
    if (recorded.seq() != seq() + 1 || after.seq() != recorded.seq()) {
      throw new IllegalStateException("event " + recorded.seq() + " does not follow " + seq());
    }
    this.state = after;
    return hold(recorded, after);
  }

  /** Adds what was loaded before any of it is rendered: every event is shown as the state is now. */
  void restore(List<Recorded> loaded, SessionState now) {
    loaded.forEach(r -> hold(r, now));
    this.state = now;
  }

  List<Recorded> all() {
    return record;
  }

  /** The event that added a post. */
  Recorded post(String postId) {
    return record.get((int) (long) postSeq.get(postId) - 1);
  }

  /** A post's words left the wall (withdrawn or hidden): its event is shown as the state has it now. */
  void rerenderPost(String postId, SessionState state) {
    rerender(postSeq.get(postId), state);
  }

  /**
   * A person was erased: every event that names them is shown again (without name or words), and
   * the data that must stay in the store of each event holding their words is returned by seq.
   */
  Map<Long, JsonObject> forget(String participantId, SessionState state) {
    for (Recorded recorded : record) {
      if (PersonErasure.traces(recorded.event()).names(participantId)) {
        rerender(recorded.seq(), state);
      }
    }
    return wordsOf(participantId);
  }

  /** What stays of each event holding this person's words and not yet erased in the store, by seq. */
  Map<Long, JsonObject> wordsOf(String participantId) {
    Map<Long, JsonObject> toErase = new HashMap<>();
    for (Recorded recorded : record) {
      if (!recorded.stored().isErased() && PersonErasure.traces(recorded.event()).wroteBy(participantId)) {
        toErase.put(recorded.seq(), Redaction.remaining(recorded.event()).orElseThrow());
      }
    }
    return toErase;
  }

  /** The wire form of the events after {@code from} (a count of events), shared, not copied. */
  List<String> after(long from) {
    return wire.subList((int) from, wire.size());
  }

  /** The state at the last event, as a screen would have folded it. */
  Snapshot snapshot() {
    return snapshot;
  }

  /** The wire form of one event, as the facilitator API answers it. */
  JsonObject event(long seq) {
    return new JsonObject(wire.get((int) seq - 1));
  }

  private void rerender(long seq, SessionState state) {
    int i = (int) seq - 1;
    wire.set(i, render(record.get(i), state));
  }

  private String hold(Recorded recorded, SessionState shownAs) {
    record.add(recorded);
    // Only to find a post's event again when it is withdrawn or hidden.
    if (recorded.event() instanceof PostAdded added) {
      postSeq.put(added.postId(), recorded.seq());
    }
    JsonObject rendered = EventView.render(recorded.stored(), recorded.event(), shownAs);
    String json = rendered.encode();
    wire.add(json);
    snapshot.apply(rendered);
    return json;
  }

  private static String render(Recorded recorded, SessionState state) {
    return EventView.render(recorded.stored(), recorded.event(), state).encode();
  }
}
