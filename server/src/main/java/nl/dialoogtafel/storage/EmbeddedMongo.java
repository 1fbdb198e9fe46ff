package nl.dialoogtafel.storage;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The default store when no MONGODB_URI is given: a MongoDB wire-protocol server in this process,
 * on loopback, backed by one H2 file in the data directory. The app reaches it through the real
 * driver over a socket, so it runs the same code path as production.
 */
public final class EmbeddedMongo implements AutoCloseable {

  private final MongoServer server;
  private final String connectionString;

  private EmbeddedMongo(MongoServer server, String connectionString) {
    this.server = server;
    this.connectionString = connectionString;
  }

  public static EmbeddedMongo start(Path dataDir) throws IOException {
    Files.createDirectories(dataDir);
    Path file = dataDir.resolve("dialoogtafel.mv.db").toAbsolutePath();
    MongoServer server = new MongoServer(new DurableH2Backend(file.toString()));
    server.bind("127.0.0.1", 0);
    var address = server.getLocalAddress();
    return new EmbeddedMongo(server, "mongodb://127.0.0.1:" + address.getPort());
  }

  public String connectionString() {
    return connectionString;
  }

  @Override
  public void close() {
    server.shutdown();
  }
}
