package nl.dialoogtafel.storage;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.h2.mvstore.MVStoreTool;

/**
 * The default store when no MONGODB_URI is given: a MongoDB wire-protocol server in this process,
 * on loopback, backed by one H2 file in the data directory. The app reaches it through the real
 * driver over a socket, so it runs the same code path as production.
 */
public final class EmbeddedMongo implements AutoCloseable {

  /** The store's one file in the data folder (a backup holds it under the same name). */
  public static final String FILE_NAME = "dialoogtafel.mv.db";

  private final Path file;
  private final String host;
  private final int port;
  private MongoServer server;
  private DurableH2Backend backend;

  private EmbeddedMongo(Path file, MongoServer server, DurableH2Backend backend, String host, int port) {
    this.file = file;
    this.host = host;
    this.server = server;
    this.backend = backend;
    this.port = port;
  }

  public static EmbeddedMongo start(Path dataDir) throws IOException {
    return start(dataDir, "127.0.0.1", 0);
  }

  /**
   * The store on {@code host:port} (0: a free port). The {@code store} command serves it to the
   * nodes of a cluster on one machine this way; in this process it stays on loopback.
   */
  public static EmbeddedMongo start(Path dataDir, String host, int port) throws IOException {
    DataFolder.secure(dataDir);
    StoreBackup.removeLeftovers(dataDir);
    Path file = dataDir.resolve(FILE_NAME).toAbsolutePath();
    if (!Files.exists(file)) {
      DataFolder.newPrivateFile(file); // the store starts in an empty file, made 600 before any data is in it
    }
    DurableH2Backend backend = new DurableH2Backend(file.toString());
    MongoServer server = new MongoServer(backend);
    server.bind(host, port);
    return new EmbeddedMongo(file, server, backend, host, server.getLocalAddress().getPort());
  }

  /**
   * Blocking. The store keeps old versions of changed pages in its file, and compacting in place
   * does not overwrite them, so erased words could still be read from the file. This copies only
   * the live data into a new file, replaces the old one and serves again on the same port. The
   * driver reconnects by itself; writes in the short pause fail as "unavailable" and are retried.
   */
  public synchronized void rewrite() throws IOException {
    server.shutdown();
    Path copy = file.resolveSibling(file.getFileName() + ".rewrite");
    Files.deleteIfExists(copy);
    MVStoreTool.compact(file.toString(), copy.toString(), false);
    DataFolder.restrict(copy);
    try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
    Files.move(copy, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    backend = new DurableH2Backend(file.toString());
    server = new MongoServer(backend);
    server.bind(host, port);
  }

  /**
   * Blocking: writes a consistent copy of the store to {@code target} while the server keeps
   * serving (see {@link StoreBackup}). Not at the same time as a {@link #rewrite()}.
   */
  public synchronized StoreBackup.Made backup(Path target) throws IOException {
    return StoreBackup.write(backend.getMvStore(), target);
  }

  public int port() {
    return port;
  }

  public String connectionString() {
    return "mongodb://127.0.0.1:" + port;
  }

  @Override
  public synchronized void close() {
    server.shutdown();
  }
}
