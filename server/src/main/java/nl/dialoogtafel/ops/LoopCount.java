package nl.dialoogtafel.ops;

/**
 * What one event loop carries at the moment it is counted: its open WebSockets by what they are
 * (a joined phone, a kiosk, or not joined yet), the live sessions it holds, and how many sockets it
 * has closed so far because they could not keep up (a running total).
 */
public record LoopCount(int phones, int kiosks, int waiting, int sessions, long closedAsSlow) {

  public static final LoopCount NONE = new LoopCount(0, 0, 0, 0, 0);

  LoopCount plus(LoopCount other) {
    return new LoopCount(phones + other.phones, kiosks + other.kiosks, waiting + other.waiting,
        sessions + other.sessions, closedAsSlow + other.closedAsSlow);
  }
}
