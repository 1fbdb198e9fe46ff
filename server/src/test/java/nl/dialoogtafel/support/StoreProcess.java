package nl.dialoogtafel.support;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@code java ... Main store} in a JVM of its own: the embedded store served alone on loopback,
 * as the nodes of a cluster on one machine share it through {@code MONGODB_URI}.
 */
public final class StoreProcess implements AutoCloseable {

  private static final Duration START_DEADLINE = Duration.ofSeconds(60);

  private final Process process;
  private final int port;
  private final Path log;

  private StoreProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts the store on a free port and returns once it says it serves. */
  public static StoreProcess start(Path dataDir, Path log) throws Exception {
    int port = ServerProcess.freePort();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        "nl.dialoogtafel.app.Main", "store").directory(new File(System.getProperty("user.dir")));
    builder.environment().keySet().removeIf(k -> k.startsWith("DIALOOG_") || k.equals("MONGODB_URI"));
    builder.environment().put("DIALOOG_DATA_DIR", dataDir.toString());
    builder.environment().put("DIALOOG_STORE_PORT", String.valueOf(port));
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    StoreProcess store = new StoreProcess(builder.start(), port, log);
    try {
      store.awaitServing();
    } catch (Exception | AssertionError e) {
      store.close();
      throw e;
    }
    return store;
  }

  private void awaitServing() throws Exception {
    long deadline = System.nanoTime() + START_DEADLINE.toNanos();
    while (!logText().contains("luistert op mongodb://")) {
      if (!process.isAlive()) {
        throw new AssertionError("store exited with " + process.exitValue() + "; log:\n" + logText());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("store not serving within " + START_DEADLINE.toSeconds() + " s; log:\n" + logText());
      }
      Thread.sleep(50);
    }
    try (Socket probe = new Socket()) {
      probe.connect(new InetSocketAddress("127.0.0.1", port), 2000);
    }
  }

  /** What the nodes are given as {@code MONGODB_URI}. */
  public String uri() {
    return "mongodb://127.0.0.1:" + port + "/dialoogtafel";
  }

  public String logText() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public void close() throws Exception {
    if (process.isAlive()) {
      process.destroyForcibly();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new AssertionError("store process did not die");
      }
    }
  }
}
