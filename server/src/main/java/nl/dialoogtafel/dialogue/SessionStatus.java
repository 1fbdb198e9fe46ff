package nl.dialoogtafel.dialogue;

import java.util.Arrays;

/** Open: everything goes. Locked: the wall is frozen, people can still meet. Closed: final. */
public enum SessionStatus {
  OPEN("open"),
  LOCKED("locked"),
  CLOSED("closed");

  private final String wire;

  SessionStatus(String wire) {
    this.wire = wire;
  }

  /** The name in the session document, on the wire and in the API; never spelled out elsewhere. */
  public String wire() {
    return wire;
  }

  /** The status a stored or sent name stands for; an unknown name is a broken document, not a default. */
  public static SessionStatus fromWire(String wire) {
    return Arrays.stream(values()).filter(s -> s.wire.equals(wire)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown session status " + wire));
  }
}
