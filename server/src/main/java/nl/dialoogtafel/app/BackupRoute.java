package nl.dialoogtafel.app;

import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.dialoogtafel.http.ApiReplies;
import nl.dialoogtafel.storage.Database;
import nl.dialoogtafel.storage.Ids;
import nl.dialoogtafel.storage.StoreBackup;

/**
 * {@code POST /api/backup}, asked by {@code java -jar dialoogtafel.jar backup} with the key from
 * the data folder ({@link BackupKey}): the store is copied on the database pool while the rooms go
 * on ({@link StoreBackup}), into a private file in the data folder, and sent as the answer; the file
 * is removed once sent (or the asker gone). Nothing is read on the event loop.
 */
final class BackupRoute {

  private static final Logger LOG = Logger.getLogger(BackupRoute.class.getName());

  private final Vertx vertx;
  private final Database db;
  private final Path dataDir;

  BackupRoute(Vertx vertx, Database db, Path dataDir) {
    this.vertx = vertx;
    this.db = db;
    this.dataDir = dataDir;
  }

  void handle(RoutingContext ctx) {
    if (!db.embedded()) {
      ApiReplies.error(ctx, 409, "backup_external", "backup_external", null);
      return;
    }
    String authorization = ctx.request().getHeader("Authorization");
    vertx.executeBlocking(() -> BackupKey.read(dataDir), false).onComplete(read -> {
      if (read.failed() || read.result().isEmpty() || !read.result().get().admits(authorization)) {
        ApiReplies.error(ctx, 403, "forbidden", "backup_key", null);
        return;
      }
      Path part = dataDir.resolve(Ids.id("backup-") + StoreBackup.PART_SUFFIX);
      db.backup(part).onComplete(made -> {
        if (made.failed()) {
          LOG.log(Level.WARNING, "backup failed: " + made.cause().getClass().getName());
          vertx.fileSystem().delete(part.toString());
          ApiReplies.error(ctx, 503, "unavailable", "unavailable", null);
          return;
        }
        LOG.info("backup made: " + made.result().bytes() + " bytes in " + made.result().millis() + " ms");
        ctx.response().putHeader("Content-Type", "application/zip").putHeader("Cache-Control", "no-store")
            .putHeader("X-Backup-Millis", Long.toString(made.result().millis()))
            .sendFile(part.toString())
            .onComplete(sent -> vertx.fileSystem().delete(part.toString()));
      });
    });
  }
}
