package nl.dialoogtafel.loadtest;

/** Reads CPU time from a Linux /proc/.../stat line. */
final class ProcStat {

  /** Linux reports utime and stime in USER_HZ = 100 ticks a second. */
  static final long NANOS_PER_TICK = 10_000_000L;

  private ProcStat() {}

  /** utime + stime (fields 14 and 15); the command name in brackets may hold spaces. */
  static long cpuTicks(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }
}
