package nl.dialoogtafel.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import nl.dialoogtafel.i18n.Messages;
import nl.dialoogtafel.storage.EmbeddedMongo;

/**
 * {@code java -jar dialoogtafel.jar store}: the embedded durable store alone, as a MongoDB
 * wire-protocol server, so several nodes on one machine (a test, the benchmark, a small install)
 * share one store through {@code MONGODB_URI}. It serves until the process is stopped. Production
 * clusters use a MongoDB replica set instead: this store is one process on one disk.
 */
final class StoreCommand {

  static final int WRONG_USE = 2;
  static final int FAILED = 1;

  private StoreCommand() {}

  /** Blocks while the store serves; returns an exit status only when it could not start. */
  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    if (args.length != 1) {
      err.println(text("store.usage"));
      return WRONG_USE;
    }
    String host = env.getOrDefault("DIALOOG_STORE_HOST", "127.0.0.1").trim();
    int port;
    try {
      port = Integer.parseInt(env.getOrDefault("DIALOOG_STORE_PORT", "27017").trim());
      if (port < 0 || port > 65535 || host.isEmpty() || host.length() > 255) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      err.println(text("store.wrong_address"));
      return WRONG_USE;
    }
    Path dataDir = Path.of(env.getOrDefault("DIALOOG_DATA_DIR", "./data")).toAbsolutePath().normalize();
    EmbeddedMongo store;
    try {
      store = EmbeddedMongo.start(dataDir, host, port);
    } catch (IOException | RuntimeException e) {
      err.println(text("store.failed", e.getClass().getSimpleName()));
      return FAILED;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      store.close();
      stopped.countDown();
    }));
    out.println(text("store.serving", "mongodb://" + host + ":" + store.port(), dataDir));
    out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private static String text(String key, Object... args) {
    return Messages.text(Messages.DUTCH, key, args);
  }
}
