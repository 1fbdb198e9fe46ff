package nl.dialoogtafel.record;

import io.vertx.core.json.JsonObject;

/**
 * What stays of a stored event whose words are erased — a post its author withdrew, or what a
 * person erased on request wrote: who, where and when, never the words. The hashes stay, so the
 * chain still verifies. Works on stored and rendered events alike: both carry the ids in the same
 * places.
 */
public final class Redaction {

  private Redaction() {}

  /** The data that stays of a {@code post.added} or {@code recognition.added}. */
  public static JsonObject remaining(String name, JsonObject data) {
    if (name.equals("post.added")) {
      JsonObject post = data.getJsonObject("post");
      return new JsonObject().put("post", new JsonObject().put("id", post.getString("id"))
          .put("kind", post.getString("kind")).put("phase", post.getString("phase"))
          .put("author", new JsonObject().put("id", post.getJsonObject("author").getString("id"))));
    }
    return new JsonObject().put("post", data.getString("post"))
        .put("by", new JsonObject().put("id", data.getJsonObject("by").getString("id")));
  }

  /** The marker an erased event carries: when, and why ({@code withdrawn} or {@code erased}). */
  public static JsonObject marker(String at, String reason) {
    return new JsonObject().put("at", at).put("reason", reason);
  }
}
