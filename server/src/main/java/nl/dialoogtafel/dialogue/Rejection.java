package nl.dialoogtafel.dialogue;

/**
 * Why a command was refused. {@code code} is a protocol error code, {@code reason} a key into the
 * message bundles ({@code error.<reason>}), {@code field} the offending field where there is one.
 */
public record Rejection(String code, String reason, String field) {

  public static Rejection of(String code, String reason) {
    return new Rejection(code, reason, null);
  }

  public static Rejection invalid(String field, String reason) {
    return new Rejection("invalid", reason, field);
  }
}
