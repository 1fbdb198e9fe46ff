package nl.dialoogtafel.loadtest;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CPU time of the generator and of the server under test, so a run on the shared machine can be
 * read by work done, not only by latency. The generator is the client's event-loop threads and the
 * sending thread. The peer is its own process (read from /proc); floor and ours share this JVM, so
 * their share is the process's CPU minus the generator's threads (GC and JIT count to the server).
 */
final class Cpu {

  record Sample(long wallNanos, long generatorNanos, long serverNanos) {}

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private final Set<Long> generatorThreads = ConcurrentHashMap.newKeySet();
  private final Target target;

  Cpu(Target target) {
    this.target = target;
  }

  /** Counts the calling thread as the generator's. */
  void enlist() {
    generatorThreads.add(Thread.currentThread().getId());
  }

  Sample sample() {
    long generator = 0;
    for (long id : generatorThreads) {
      long t = THREADS.getThreadCpuTime(id);
      generator += Math.max(t, 0);
    }
    long server = target.processCpuNanos();
    if (server < 0) {
      server = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
          .getProcessCpuTime() - generator;
    }
    return new Sample(System.nanoTime(), generator, server);
  }

  /** Cores used between two samples: {generator, server}. */
  static double[] cores(Sample from, Sample to) {
    double wall = to.wallNanos() - from.wallNanos();
    return new double[] {(to.generatorNanos() - from.generatorNanos()) / wall,
        (to.serverNanos() - from.serverNanos()) / wall};
  }
}
