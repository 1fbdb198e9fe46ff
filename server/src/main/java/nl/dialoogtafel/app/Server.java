package nl.dialoogtafel.app;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.dialoogtafel.accounts.AccountStore;
import nl.dialoogtafel.accounts.Auth;
import nl.dialoogtafel.accounts.PasswordHasher;
import nl.dialoogtafel.archive.ArchiveCaches;
import nl.dialoogtafel.archive.RecordFolds;
import nl.dialoogtafel.archive.RecordPreparer;
import nl.dialoogtafel.archive.ArchiveIndex;
import nl.dialoogtafel.archive.ArchiveRecords;
import nl.dialoogtafel.archive.FollowUpStore;
import nl.dialoogtafel.archive.KioskFollowUps;
import nl.dialoogtafel.archive.ReadLog;
import nl.dialoogtafel.archive.RecordCache;
import nl.dialoogtafel.archive.RecordSource;
import nl.dialoogtafel.cluster.ClusterStart;
import nl.dialoogtafel.cluster.Peers;
import nl.dialoogtafel.archive.StoredPdfs;
import nl.dialoogtafel.http.OriginPolicy;
import nl.dialoogtafel.live.JoinGuard;
import nl.dialoogtafel.live.hub.Hubs;
import nl.dialoogtafel.ops.NodeMetrics;
import nl.dialoogtafel.privacy.RetentionJob;
import nl.dialoogtafel.storage.Database;
import nl.dialoogtafel.storage.LeaseStore;
import nl.dialoogtafel.storage.Stores;
import nl.dialoogtafel.templates.TemplateCatalog;

/**
 * A running Dialoogtafel and its composition root: the database, the stores, the archive, the
 * accounts and the live hubs are built here and handed to the HTTP verticles (one per event loop),
 * started and stopped together.
 */
