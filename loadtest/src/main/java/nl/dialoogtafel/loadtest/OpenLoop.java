package nl.dialoogtafel.loadtest;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Open-loop posting: posts go out at fixed intended times from rotating phones, whatever the
 * server's answers do, and latency runs from the intended time (so a sender or server that falls
 * behind shows up as latency, not as a slower rate). Posts of the warm-up must arrive too but are
 * not counted.
 */
final class OpenLoop {

  /**
   * {@code dropped}: posts that did not reach every connection in time, plus errors and closed
   * sockets. {@code generatorCores}, {@code serverCores}: CPU used while posting and draining;
 * {@code gcMillis}: this JVM's collection time meanwhile.
   */
  record Result(int rate, int posts, Histogram latency, long dropped, double generatorCores, double serverCores,
      double seconds, long gcMillis) {

    /** Server CPU per post, in microseconds. */
    double serverMicrosPerPost() {
      return serverCores * seconds * 1e6 / posts;
    }

    double p50() {
      return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(50) / 1e6;
    }

    double p99() {
      return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(99) / 1e6;
    }
  }

  private OpenLoop() {}

  static Result run(Audience room, String prefix, int rate, double seconds, double warmupSeconds, long drainMillis)
      throws InterruptedException {
    return run(room, prefix, rate, seconds, warmupSeconds, drainMillis, 0);
  }

  /** As above; a {@code textChars} above 0 pads every story's text to that many characters (bigger frames). */
  static Result run(Audience room, String prefix, int rate, double seconds, double warmupSeconds, long drainMillis,
      int textChars) throws InterruptedException {
    Deliveries deliveries = new Deliveries();
    room.track(deliveries);
    long failuresBefore = room.failures();
    room.cpu().enlist();
    Cpu.Sample cpuBefore = room.cpu().sample();
    int total = (int) Math.round(rate * seconds);
    int warmup = (int) Math.round(rate * warmupSeconds);
    double interval = 1e9 / rate;
    long begin = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
    for (int i = 0; i < total; i++) {
      long intended = begin + (long) (i * interval);
      long wait;
      while ((wait = intended - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      String nonce = prefix + i;
      deliveries.expect(nonce, intended, room.receivers(), i >= warmup);
      String text = "Open-loop verhaal " + i + " over wat er in de wijk gebeurde.";
      room.post(room.nextPhone(), nonce, nonce, textChars > text.length() ? padded(text, textChars) : text);
    }
    int missing = deliveries.awaitAll(drainMillis);
    Cpu.Sample cpuAfter = room.cpu().sample();
    room.track(null);
    double[] cores = Cpu.cores(cpuBefore, cpuAfter);
    return new Result(rate, total, deliveries.latency(), missing + room.failures() - failuresBefore, cores[0], cores[1],
        (cpuAfter.wallNanos() - cpuBefore.wallNanos()) / 1e9, cpuAfter.gcMillis() - cpuBefore.gcMillis());
  }

  private static String padded(String text, int chars) {
    StringBuilder out = new StringBuilder(chars).append(text);
    while (out.length() < chars) {
      out.append(" en verder");
    }
    out.setLength(chars);
    return out.toString().strip();
  }
}
