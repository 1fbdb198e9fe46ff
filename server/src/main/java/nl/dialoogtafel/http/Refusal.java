package nl.dialoogtafel.http;

import nl.dialoogtafel.dialogue.Rejection;

/**
 * A refusal on its way to the client as an {@code error} message: a protocol code, a key into the
 * message bundles, the field at fault where there is one, and arguments for the sentence.
 */
public final class Refusal extends RuntimeException {

  private final String code;
  private final String reason;
  private final String field;
  private final transient Object[] args;

  public Refusal(String code, String reason, String field, Object... args) {
    super(code + ":" + reason, null, false, false);
    this.code = code;
    this.reason = reason;
    this.field = field;
    this.args = args;
  }

  public static Refusal of(String code) {
    return new Refusal(code, code, null);
  }

  public static Refusal from(Rejection rejection) {
    return new Refusal(rejection.code(), rejection.reason(), rejection.field(), rejection.field());
  }

  public static Refusal invalid(String field, String reason, Object... args) {
    return new Refusal("invalid", reason, field, args);
  }

  public String code() {
    return code;
  }

  public String reason() {
    return reason;
  }

  public String field() {
    return field;
  }

  public Object[] args() {
    return args.clone();
  }
}