public final class Server implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(Server.class.getName());
  // Held strongly: java.util.logging keeps loggers weakly, and a collected logger forgets its level.
  private static final Logger DRIVER_LOG = Logger.getLogger("org.mongodb.driver");
  private static final Logger EMBEDDED_LOG = Logger.getLogger("de.bwaldvogel");

  private final Vertx vertx;
  private final Database db;
  private final List<HttpVerticle> http;
  private final Services services;
  private final RetentionJob retention;

  private Server(Vertx vertx, Database db, List<HttpVerticle> http, Services services, RetentionJob retention) {
    this.vertx = vertx;
    this.db = db;
    this.http = http;
    this.services = services;
    this.retention = retention;
  }

  /** Blocking: call from a main thread or a test, never from an event loop. */
  public static Server start(Settings settings) throws Exception {
    quietLibraries();
    TemplateCatalog templates = settings.templatesDir().filter(Files::isDirectory)
        .map(TemplateCatalog::load).orElseGet(TemplateCatalog::loadBundled);
    NodeMetrics metrics = NodeMetrics.forNode(settings.metricsToken().isPresent());
    Vertx vertx = vertx(settings, metrics);
    Database db;
    try {
      db = Database.open(vertx, settings.mongoUri(), settings.dataDir());
    } catch (IOException | RuntimeException e) {
      vertx.close();
      metrics.close();
      throw e;
    }
    Services services = wire(vertx, settings, db, templates, metrics);
    if (settings.adminUser().isPresent()) {
      AccountStore.ensureAdmin(db, settings.adminUser().get(), settings.adminPassword().orElseThrow());
    } else {
      LOG.warning("DIALOOG_ADMIN is niet gezet: er is geen beheerdersaccount, niemand kan inloggen.");
    }
    List<HttpVerticle> http = new CopyOnWriteArrayList<>();
    vertx.deployVerticle(() -> {
      HttpVerticle instance = new HttpVerticle(services);
      http.add(instance);
      return instance;
    }, new DeploymentOptions().setInstances(settings.eventLoops()))
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    RetentionJob retention = new RetentionJob(db, settings.retention(), services.archiveCaches());
    retention.schedule(vertx);
    if (db.embedded()) {
      BackupKey.write(settings.dataDir(), settings.host(), http.get(0).actualPort()); // for `backup`
    }
    return new Server(vertx, db, http, services, retention);
  }

  /** Vert.x for this node: on its own, or a member of the cluster when one is configured. Blocking. */
  private static Vertx vertx(Settings settings, NodeMetrics metrics) throws Exception {
    // At least one event loop per HTTP verticle, so each instance gets a loop of its own.
    VertxOptions options = new VertxOptions().setEventLoopPoolSize(
        Math.max(VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE, settings.eventLoops()));
    // Built through the node's metrics either way, so /metrics holds Vert.x's own meters too.
    return settings.cluster().isPresent() ? ClusterStart.vertx(options, settings.cluster().get(), metrics::vertx)
        : metrics.vertx(options).build();
  }

  /** The composition root: every shared part of a node, built once and handed to the verticle. */
  private static Services wire(Vertx vertx, Settings settings, Database db, TemplateCatalog templates,
      NodeMetrics metrics) {
    OriginPolicy origins = new OriginPolicy(settings.publicUrl(), settings.extraOrigins());
    // The archive's memory is made first: the live sessions' event store tells it of erasures.
    RecordSource source = new RecordSource(db);
    RecordCache recordCache = new RecordCache();
    FollowUpStore followups = new FollowUpStore(db);
    // The search index lives beside the store in the data folder (also with MONGODB_URI: each node
    // keeps its own and follows the shared store).
    ArchiveIndex index = new ArchiveIndex(vertx, source, followups, settings.dataDir().resolve("index"));
    RecordFolds folds = new RecordFolds(db);
    RecordPreparer preparer = new RecordPreparer(source, folds);
    StoredPdfs storedPdfs = new StoredPdfs(db);
    ArchiveCaches archiveCaches = new ArchiveCaches(source, recordCache, index, folds, preparer, storedPdfs);
    // In the background, once the search index followed the store: first views of closed records read one kept fold.
    preparer.schedule(vertx, index.followedOnce());
    index.load(); // in the background: the first search waits for it only if it comes very early
    AccountStore accounts = new AccountStore(db, new PasswordHasher(vertx));
    Auth auth = new Auth(accounts, origins, settings.publicUrl().map(u -> u.startsWith("https:")).orElse(false));
    ArchiveHandlers archive = ArchiveHandlers.wire(vertx, auth, templates, source,
        new ArchiveRecords(source, recordCache, folds), index, followups, new ReadLog(db), storedPdfs);
    preparer.onPrepared(archive.pdfs()::prepared); // a record prepared at a new head gets its PDF made next
    Stores stores = Stores.on(db, archiveCaches, metrics);
    JoinGuard joinGuard = new JoinGuard(settings.socketsPerAddress());
    metrics.joinMisses(joinGuard::misses);
    Peers peers = settings.cluster().isPresent() ? new Peers(vertx, new LeaseStore(db, metrics::failedOver)) : null;
    if (peers != null) {
      metrics.ownedSessions(peers::owned);
    }
    return new Services(settings, db, templates, stores, origins, accounts, auth, archiveCaches,
        new KioskFollowUps(followups, index), archive, new Hubs(vertx, stores, settings.eventLoops(), peers),
        joinGuard, metrics);
  }

  /** The driver and the embedded server narrate every connection; only their warnings matter here. */
  private static void quietLibraries() {
    DRIVER_LOG.setLevel(Level.WARNING);
    EMBEDDED_LOG.setLevel(Level.SEVERE);
  }

  public int port() {
    return http.get(0).actualPort();
  }

  /** What each event loop carries: its open WebSockets and its live sessions. */
  public record LoopLoad(int connections, int sessions) {}

  /** One entry per event loop, for the operator and the benchmark. */
  public List<LoopLoad> loops() {
    return http.stream().map(HttpVerticle::load).toList();
  }

  /**
   * This node's meters ({@code GET /metrics}): the cluster tells it of failovers and of the sessions
   * it owns ({@link NodeMetrics#failedOver}, {@link NodeMetrics#ownedSessions}).
   */
  public NodeMetrics metrics() {
    return services.metrics();
  }

  public RetentionJob retention() {
    return retention;
  }

  public Database database() {
    return db;
  }

  /**
   * The archive's memory of folded records. Whoever rewrites a session's stored events in place
   * (an erasure) calls {@code archiveCaches().forget(sessionId)} once the change is stored.
   */
  public ArchiveCaches archiveCaches() {
    return services.archiveCaches();
  }

  /** Completes when the start-up warm-up render of the archive's biggest record is done (the benchmark waits on it). */
  public io.vertx.core.Future<Integer> archiveWarmUp() {
    return services.archive().warmUp();
  }

  @Override
  public void close() throws Exception {
    if (db.embedded()) {
      BackupKey.remove(services.settings().dataDir());
    }
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    services.archiveCaches().close();
    db.close();
    services.metrics().close();
  }
}
