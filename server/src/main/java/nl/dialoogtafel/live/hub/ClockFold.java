package nl.dialoogtafel.live.hub;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Objects;
import nl.dialoogtafel.dialogue.PhaseClock;

/**
 * The phase clock folded from the wire events as {@code web-assets/shared/phase-clock.js} folds
 * them: for the snapshot a late screen gets, and for the reading a clock command brings along.
 * Keeps the {@code at} of the event that last set the clock as that event said it.
 */
final class ClockFold {

  private PhaseClock clock;
  private String at;

  /** Folds one public event; {@code locked} is the session's state before it. */
  void apply(String name, JsonObject data, long seq, String eventAt, boolean locked) {
    PhaseClock next = switch (name) {
      case "phase.started" -> data.getValue("phase") instanceof JsonObject phase
          ? PhaseClock.started(phase.getString("id"), phase.getInteger("minutes", 0), millis(eventAt), seq, locked)
          : null;
      case "phase.clock" -> PhaseClock.set(data.getString("phase"), data.getLong("left", 0L),
          Boolean.TRUE.equals(data.getValue("running")), millis(eventAt));
      case "session.locked" -> clock == null ? null : clock.locked(millis(eventAt));
      case "session.reopened" -> clock == null ? null : clock.reopened(millis(eventAt));
      case "session.closed" -> clock == null ? null : clock.closed(millis(eventAt));
      default -> clock;
    };
    if (!Objects.equals(next, clock)) {
      at = eventAt;
    }
    clock = next;
  }

  /** The clock as the room was last shown it; null before the first phase. */
  PhaseClock clock() {
    return clock;
  }

  /** {@code {phase, mode, leftMs, at}}, or null before the first phase. */
  JsonObject wire() {
    return clock == null ? null : new JsonObject().put("phase", clock.phaseId()).put("mode", clock.mode().wire())
        .put("leftMs", clock.leftMillis()).put("at", at);
  }

  private static long millis(String at) {
    return Instant.parse(at).toEpochMilli();
  }
}
