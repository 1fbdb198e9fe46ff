package nl.dialoogtafel.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The node's event loops, as the metrics see them. Each loop that serves is registered with what it
 * can count of itself; a count runs on the loop (its connections are only touched there). A probe
 * thread of its own hands every loop a task each second and times how long it waited in the loop's
 * queue: the event-loop delay, the first sign of a loop that is blocked or overloaded.
 */
final class LoopWatch implements AutoCloseable {

  private static final long PROBE_MS = 1_000;
  /** Histogram buckets of the delay: a healthy loop answers in well under a millisecond. */
  private static final Duration[] DELAY_BUCKETS = {
      Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
      Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
      Duration.ofSeconds(1), Duration.ofSeconds(5)};

  /** One registered loop; {@code probing} keeps at most one probe in its queue, however long it is blocked. */
  private record Loop(Context context, Supplier<LoopCount> census, Timer delay, AtomicBoolean probing) {}

  private final MeterRegistry registry;
  private final List<Loop> loops = new CopyOnWriteArrayList<>();
  private ScheduledExecutorService probe;

  LoopWatch(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Registers the loop of {@code context}; {@code census} is called on that loop only. Loops start at once. */
  synchronized void add(Context context, Supplier<LoopCount> census) {
    Timer delay = Timer.builder("dialoog.event.loop.delay")
        .description("Time a task waits in an event loop's queue before it runs (probed every second)")
        .tag("loop", String.valueOf(loops.size()))
        .serviceLevelObjectives(DELAY_BUCKETS)
        .register(registry);
    loops.add(new Loop(context, census, delay, new AtomicBoolean()));
  }

  /** Starts probing the loops' delay, on a daemon thread outside the loops it measures. */
  synchronized void startProbing() {
    if (probe != null) {
      return;
    }
    probe = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "dialoogtafel-loop-probe");
      t.setDaemon(true);
      return t;
    });
    probe.scheduleAtFixedRate(this::probeAll, PROBE_MS, PROBE_MS, TimeUnit.MILLISECONDS);
  }

  private void probeAll() {
    for (Loop loop : loops) {
      if (loop.probing().compareAndSet(false, true)) {
        long sent = System.nanoTime();
        loop.context().runOnContext(v -> {
          loop.delay().record(System.nanoTime() - sent, TimeUnit.NANOSECONDS);
          loop.probing().set(false);
        });
      }
    }
  }

  /** Every loop counted on its own loop, added up; completes on whichever loop answered last. */
  Future<LoopCount> count() {
    List<Future<LoopCount>> counts = new ArrayList<>();
    for (Loop loop : loops) {
      Promise<LoopCount> counted = Promise.promise();
      loop.context().runOnContext(v -> {
        try {
          counted.complete(loop.census().get());
        } catch (RuntimeException e) {
          counted.fail(e);
        }
      });
      counts.add(counted.future());
    }
    return Future.all(counts).map(all -> {
      LoopCount sum = LoopCount.NONE;
      for (Future<LoopCount> one : counts) {
        sum = sum.plus(one.result());
      }
      return sum;
    });
  }

  @Override
  public synchronized void close() {
    if (probe != null) {
      probe.shutdownNow();
    }
  }
}
