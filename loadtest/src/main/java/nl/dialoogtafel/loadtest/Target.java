package nl.dialoogtafel.loadtest;

import java.util.Locale;

/**
 * One server under load, started fresh for each run on 127.0.0.1 and stopped after it: where to
 * connect, how messages travel, and the session (join code, kiosk id and key) to use.
 */
interface Target extends AutoCloseable {

  enum Kind {
    FLOOR, OURS, PEER;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    Target start() throws Exception {
      return switch (this) {
        case FLOOR -> FloorTarget.start();
        case OURS -> OursTarget.start();
        case PEER -> PeerTarget.start();
      };
    }
  }

  record SessionRef(String id, String code, String kioskKey) {}

  Kind kind();

  int port();

  Wire wire();

  SessionRef session();

  /** CPU time of the server's own process, or -1 when it runs in this JVM. */
  default long processCpuNanos() {
    return -1;
  }
}
