package nl.dialoogtafel.dialogue;

/**
 * The current phase's clock as every screen folds it from the record: {@code leftMillis} were left
 * at {@code at} (epoch milliseconds, the {@code at} of the event that last set it), and it has run
 * on since then only in mode {@link Mode#RUNNING}. Time is a fact of the record's envelope, not of
 * the domain events, so this fold takes each event's time beside it; {@link Dialogue#decide} gets
 * a reading of it with a clock command and stays pure. Same fold as {@code web-assets/shared/phase-clock.js}.
 */
public record PhaseClock(String phaseId, Mode mode, long leftMillis, long at) {

  public enum Mode {
    /** The session's first phase, started when the session was made: the facilitator starts its clock. */
    WAITING,
    RUNNING,
    /** Stopped by the facilitator. */
    PAUSED,
    /** Stopped because the session is locked; runs on from where it was when it is reopened. */
    HELD,
    /** The session was closed. */
    STOPPED;

    public String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * A phase started: its full minutes. The phase that event 1 starts (made with the session, long
   * before the room sits down) waits for the facilitator; a phase started while locked is held.
   */
  public static PhaseClock started(String phaseId, int minutes, long at, long seq, boolean locked) {
    Mode mode = seq == 1 ? Mode.WAITING : locked ? Mode.HELD : Mode.RUNNING;
    return new PhaseClock(phaseId, mode, minutes * 60_000L, at);
  }

  /** A {@code phase.clock} event: {@code left} seconds at its time, running or not. */
  public static PhaseClock set(String phaseId, long leftSeconds, boolean running, long at) {
    return new PhaseClock(phaseId, running ? Mode.RUNNING : Mode.PAUSED, leftSeconds * 1000L, at);
  }

  public boolean running() {
    return mode == Mode.RUNNING;
  }

  /** Milliseconds left at {@code now} (negative when the time is up). */
  public long leftAt(long now) {
    return running() ? leftMillis - (now - at) : leftMillis;
  }

  /** The session was locked at {@code when}: a running clock stops there. */
  public PhaseClock locked(long when) {
    return running() ? new PhaseClock(phaseId, Mode.HELD, leftAt(when), when) : this;
  }

  /** The session was reopened at {@code when}: a clock the lock stopped runs on from there. */
  public PhaseClock reopened(long when) {
    return mode == Mode.HELD ? new PhaseClock(phaseId, Mode.RUNNING, leftMillis, when) : this;
  }

  /** The session was closed at {@code when}: the clock stops for good. */
  public PhaseClock closed(long when) {
    return new PhaseClock(phaseId, Mode.STOPPED, leftAt(when), when);
  }
}
