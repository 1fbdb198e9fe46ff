package nl.dialoogtafel.app;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Properties;
import nl.dialoogtafel.storage.DataFolder;
import nl.dialoogtafel.storage.Ids;

/**
 * How {@code java -jar dialoogtafel.jar backup} finds and may ask the running server: a file
 * {@code backup.key} in the data folder (600, like the store) with the server's address and a
 * random key, written at each start and removed at a clean stop. Whoever can read it can read the
 * store file next to it anyway, so the key gives nobody more than they have — and a cron job needs
 * no admin password.
 */
record BackupKey(String host, int port, String key) {

  static final String FILE = "backup.key";

  /** Blocking, at start-up: a fresh key for this run of the server. */
  static BackupKey write(Path dataDir, String listenHost, int port) throws IOException {
    // A server on every address is reached on loopback; one on a single address, there.
    String host = listenHost.equals("0.0.0.0") || listenHost.equals("::") ? "127.0.0.1" : listenHost;
    BackupKey written = new BackupKey(host, port, Ids.secret());
    Path file = dataDir.resolve(FILE);
    Path part = dataDir.resolve(FILE + ".new");
    Files.deleteIfExists(part);
    DataFolder.newPrivateFile(part);
    Files.writeString(part, "host=" + host + "\nport=" + port + "\nkey=" + written.key + "\n",
        StandardCharsets.UTF_8, StandardOpenOption.WRITE);
    Files.move(part, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return written;
  }

  /** Blocking: the key of the server running on this folder, if one does. */
  static Optional<BackupKey> read(Path dataDir) throws IOException {
    Path file = dataDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    return Optional.of(parse(Files.readString(file, StandardCharsets.UTF_8)));
  }

  static BackupKey parse(String text) throws IOException {
    Properties properties = new Properties();
    properties.load(new StringReader(text));
    try {
      return new BackupKey(properties.getProperty("host", "127.0.0.1"),
          Integer.parseInt(properties.getProperty("port", "")), properties.getProperty("key", ""));
    } catch (NumberFormatException e) {
      throw new IOException(FILE + " is unreadable");
    }
  }

  /** At a clean stop: no key left that names a server that is gone. */
  static void remove(Path dataDir) {
    try {
      Files.deleteIfExists(dataDir.resolve(FILE));
    } catch (IOException ignored) {
      // the next start writes a new one
    }
  }

  /** The bearer value a request must carry, compared in constant time. */
  boolean admits(String authorization) {
    return authorization != null && authorization.startsWith("Bearer ")
        && !key.isEmpty() && Ids.sameSecret(key, authorization.substring("Bearer ".length()));
  }

  String origin() {
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
