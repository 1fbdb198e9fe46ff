package nl.dialoogtafel.live.hub;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import nl.dialoogtafel.dialogue.SessionState;
import nl.dialoogtafel.record.WaitingNote;
import nl.dialoogtafel.storage.WaitingStore;

/**
 * A session's waiting posts (pre-moderation) and the private messages made from them, to their
 * author only: {@code post.queued} (the post as written, waiting), {@code post.declined} (with the
 * reason) and {@code post.unqueued} (the author took it back). An approval needs no message: the
 * post arrives as {@code post.added} like any other. After a welcome the author gets every post
 * still waiting and every decline not yet delivered, so a phone that was away loses nothing; the
 * phone keys them by post id, so a message sent twice shows once. Part of one {@link SessionHub},
 * on its event loop.
 */
final class QueueMail {

  private final WaitingStore store;
  private final Function<String, Set<Connection>> socketsOf;
  /** In arrival order: the facilitator answers the oldest first. */
  private final Map<String, WaitingNote> notes = new LinkedHashMap<>();

  QueueMail(WaitingStore store, Function<String, Set<Connection>> socketsOf) {
    this.store = store;
    this.socketsOf = socketsOf;
  }

  void keep(WaitingNote note) {
    notes.put(note.post(), note);
  }

  WaitingNote note(String postId) {
    return notes.get(postId);
  }

  /**
   * A waiting post reached the wall (its {@code post.added}, heard or read by a node that did not
   * approve it): its note keeps no words from now on. The approved note, or null if it did not wait.
   */
  WaitingNote approved(String postId, String key, long seq) {
    WaitingNote note = notes.get(postId);
    if (note == null || !WaitingNote.WAITING.equals(note.status())) {
      return null;
    }
    WaitingNote approved = note.answered(WaitingNote.APPROVED, null, key, seq);
    notes.put(postId, approved);
    return approved;
  }

  /** The posts waiting now, oldest first, as the facilitator's API lists them. */
  JsonArray waiting(SessionState state) {
    JsonArray list = new JsonArray();
    for (WaitingNote note : notes.values()) {
      if (WaitingNote.WAITING.equals(note.status()) && state.moderation().waiting().containsKey(note.post())) {
        list.add(post(note).put("at", note.at()).put("author", EventView.person(note.author(), state)));
      }
    }
    return list;
  }

  void deliver(WaitingNote note) {
    switch (note.status()) {
      case WaitingNote.WAITING -> send(note, "post.queued", new JsonObject().put("post", post(note)));
      case WaitingNote.DECLINED -> send(note, "post.declined",
          new JsonObject().put("post", note.post()).put("reason", note.reason()));
      case WaitingNote.WITHDRAWN -> send(note, "post.unqueued", new JsonObject().put("post", note.post()));
      default -> { } // approved: the room's post.added says it
    }
  }

  /** After a welcome: what is still waiting, and declines the author has not seen yet. */
  void deliverUndelivered(String participantId) {
    for (WaitingNote note : notes.values()) {
      boolean waiting = WaitingNote.WAITING.equals(note.status());
      // Every decline, not only unseen ones: a reloaded phone has forgotten it, and the phone keys by post id.
      boolean unseenDecline = WaitingNote.DECLINED.equals(note.status());
      if (participantId.equals(note.author()) && (waiting || unseenDecline)) {
        deliver(note);
      }
    }
  }

  /** An erased person's waiting posts are forgotten here too. */
  void forget(String participantId) {
    notes.values().removeIf(note -> participantId.equals(note.author()));
  }

  private static JsonObject post(WaitingNote note) {
    return new JsonObject().put("id", note.post()).put("kind", note.kind()).put("title", note.title())
        .put("text", note.text()).put("phase", note.phase());
  }

  private void send(WaitingNote note, String name, JsonObject data) {
    Set<Connection> targets = socketsOf.apply(note.author());
    String json = new JsonObject().put("type", "private").put("name", name).put("data", data).encode();
    for (Connection target : targets) {
      target.sendRaw(json).onSuccess(v -> markDelivered(note.post()));
    }
  }

  private void markDelivered(String postId) {
    WaitingNote note = notes.get(postId);
    if (note == null || note.delivered() || WaitingNote.WAITING.equals(note.status())) {
      return;
    }
    notes.put(postId, note.asDelivered());
    store.markDelivered(note);
  }
}
