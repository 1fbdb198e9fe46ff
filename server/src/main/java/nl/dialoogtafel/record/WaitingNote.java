package nl.dialoogtafel.record;

import io.vertx.core.json.JsonObject;

/**
 * A post that waited (or waits) for the facilitator, as stored beside the record, never in it
 * (pre-moderation, an extension). Its words are kept only while it waits: once approved they are
 * in the record's {@code post.added}, once declined or withdrawn they were never let through, so
 * the note keeps only who, when and (declined) why. {@code delivered}: the outcome reached the author.
 */
public record WaitingNote(
    String post, String session, String kind, String title, String text, String phase, String author,
    String key, long seq, String status, String reason, String answerKey, long answerSeq, boolean delivered,
    String at) {

  public static final String WAITING = "waiting";
  public static final String APPROVED = "approved";
  public static final String DECLINED = "declined";
  public static final String WITHDRAWN = "withdrawn";

  public static WaitingNote waiting(String post, String session, String kind, String title, String text,
      String phase, String author, String key, long seq, String at) {
    return new WaitingNote(post, session, kind, title, text, phase, author, key, seq, WAITING, null, null, 0, false,
        at);
  }

  /** Answered: the words leave the note (see above), the reason of a decline stays for its author. */
  public WaitingNote answered(String newStatus, String why, String answeredKey, long answeredSeq) {
    return new WaitingNote(post, session, kind, null, null, phase, author, key, seq, newStatus, why, answeredKey,
        answeredSeq, false, at);
  }

  public WaitingNote asDelivered() {
    return new WaitingNote(post, session, kind, title, text, phase, author, key, seq, status, reason, answerKey,
        answerSeq, true, at);
  }

  public JsonObject toJson() {
    return new JsonObject().put("session", session).put("post", post).put("kind", kind).put("title", title)
        .put("text", text).put("phase", phase).put("author", author).put("key", key).put("seq", seq)
        .put("status", status).put("reason", reason).put("answerKey", answerKey).put("answerSeq", answerSeq)
        .put("delivered", delivered).put("at", at);
  }

  public static WaitingNote fromJson(JsonObject j) {
    return new WaitingNote(j.getString("post"), j.getString("session"), j.getString("kind"), j.getString("title"),
        j.getString("text"), j.getString("phase"), j.getString("author"), j.getString("key"), j.getLong("seq", 0L),
        j.getString("status"), j.getString("reason"), j.getString("answerKey"), j.getLong("answerSeq", 0L),
        j.getBoolean("delivered", false), j.getString("at"));
  }
}
