package nl.dialoogtafel.live.hub;

import io.vertx.core.Vertx;

/**
 * Who is online changes with every phone that joins; telling the room each time would cost N
 * messages per join, N² for a full room. Changes are gathered and told at most once a second.
 */
final class Presence {

  private static final long INTERVAL_MS = 1000;

  private final Vertx vertx;
  private final Runnable broadcast;
  private long timer = -1;

  Presence(Vertx vertx, Runnable broadcast) {
    this.vertx = vertx;
    this.broadcast = broadcast;
  }

  void changed() {
    if (timer == -1) {
      timer = vertx.setTimer(INTERVAL_MS, id -> {
        timer = -1;
        broadcast.run();
      });
    }
  }

  void cancel() {
    if (timer != -1) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }
}
