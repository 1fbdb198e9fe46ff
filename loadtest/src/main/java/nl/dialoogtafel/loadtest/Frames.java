package nl.dialoogtafel.loadtest;

import io.vertx.core.json.JsonObject;

/**
 * Reads the few fields the generator needs straight from a message's text. The generator shares
 * the two cores with the server under test, and a full JSON parse of every delivered event (tens
 * of thousands a second in P2) would weigh on the measurement; all three targets put {@code type}
 * first and carry our nonces as plain ASCII strings.
 */
final class Frames {

  private static final String TYPE_FIRST = "{\"type\":\"";

  private Frames() {}

  static String type(String json) {
    if (json.startsWith(TYPE_FIRST)) {
      int end = json.indexOf('"', TYPE_FIRST.length());
      return end < 0 ? "" : json.substring(TYPE_FIRST.length(), end);
    }
    Object type = new JsonObject(json).getValue("type");
    return type instanceof String s ? s : "";
  }

  /** The first string value of {@code field} in the text, or {@code null}; no escapes expected. */
  static String string(String json, String field) {
    String key = "\"" + field + "\":\"";
    int start = json.indexOf(key);
    if (start < 0) {
      return null;
    }
    start += key.length();
    int end = json.indexOf('"', start);
    return end < 0 ? null : json.substring(start, end);
  }
}
