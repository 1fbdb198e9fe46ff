package nl.dialoogtafel.live;

/**
 * A budget of misses as a schedule: each miss is due one interval after the one before (or now,
 * when the last is long past), and the first {@code free} of a burst cost nothing. A miss further
 * ahead than that is "paid" only when its turn comes. Every miss moves the schedule, slowed ones
 * too, so a steady guesser gets exactly one miss per interval. (The virtual-scheduling form of a
 * token bucket: one number per budget, no timers.)
 */
final class MissSchedule {

  private final long intervalNanos;
  private final long burstNanos;
  /** When the misses so far would all be paid at one per interval. */
  private long due;

  MissSchedule(int free, long intervalNanos, long now) {
    this.intervalNanos = intervalNanos;
    this.burstNanos = free * intervalNanos;
    this.due = now;
  }

  /** Records a miss at {@code now}; returns when it is paid (at or before {@code now}: it is free). */
  long miss(long now) {
    due = (due - now > 0 ? due : now) + intervalNanos;
    return due - burstNanos;
  }

  /** No miss is left to pay: forgetting this schedule loses nothing. */
  boolean settled(long now) {
    return due - now <= 0;
  }
}
