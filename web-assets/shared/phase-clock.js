// The current phase's clock, folded from the record (protocol extension `phase.clock`), and the
// arithmetic every screen shares. Same fold as the server's live/hub/ClockFold and
// dialogue/PhaseClock, step for step, so a snapshot and a replay show the same clock.
//
// A clock is {phase, mode, leftMs, at}: `leftMs` were left at `at` (the `at` of the event that
// last set it); only in mode 'running' has it run on since. Modes: 'waiting' (the first phase,
// started with the session: the facilitator starts its clock), 'running', 'paused', 'held' (the
// session is locked; it runs on at reopen), 'stopped' (closed).

/** The clock after one public event; `locked` is the session's state before it. */
export function nextClock(clock, event, locked) {
  const data = event.data || {};
  switch (event.name) {
    case 'phase.started': {
      if (!data.phase || typeof data.phase !== 'object') return null;
      const mode = event.seq === 1 ? 'waiting' : locked ? 'held' : 'running';
      return { phase: data.phase.id, mode, leftMs: (data.phase.minutes || 0) * 60_000, at: event.at };
    }
    case 'phase.clock':
      return { phase: data.phase, mode: data.running === true ? 'running' : 'paused', leftMs: (data.left || 0) * 1000, at: event.at };
    case 'session.locked':
      return clock && clock.mode === 'running'
        ? { ...clock, mode: 'held', leftMs: leftAt(clock, Date.parse(event.at)), at: event.at } : clock;
    case 'session.reopened':
      return clock && clock.mode === 'held' ? { ...clock, mode: 'running', at: event.at } : clock;
    case 'session.closed':
      return clock ? { ...clock, mode: 'stopped', leftMs: leftAt(clock, Date.parse(event.at)), at: event.at } : clock;
    default:
      return clock;
  }
}

/** Milliseconds left at `now` (server time, epoch ms); negative when the time is up. */
export function leftAt(clock, now) {
  return clock.mode === 'running' ? clock.leftMs - (now - Date.parse(clock.at)) : clock.leftMs;
}

/**
 * How far this device's clock is from the server's, learnt from the `at` of live events: a
 * projector laptop or a phone whose clock is minutes off would otherwise show a wrong timer.
 */
export class ServerTime {
  constructor() {
    this.offset = 0;
  }

  /** A live event was just delivered: its `at` is (almost) the server's "now". */
  sample(at) {
    const time = Date.parse(at);
    if (!Number.isNaN(time)) this.offset = Date.now() - time;
  }

  now() {
    return Date.now() - this.offset;
  }
}

/** 754 000 ms → "12:34"; rounds up so the display reaches 00:00 exactly when time is up. */
export function formatRemaining(ms) {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  return `${String(minutes).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}
