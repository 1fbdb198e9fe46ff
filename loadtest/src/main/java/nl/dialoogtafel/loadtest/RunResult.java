package nl.dialoogtafel.loadtest;

/** What one run measured on one target; {@code p2} is null when P2 was not run. */
record RunResult(Target.Kind kind, double appendP50, double appendP99, Room.JoinStorm storm, double ackP50, double ackP99,
    OpenLoop.Result p1, RateLadder.Result p2) {

  String line() {
    return String.format("%-5s join storm %d ms (join p99 %.0f ms) | post->ack p50 %.2f p99 %.2f ms"
            + " | P1 p50 %.2f p99 %.2f ms, dropped %d, server %.0f µs/post%s%s",
        kind.label(), storm.welcomedMillis(), storm.p99Millis(), ackP50, ackP99, p1.p50(), p1.p99(), p1.dropped(),
        p1.serverMicrosPerPost(),
        p2 == null ? "" : " | P2 " + p2.best() + " posts/s",
        Double.isNaN(appendP50) ? "" : String.format(" | append p50 %.2f p99 %.2f ms", appendP50, appendP99));
  }
}
