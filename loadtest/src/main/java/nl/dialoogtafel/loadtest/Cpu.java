package nl.dialoogtafel.loadtest;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CPU time of the generator and of the server under test, so a run on the shared machine can be
 * read by work done, not only by latency. The generator is the client's event-loop threads and the
 * sending thread. The peer is its own process (read from /proc); floor and ours share this JVM, so
 * their share is the process's CPU minus the generator's threads and minus JIT compilation (a
 * one-off cost of whichever code ran first); GC counts to the server. Also this JVM's GC time,
 * which stops the generator and an in-JVM server alike.
 */
final class Cpu {

  record Sample(long wallNanos, long generatorNanos, long serverNanos, long gcMillis) {}

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
      long jit = compilerThreadsNanos();
      server = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
          .getProcessCpuTime() - generator - jit;
    }
    long gc = 0;
    for (var collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      gc += Math.max(collector.getCollectionTime(), 0);
    }
    return new Sample(System.nanoTime(), generator, server, gc);
  }

  /** CPU of the JIT's compiler threads, from /proc (they are no Java threads); 0 where it is missing. */
  private static long compilerThreadsNanos() {
    long ticks = 0;
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
      for (Path task : tasks) {
        try {
          if (Files.readString(task.resolve("comm")).contains("CompilerThre")) {
            ticks += ProcStat.cpuTicks(Files.readString(task.resolve("stat")));
          }
        } catch (IOException | RuntimeException gone) {
          // the thread ended meanwhile
        }
      }
    } catch (IOException e) {
      return 0;
    }
    return ticks * ProcStat.NANOS_PER_TICK;
  }

  /** Cores used between two samples: {generator, server}. */
  static double[] cores(Sample from, Sample to) {
    double wall = to.wallNanos() - from.wallNanos();
    return new double[] {(to.generatorNanos() - from.generatorNanos()) / wall,
        (to.serverNanos() - from.serverNanos()) / wall};
  }
}
