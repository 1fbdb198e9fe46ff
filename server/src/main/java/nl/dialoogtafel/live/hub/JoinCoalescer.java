package nl.dialoogtafel.live.hub;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.function.BiConsumer;

/**
 * A room that fills at once would send every join to everyone: N² frames. Connections that asked
 * for a snapshot get the joins of one tick as one {@code people} frame instead, covering the seqs
 * {@code from..to}. Only consecutive joins are gathered: any other event first flushes what is
 * pending, so a client still sees every seq in order and its {@code after} stays exact.
 */
final class JoinCoalescer {

  static final long TICK_MS = 250;

  private final Vertx vertx;
  /** Delivers one encoded frame covering seqs up to the given one. */
  private final BiConsumer<Long, OutboundFrame> deliver;
  private JsonArray joined = new JsonArray();
  private long from;
  private long to;
  private long timer = -1;

  JoinCoalescer(Vertx vertx, BiConsumer<Long, OutboundFrame> deliver) {
    this.vertx = vertx;
    this.deliver = deliver;
  }

  /** The person of the {@code participant.joined} event at {@code seq}, as the room sees them. */
  void joined(long seq, JsonObject person) {
    if (joined.isEmpty()) {
      from = seq;
    }
    to = seq;
    joined.add(person);
    if (timer == -1) {
      timer = vertx.setTimer(TICK_MS, id -> {
        timer = -1;
        flush();
      });
    }
  }

  /** Sends what is pending now (the tick ended, or another event must come after these joins). */
  void flush() {
    if (joined.isEmpty()) {
      return;
    }
    JsonObject frame = new JsonObject().put("type", "people").put("from", from).put("to", to)
        .put("joined", joined);
    joined = new JsonArray();
    deliver.accept(to, OutboundFrame.of(frame.encode()));
  }

  void cancel() {
    if (timer != -1) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }
}
