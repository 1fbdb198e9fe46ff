package nl.dialoogtafel.loadtest;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The peer: {@code loadtest/peer/server.js} (socket.io 4 on Node) as a child process. It picks
 * its port and prints it with the session on its first line; it exits when our end of its stdin
 * closes, so it ends with this JVM even when that is killed.
 */
final class PeerTarget implements Target {

  private final Process process;
  private final int port;
  private final SessionRef session;

  private PeerTarget(Process process, int port, SessionRef session) {
    this.process = process;
    this.port = port;
    this.session = session;
  }

  static PeerTarget start() throws Exception {
    Path dir = Path.of(System.getProperty("peer.dir", "loadtest/peer"));
    if (!Files.isDirectory(dir.resolve("node_modules"))) {
      throw new IllegalStateException("no " + dir.resolve("node_modules") + ": run npm ci there (run.sh does)");
    }
    Process process = new ProcessBuilder(System.getProperty("peer.node", "node"), "server.js")
        .directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
      try {
        return out.readLine();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    String line;
    try {
      line = first.get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IllegalStateException("the peer did not start", e);
    }
    if (line == null) {
      throw new IllegalStateException("the peer exited with " + process.waitFor());
    }
    JsonObject hello = new JsonObject(line);
    JsonObject s = hello.getJsonObject("session");
    return new PeerTarget(process, hello.getInteger("port"),
        new SessionRef(s.getString("id"), s.getString("code"), s.getString("kioskKey")));
  }

  @Override
  public Kind kind() {
    return Kind.PEER;
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public Wire wire() {
    return Wire.SOCKET_IO;
  }

  @Override
  public SessionRef session() {
    return session;
  }

  /** CPU time of the Node process, from /proc; 0 where it is missing. */
  @Override
  public long processCpuNanos() {
    try {
      return ProcStat.cpuTicks(Files.readString(Path.of("/proc/" + process.pid() + "/stat"))) * ProcStat.NANOS_PER_TICK;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  @Override
  public void close() throws Exception {
    process.getOutputStream().close();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }
}
