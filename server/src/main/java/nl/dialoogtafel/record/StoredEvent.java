package nl.dialoogtafel.record;

import io.vertx.core.json.JsonObject;

/**
 * One public event as the record keeps it. {@code data} holds references to people (ids), not
 * their names or contact details. {@code key} is the idempotency key of the command that caused
 * it. {@code erased} is null, or {@code {at, reason}} once the content was removed on request;
 * the hashes stay, so the chain still verifies.
 */
public record StoredEvent(
    String session, long seq, String at, String name, JsonObject data, String key,
    String contentHash, String hash, JsonObject erased) {

  public boolean isErased() {
    return erased != null;
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("session", session).put("seq", seq).put("at", at).put("name", name).put("data", data)
        .put("key", key).put("contentHash", contentHash).put("hash", hash);
    if (erased != null) {
      json.put("erased", erased);
    }
    return json;
  }

  public static StoredEvent fromJson(JsonObject json) {
    return new StoredEvent(
        json.getString("session"), json.getLong("seq"), json.getString("at"), json.getString("name"),
        json.getJsonObject("data"), json.getString("key"), json.getString("contentHash"),
        json.getString("hash"), json.getJsonObject("erased"));
  }
}
