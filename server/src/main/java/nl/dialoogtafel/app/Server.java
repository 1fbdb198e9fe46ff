package nl.dialoogtafel.app;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.dialoogtafel.archive.ArchiveCaches;
import nl.dialoogtafel.privacy.RetentionJob;
import nl.dialoogtafel.storage.Database;
import nl.dialoogtafel.templates.TemplateCatalog;
import nl.dialoogtafel.accounts.AccountStore;

/** A running Dialoogtafel: the database, the templates and the HTTP verticle, started and stopped together. */
public final class Server implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(Server.class.getName());
  // Held strongly: java.util.logging keeps loggers weakly, and a collected logger forgets its level.
  private static final Logger DRIVER_LOG = Logger.getLogger("org.mongodb.driver");
  private static final Logger EMBEDDED_LOG = Logger.getLogger("de.bwaldvogel");

  private final Vertx vertx;
  private final Database db;
  private final HttpVerticle http;
  private final RetentionJob retention;

  private Server(Vertx vertx, Database db, HttpVerticle http, RetentionJob retention) {
    this.vertx = vertx;
    this.db = db;
    this.http = http;
    this.retention = retention;
  }

  /** Blocking: call from a main thread or a test, never from an event loop. */
  public static Server start(Settings settings) throws Exception {
    quietLibraries();
    TemplateCatalog templates = settings.templatesDir().filter(Files::isDirectory)
        .map(TemplateCatalog::load).orElseGet(TemplateCatalog::loadBundled);
    Vertx vertx = Vertx.vertx();
    Database db;
    try {
      db = Database.open(vertx, settings.mongoUri(), settings.dataDir());
    } catch (IOException | RuntimeException e) {
      vertx.close();
      throw e;
    }
    if (settings.adminUser().isPresent()) {
      AccountStore.ensureAdmin(db, settings.adminUser().get(), settings.adminPassword().orElseThrow());
    } else {
      LOG.warning("DIALOOG_ADMIN is niet gezet: er is geen beheerdersaccount, niemand kan inloggen.");
    }
    HttpVerticle http = new HttpVerticle(settings, db, templates);
    vertx.deployVerticle(http).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    RetentionJob retention = new RetentionJob(db, settings.retention(), http.archiveCaches());
    retention.schedule(vertx);
    return new Server(vertx, db, http, retention);
  }

  /** The driver and the embedded server narrate every connection; only their warnings matter here. */
  private static void quietLibraries() {
    DRIVER_LOG.setLevel(Level.WARNING);
    EMBEDDED_LOG.setLevel(Level.SEVERE);
  }

  public int port() {
    return http.actualPort();
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
    return http.archiveCaches();
  }

  @Override
  public void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    db.close();
  }
}
