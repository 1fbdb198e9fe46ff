package nl.dialoogtafel.dialogue;

/** Open: everything goes. Locked: the wall is frozen, people can still meet. Closed: final. */
public enum SessionStatus {
  OPEN("open"),
  LOCKED("locked"),
  CLOSED("closed");

  private final String wire;

  SessionStatus(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }
}
