package nl.dialoogtafel.dialogue;

import nl.dialoogtafel.dialogue.Command.SetClock;
import nl.dialoogtafel.dialogue.SessionEvent.PhaseClockSet;

/** What the facilitator may do with the current phase's clock, and what each action leaves on it. */
final class ClockRules {

  static final int MAX_EXTEND_MINUTES = 60;
  /** A clock beyond half a day is a slip of the hand, not a plan for the morning. */
  static final long MAX_LEFT_SECONDS = 12 * 3600;

  private ClockRules() {}

  static Decision decide(SetClock c, SessionState state) {
    switch (state.status()) {
      case CLOSED:
        return Decision.reject(Rejection.of("session_closed", "session_closed"));
      case LOCKED:
        // The lock holds the clock; it runs on at reopen, and is set from there.
        return Decision.reject(Rejection.of("session_locked", "clock_locked"));
      default:
        break;
    }
    Phase phase = state.currentPhase().orElse(null);
    PhaseClock clock = c.reading();
    if (phase == null) {
      return Decision.reject(Rejection.of("conflict", "clock_no_phase"));
    }
    if (clock == null || !phase.id().equals(clock.phaseId())) {
      return Decision.reject(Rejection.of("conflict", "clock_moved"));
    }
    long left = Math.round(clock.leftAt(c.now()) / 1000.0);
    return switch (c.action()) {
      case RESTART -> set(phase, "restarted", null, phase.minutes() * 60L, true);
      case PAUSE -> clock.running()
          ? set(phase, "paused", null, left, false)
          : Decision.reject(Rejection.of("conflict", "clock_not_running"));
      case RESUME -> clock.running()
          ? Decision.reject(Rejection.of("conflict", "clock_running"))
          : set(phase, clock.mode() == PhaseClock.Mode.WAITING ? "started" : "resumed", null, left, true);
      case EXTEND -> extend(c, phase, clock, left);
    };
  }

  private static Decision extend(SetClock c, Phase phase, PhaseClock clock, long left) {
    if (c.minutes() < 1 || c.minutes() > MAX_EXTEND_MINUTES) {
      return Decision.reject(Rejection.invalid("minutes", "clock_minutes"));
    }
    long extended = Math.max(left, 0) + c.minutes() * 60L;
    if (extended > MAX_LEFT_SECONDS) {
      return Decision.reject(Rejection.invalid("minutes", "clock_too_long"));
    }
    return set(phase, "extended", c.minutes(), extended, clock.running());
  }

  private static Decision set(Phase phase, String action, Integer minutes, long left, boolean running) {
    return Decision.accept(new PhaseClockSet(phase.id(), action, minutes, left, running));
  }
}
