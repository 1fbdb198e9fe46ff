package nl.dialoogtafel.http;

import io.vertx.core.json.JsonObject;

/**
 * Reads and checks the fields of an incoming JSON message or body (phone, facilitator, accounts);
 * text goes through {@link TextRule}, and every refusal names its field.
 */
public final class Fields {

  private final JsonObject message;

  public Fields(JsonObject message) {
    this.message = message;
  }

  /** A required string of {@code min..max} characters (code points), checked by {@link TextRule}. */
  public String text(String field, int min, int max, boolean multiline) {
    return required(field, min, max, multiline ? TextRule.Shape.TEXT : TextRule.Shape.LINE);
  }

  /** An optional string of at most {@code max} characters; absent or blank becomes null. */
  public String optionalText(String field, int max, boolean multiline) {
    return optional(field, max, multiline ? TextRule.Shape.TEXT : TextRule.Shape.LINE);
  }

  /** A required name (person, organisation, role, municipality…): one line, nothing hidden in it. */
  public String name(String field, int min, int max) {
    return required(field, min, max, TextRule.Shape.NAME);
  }

  /** An optional name; absent or blank becomes null. */
  public String optionalName(String field, int max) {
    return optional(field, max, TextRule.Shape.NAME);
  }

  private String required(String field, int min, int max, TextRule.Shape shape) {
    String value = read(field, min, max, shape);
    if (value == null) {
      throw Refusal.invalid(field, "field_required", field);
    }
    if (TextRule.length(value) < min) {
      throw Refusal.invalid(field, "field_length", field, min, max);
    }
    return value;
  }

  private String optional(String field, int max, TextRule.Shape shape) {
    return read(field, 0, max, shape);
  }

  /** The field cleaned, or null when absent or blank; a refusal of its length names {@code min..max}. */
  private String read(String field, int min, int max, TextRule.Shape shape) {
    Object raw = message.getValue(field);
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof String value)) {
      throw Refusal.invalid(field, "field_type", field);
    }
    return check(field, value, min, max, shape);
  }

  /**
   * One string checked by {@link TextRule}, cleaned as it is to be stored (null when blank); a
   * fault is refused with {@code field_length} or {@code field_characters}, naming the field.
   */
  public static String check(String field, String value, int max, TextRule.Shape shape) {
    return check(field, value, 0, max, shape);
  }

  private static String check(String field, String value, int min, int max, TextRule.Shape shape) {
    String cleaned = TextRule.clean(value);
    TextRule.Fault fault = TextRule.fault(cleaned, max, shape);
    if (fault == TextRule.Fault.CHARACTERS) {
      throw Refusal.invalid(field, "field_characters", field);
    }
    if (fault == TextRule.Fault.LENGTH) {
      throw Refusal.invalid(field, "field_length", field, min, max);
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
