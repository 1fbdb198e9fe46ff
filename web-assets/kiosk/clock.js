// The phase timer's arithmetic: when the phase started (server time), how long it may take,
// and how far the kiosk's own clock is off from the server's.

export class PhaseClock {
  constructor() {
    this.reset();
  }

  reset() {
    this.startedAt = null;
    this.offset = 0;
  }

  /** The `at` of the phase.started event (ISO-8601, server time). */
  phaseStarted(at) {
    const time = Date.parse(at);
    this.startedAt = Number.isNaN(time) ? null : time;
  }

  /**
   * A live event was just delivered: its `at` is (almost) the server's "now". A projector laptop
   * whose clock is minutes off would otherwise show a wrong timer all morning.
   */
  sample(at) {
    const time = Date.parse(at);
    if (!Number.isNaN(time)) this.offset = Date.now() - time;
  }

  /** Milliseconds left of `minutes` (negative when over), or null when unknown. */
  remaining(minutes, now = Date.now()) {
    if (this.startedAt === null || !(minutes > 0)) return null;
    return this.startedAt + minutes * 60_000 - (now - this.offset);
  }
}

/** 754 000 ms → "12:34"; rounds up so the display reaches 0:00 exactly when time is up. */
export function formatRemaining(ms) {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  return `${String(minutes).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}
