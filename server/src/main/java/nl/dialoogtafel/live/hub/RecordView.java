package nl.dialoogtafel.live.hub;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.dialoogtafel.dialogue.SessionEvent.PostAdded;
import nl.dialoogtafel.dialogue.SessionEvent.PostRestored;
import nl.dialoogtafel.dialogue.SessionEvent.RecognitionAdded;
import nl.dialoogtafel.dialogue.SessionState;
import nl.dialoogtafel.record.Quotation;
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
  /** Per post, the seqs of the events whose words are about it (recognition notes): they go with it. */
  private final Map<String, List<Long>> aboutPost = new HashMap<>();
  /** Per post, the seqs of its {@code post.restored} events: they carry its words on the wire (extension). */
  private final Map<String, List<Long>> restoredPost = new HashMap<>();
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

  /**
   * A post's words left the wall (withdrawn or hidden): its event, and the recognitions whose notes
   * are about it, are shown as the state has them now.
   */
  void rerenderPost(String postId, SessionState state) {
    rerender(postSeq.get(postId), state);
    aboutPost.getOrDefault(postId, List.of()).forEach(seq -> rerender(seq, state));
    restoredPost.getOrDefault(postId, List.of()).forEach(seq -> rerender(seq, state));
  }

  /**
   * A person was erased: every event that names them, or whose words are about their posts, is
   * shown again (without name or words), and the data that must stay in the store of each event
   * holding their words or words about their posts is returned by seq.
   */
  Map<Long, JsonObject> forget(String participantId, SessionState state) {
    for (Recorded recorded : record) {
      if (PersonErasure.traces(recorded.event()).names(participantId)) {
        rerender(recorded.seq(), state);
      }
    }
    postsBy(participantId).forEach(post -> aboutPost.getOrDefault(post.postId(), List.of())
        .forEach(seq -> rerender(seq, state)));
    // A restore carries the post's words and the notes on it: shown again without what went.
    restoredPost.forEach((postId, seqs) -> seqs.forEach(seq -> rerender(seq, state)));
    return wordsOf(participantId);
  }

  /**
   * What stays of each event holding this person's words, or words about their posts, and not yet
   * erased in the store, by seq.
   */
  Map<Long, JsonObject> wordsOf(String participantId) {
    Map<Long, JsonObject> toErase = new HashMap<>();
    for (Recorded recorded : record) {
      if (!recorded.stored().isErased() && PersonErasure.traces(recorded.event()).wroteBy(participantId)) {
        toErase.put(recorded.seq(), Redaction.remaining(recorded.event()).orElseThrow());
      }
    }
    postsBy(participantId).forEach(post -> toErase.putAll(wordsAbout(post.postId())));
    return toErase;
  }

  /** What stays of each event whose words are about this post and not yet erased in the store, by seq. */
  Map<Long, JsonObject> wordsAbout(String postId) {
    Map<Long, JsonObject> toErase = new HashMap<>();
    for (long seq : aboutPost.getOrDefault(postId, List.of())) {
      Recorded recorded = record.get((int) seq - 1);
      if (!recorded.stored().isErased()) {
        toErase.put(seq, Redaction.remaining(recorded.event()).orElseThrow());
      }
    }
    return toErase;
  }

  /** The posts this person wrote, as added (their words as this view holds them). */
  List<PostAdded> postsBy(String participantId) {
    List<PostAdded> posts = new ArrayList<>();
    for (long seq : postSeq.values()) {
      if (record.get((int) seq - 1).event() instanceof PostAdded added && added.authorId().equals(participantId)) {
        posts.add(added);
      }
    }
    return posts;
  }

  /** What would quote this post's words (empty when the view holds them no more). */
  Quotation quotationOf(String postId) {
    return Quotation.of(List.of((PostAdded) post(postId).event()));
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
    wire.set(i, render(record.get(i), state).encode());
  }

  private String hold(Recorded recorded, SessionState shownAs) {
    record.add(recorded);
    // Only to find a post's event, and the notes about it, again when it is withdrawn or hidden.
    if (recorded.event() instanceof PostAdded added) {
      postSeq.put(added.postId(), recorded.seq());
    }
    if (recorded.event() instanceof PostRestored restored) {
      restoredPost.computeIfAbsent(restored.postId(), k -> new ArrayList<>()).add(recorded.seq());
    }
    String about = PersonErasure.traces(recorded.event()).about();
    if (about != null) {
      aboutPost.computeIfAbsent(about, k -> new ArrayList<>()).add(recorded.seq());
    }
    JsonObject rendered = render(recorded, shownAs);
    String json = rendered.encode();
    wire.add(json);
    snapshot.apply(rendered);
    return json;
  }

  private JsonObject render(Recorded recorded, SessionState state) {
    JsonObject rendered = EventView.render(recorded.stored(), recorded.event(), state);
    if (recorded.event() instanceof PostRestored restored) {
      rendered.getJsonObject("data").mergeIn(wordsBack(restored.postId(), state));
    }
    return rendered;
  }

  /**
   * Extension {@code post.restored}: what every screen dropped at the hide — the post's title and
   * text and the notes on it, by who wrote them — as the room may see them now (nothing while the
   * post is off the wall again, no note of a person erased since).
   */
  private JsonObject wordsBack(String postId, SessionState state) {
    PostAdded added = (PostAdded) post(postId).event();
    JsonObject post = EventView.render(post(postId).stored(), added, state).getJsonObject("data").getJsonObject("post");
    JsonArray notes = new JsonArray();
    for (long seq : aboutPost.getOrDefault(postId, List.of())) {
      Recorded about = record.get((int) seq - 1);
      if (about.event() instanceof RecognitionAdded recognition) {
        JsonObject shown = EventView.render(about.stored(), recognition, state).getJsonObject("data");
        notes.add(new JsonObject().put("by", recognition.byId()).put("note", shown.getValue("note")));
      }
    }
    return new JsonObject().put("title", post.getValue("title")).put("text", post.getValue("text"))
        .put("notes", notes);
  }
}
