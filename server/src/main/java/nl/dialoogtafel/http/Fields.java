package nl.dialoogtafel.http;

import io.vertx.core.json.JsonObject;

/** Reads and checks the fields of an incoming message; every refusal names its field. */
public final class Fields {

  private final JsonObject message;

  public Fields(JsonObject message) {
    this.message = message;
  }

  /** A required string of {@code min..max} characters; single-line ones are trimmed. */
  public String text(String field, int min, int max, boolean multiline) {
    String value = optionalText(field, max, multiline);
    if (value == null || value.codePointCount(0, value.length()) < min) {
      if (value == null || value.isEmpty()) {
        throw Refusal.invalid(field, "field_required", field);
      }
      throw Refusal.invalid(field, "field_length", field, min, max);
    }
    return value;
  }

  /** An optional string of at most {@code max} characters; absent or blank becomes null. */
  public String optionalText(String field, int max, boolean multiline) {
    Object raw = message.getValue(field);
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof String value)) {
      throw Refusal.invalid(field, "field_type", field);
    }
    String cleaned = multiline ? value.strip() : value.trim();
    if (cleaned.codePointCount(0, cleaned.length()) > max) {
      throw Refusal.invalid(field, "field_length", field, 0, max);
    }
    for (int i = 0; i < cleaned.length(); i++) {
      char c = cleaned.charAt(i);
      boolean allowedBreak = multiline && (c == '\n' || c == '\r' || c == '\t');
      if ((c < 0x20 && !allowedBreak) || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
        throw Refusal.invalid(field, "field_characters", field);
      }
    }
    return cleaned.isEmpty() ? null : cleaned;
  }

  /** The client's idempotency key. */
  public String id() {
    return text("id", 1, 100, false);
  }

  public boolean bool(String field, boolean fallback) {
    Object raw = message.getValue(field);
    if (raw == null) {
      return fallback;
    }
    if (!(raw instanceof Boolean value)) {
      throw Refusal.invalid(field, "field_type", field);
    }
    return value;
  }

  public long count(String field) {
    Object raw = message.getValue(field);
    if (raw == null) {
      return 0;
    }
    if (!(raw instanceof Number number) || number.doubleValue() < 0 || number.doubleValue() != number.longValue()) {
      throw Refusal.invalid(field, "field_type", field);
    }
    return number.longValue();
  }
}
