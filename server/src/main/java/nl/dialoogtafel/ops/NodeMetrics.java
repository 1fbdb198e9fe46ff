package nl.dialoogtafel.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.dialoogtafel.record.StoredEvent;
import nl.dialoogtafel.storage.AppendWatch;

/**
 * One node's meters, for the host's Prometheus ({@code GET /metrics}). Its labels never carry a
 * name, phone, e-mail, title, address or session id: every series here is bounded by the node's
 * shape (kinds of connection, event loops), not by who uses it.
 *
 * <p>What others call: {@link #vertx} when the node's Vertx is built (the one place Vert.x gets its
 * metrics), {@link #loop} once per serving event loop, {@link #failedOver()} when this node takes a
 * session over from a node that died, {@link #ownedSessions} when ownership is decided elsewhere
 * than by this node's live hubs. The record's appends arrive through {@link AppendWatch}.
 */
public final class NodeMetrics implements AppendWatch, AutoCloseable {

  /**
   * Vert.x registers its connection gauges once per HTTP server (one per event loop) over one shared
   * counter, which Micrometer reports as a double registration at start-up: true, and harmless.
   * Held strongly: java.util.logging keeps loggers weakly, and a collected logger forgets its level.
   */
  private static final Logger REGISTRY_LOG = Logger.getLogger("io.micrometer.core.instrument.MeterRegistry");

  /** The event name of a story or knelpunt in the stored record. */
  static final String POST_ADDED = "post.added";
  private static final Duration[] APPEND_BUCKETS = {
      Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
      Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
      Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(10)};

  private final boolean served;
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final LoopWatch loops = new LoopWatch(registry);
  /** The loops' last count, taken just before each scrape. */
  private final AtomicReference<LoopCount> counted = new AtomicReference<>(LoopCount.NONE);
  private volatile IntSupplier owned;
  /** Held here: Micrometer keeps only a weak reference to what a function counter reads. */
  private volatile LongSupplier joinMisses = () -> 0;
  private final Counter posts;
  private final Counter appendFailures;
  private final Counter failovers;
  private final Timer appends;
  private JvmGcMetrics gc;

  private NodeMetrics(boolean served) {
    this.served = served;
    for (String kind : List.of("phone", "kiosk", "waiting")) {
      Gauge.builder("dialoog.connections", counted, c -> switch (kind) {
        case "phone" -> c.get().phones();
        case "kiosk" -> c.get().kiosks();
        default -> c.get().waiting();
      }).description("Open WebSockets on this node: joined phones, kiosks, and sockets that have not joined yet")
          .tag("kind", kind).register(registry);
    }
    Gauge.builder("dialoog.sessions.owned", this, NodeMetrics::sessionsOwned)
        .description("Sessions whose record this node writes now").register(registry);
    FunctionCounter.builder("dialoog.sockets.closed.slow", counted, c -> c.get().closedAsSlow())
        .description("Sockets closed (1013) because their write queue was full; their phones resume")
        .register(registry);
    posts = Counter.builder("dialoog.posts").description("Posts (stories, knelpunten) stored by this node")
        .register(registry);
    appends = Timer.builder("dialoog.append")
        .description("A batch of the record from the pipeline to durable in the store, worker-pool wait included")
        .serviceLevelObjectives(APPEND_BUCKETS).register(registry);
    appendFailures = Counter.builder("dialoog.append.failures")
        .description("Batches the store did not take (nothing of them was acknowledged)").register(registry);
    FunctionCounter.builder("dialoog.join.misses", this, n -> n.joinMisses.getAsLong())
        .description("Joins with an unknown code (guessing slows down after the free ones)").register(registry);
    failovers = Counter.builder("dialoog.failovers")
        .description("Sessions this node took over from a node that stopped").register(registry);
  }

  /**
   * The node's meters; {@code served} when {@code /metrics} is answered (a token is set): only then
   * do Vert.x's own meters, the JVM's and the event-loop probe run. The node's own counters always
   * count (an increment each), so nothing else needs to ask whether metrics are on.
   */
  public static NodeMetrics forNode(boolean served) {
    NodeMetrics metrics = new NodeMetrics(served);
    if (served) {
      REGISTRY_LOG.setLevel(Level.SEVERE);
      new JvmMemoryMetrics().bindTo(metrics.registry);
      metrics.gc = new JvmGcMetrics();
      metrics.gc.bindTo(metrics.registry);
      new JvmThreadMetrics().bindTo(metrics.registry);
      new ProcessorMetrics().bindTo(metrics.registry);
      new FileDescriptorMetrics().bindTo(metrics.registry); // process_files_open_files against ulimit -n
      new UptimeMetrics().bindTo(metrics.registry);
      metrics.loops.startProbing();
    }
    return metrics;
  }

  /**
   * The one place a node's Vertx gets its metrics: a builder with {@code options}, and Vert.x's own
   * meters (HTTP, WebSockets, worker pools, event bus) in this registry when served. Build it
   * ({@code build()}) or cluster it ({@code withClusterManager(…).buildClustered()}).
   */
  public VertxBuilder vertx(VertxOptions options) {
    if (!served) {
      return Vertx.builder().with(options);
    }
    options.setMetricsOptions(VertxMeters.options());
    return Vertx.builder().with(options).withMetrics(new MicrometerMetricsFactory(registry));
  }

  /** An event loop that serves: probed for delay, and counted with {@code census} (called on that loop). */
  public void loop(Context context, Supplier<LoopCount> census) {
    loops.add(context, census);
  }

  /** Sessions owned, from the cluster's leases rather than from this node's live hubs. */
  public void ownedSessions(IntSupplier owned) {
    this.owned = owned;
  }

  /** This node took a session over from a node that died (once per session taken over). */
  public void failedOver() {
    failovers.increment();
  }

  /** Unknown join codes tried at this node's door so far (a running total, read at each scrape). */
  public void joinMisses(LongSupplier misses) {
    this.joinMisses = misses;
  }

  @Override
  public void appended(List<StoredEvent> events, long nanos) {
    appends.record(nanos, TimeUnit.NANOSECONDS);
    long stories = events.stream().filter(e -> POST_ADDED.equals(e.name())).count();
    if (stories > 0) {
      posts.increment(stories);
    }
  }

  @Override
  public void failed(long nanos) {
    appendFailures.increment();
  }

  /** The Prometheus text: the loops are counted first (each on its own loop), then everything is read. */
  public Future<String> scrape() {
    return loops.count().map(count -> {
      counted.set(count);
      return registry.scrape();
    });
  }

  private double sessionsOwned() {
    IntSupplier fromCluster = owned;
    return fromCluster != null ? fromCluster.getAsInt() : counted.get().sessions();
  }

  @Override
  public void close() {
    loops.close();
    if (gc != null) {
      gc.close();
    }
    registry.close();
  }
}
