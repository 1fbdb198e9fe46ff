package nl.dialoogtafel.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import nl.dialoogtafel.dialogue.Command.SetClock;
import nl.dialoogtafel.dialogue.Command.SetClock.ClockAction;
import nl.dialoogtafel.dialogue.PhaseClock.Mode;
import nl.dialoogtafel.dialogue.SessionEvent.PhaseClockSet;
import nl.dialoogtafel.dialogue.SessionEvent.PhaseStarted;
import nl.dialoogtafel.dialogue.SessionEvent.SessionClosed;
import nl.dialoogtafel.dialogue.SessionEvent.SessionLocked;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The phase clock's fold and the rules of the clock commands: no server, times in milliseconds. */
class PhaseClockTest {

  private static final Phase WELCOME = new Phase("welkom", "Welkom", "Wie ben je?", List.of(), 10);
  private static final Phase STORIES = new Phase("verhalen", "Verhalen", "Vertel.", List.of(PostKind.STORY), 30);
  private static final long T0 = 1_800_000_000_000L;
  private static final long MINUTE = 60_000L;

  private static SessionState given(SessionEvent... events) {
    return Dialogue.fold(SessionState.initial("s1", List.of(WELCOME, STORIES)), List.of(events));
  }

  private static PhaseClockSet accepted(Decision decision) {
    List<SessionEvent> events = assertInstanceOf(Decision.Accepted.class, decision).events();
    assertEquals(1, events.size());
    return assertInstanceOf(PhaseClockSet.class, events.get(0));
  }

  private static Rejection rejected(Decision decision) {
    return assertInstanceOf(Decision.Rejected.class, decision).rejection();
  }

  @Test
  @DisplayName("The phase that makes the session waits; a later phase runs from its start")
  void firstPhaseWaits() {
    PhaseClock welcome = PhaseClock.started("welkom", 10, T0, 1, false);
    assertEquals(Mode.WAITING, welcome.mode());
    assertEquals(10 * MINUTE, welcome.leftAt(T0 + 30 * MINUTE), "a waiting clock does not run");
    PhaseClock stories = PhaseClock.started("verhalen", 30, T0, 7, false);
    assertEquals(Mode.RUNNING, stories.mode());
    assertEquals(25 * MINUTE, stories.leftAt(T0 + 5 * MINUTE));
  }

  @Test
  @DisplayName("A lock stops a running clock where it was; the reopen runs it on from there")
  void lockHoldsTheClock() {
    PhaseClock running = PhaseClock.started("verhalen", 30, T0, 7, false);
    PhaseClock held = running.locked(T0 + 10 * MINUTE);
    assertEquals(Mode.HELD, held.mode());
    assertEquals(20 * MINUTE, held.leftAt(T0 + 50 * MINUTE), "the clock stands still while locked");
    PhaseClock reopened = held.reopened(T0 + 50 * MINUTE);
    assertEquals(Mode.RUNNING, reopened.mode());
    assertEquals(15 * MINUTE, reopened.leftAt(T0 + 55 * MINUTE));
    PhaseClock paused = PhaseClock.set("verhalen", 600, false, T0);
    assertEquals(paused, paused.locked(T0 + MINUTE).reopened(T0 + 2 * MINUTE),
        "a clock the facilitator paused stays paused over a lock and reopen");
    assertEquals(Mode.HELD, PhaseClock.started("verhalen", 30, T0, 7, true).mode(), "a phase started while locked waits for the reopen");
  }

  @Test
  @DisplayName("Pause keeps the time left now; resume runs it on; a waiting clock is started")
  void pauseAndResume() {
    SessionState open = given(new PhaseStarted(STORIES));
    PhaseClock running = PhaseClock.started("verhalen", 30, T0, 2, false);
    PhaseClockSet paused = accepted(Dialogue.decide(new SetClock(ClockAction.PAUSE, 0, running, T0 + 4 * MINUTE + 400), open));
    assertEquals(new PhaseClockSet("verhalen", "paused", null, 26 * 60, false), paused);
    assertEquals("clock_not_running",
        rejected(Dialogue.decide(new SetClock(ClockAction.PAUSE, 0, PhaseClock.set("verhalen", 60, false, T0), T0), open)).reason());
    PhaseClockSet resumed = accepted(Dialogue.decide(
        new SetClock(ClockAction.RESUME, 0, PhaseClock.set("verhalen", 1560, false, T0), T0 + 99 * MINUTE), open));
    assertEquals(new PhaseClockSet("verhalen", "resumed", null, 1560, true), resumed);
    assertEquals("clock_running", rejected(Dialogue.decide(new SetClock(ClockAction.RESUME, 0, running, T0), open)).reason());

    SessionState welcome = given(new PhaseStarted(WELCOME));
    PhaseClockSet started = accepted(Dialogue.decide(
        new SetClock(ClockAction.RESUME, 0, PhaseClock.started("welkom", 10, T0, 1, false), T0 + 60 * MINUTE), welcome));
    assertEquals(new PhaseClockSet("welkom", "started", null, 600, true), started);
  }

  @Test
  @DisplayName("Extend adds to what is left (from now once time is up); restart gives the phase's full time")
  void extendAndRestart() {
    SessionState open = given(new PhaseStarted(STORIES));
    PhaseClock running = PhaseClock.started("verhalen", 30, T0, 2, false);
    assertEquals(new PhaseClockSet("verhalen", "extended", 5, 30 * 60, true),
        accepted(Dialogue.decide(new SetClock(ClockAction.EXTEND, 5, running, T0 + 5 * MINUTE), open)));
    assertEquals(new PhaseClockSet("verhalen", "extended", 5, 5 * 60, true),
        accepted(Dialogue.decide(new SetClock(ClockAction.EXTEND, 5, running, T0 + 40 * MINUTE), open)),
        "ten minutes over time, +5 means five minutes from now");
    PhaseClock paused = PhaseClock.set("verhalen", 120, false, T0);
    assertEquals(new PhaseClockSet("verhalen", "extended", 5, 420, false),
        accepted(Dialogue.decide(new SetClock(ClockAction.EXTEND, 5, paused, T0 + MINUTE), open)), "a paused clock stays paused");
    assertEquals("clock_minutes", rejected(Dialogue.decide(new SetClock(ClockAction.EXTEND, 61, running, T0), open)).reason());
    assertEquals("clock_minutes", rejected(Dialogue.decide(new SetClock(ClockAction.EXTEND, 0, running, T0), open)).reason());
    assertEquals(new PhaseClockSet("verhalen", "restarted", null, 30 * 60, true),
        accepted(Dialogue.decide(new SetClock(ClockAction.RESTART, 0, paused, T0 + 9 * MINUTE), open)));
  }

  @Test
  @DisplayName("No clock action while locked, after closing, before a phase, or on a reading of another phase")
  void refusals() {
    PhaseClock running = PhaseClock.started("verhalen", 30, T0, 2, false);
    SetClock pause = new SetClock(ClockAction.PAUSE, 0, running, T0);
    assertEquals("clock_no_phase", rejected(Dialogue.decide(pause, given())).reason());
    assertEquals("conflict", rejected(Dialogue.decide(pause, given())).code());
    assertEquals("session_locked", rejected(Dialogue.decide(pause, given(new PhaseStarted(STORIES), new SessionLocked()))).code());
    assertEquals("session_closed", rejected(Dialogue.decide(pause, given(new PhaseStarted(STORIES), new SessionClosed()))).code());
    assertEquals("clock_moved", rejected(Dialogue.decide(pause, given(new PhaseStarted(WELCOME)))).reason());
    assertEquals("clock_moved", rejected(Dialogue.decide(new SetClock(ClockAction.RESTART, 0, null, T0),
        given(new PhaseStarted(STORIES)))).reason());
  }
}
