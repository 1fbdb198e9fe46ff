package nl.dialoogtafel.loadtest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A server in a JVM of its own, so that its heap, file descriptors and threads are its alone and
 * not the load generator's. Started with this JVM's class path; its port is read from the first
 * line of its output that names one. The heap is read with {@code jcmd}: a full collection
 * ({@code GC.run}), then {@code GC.heap_info}'s "used".
 */
final class ChildJvm implements AutoCloseable {

  private static final Pattern PORT = Pattern.compile("(?:localhost|127\\.0\\.0\\.1):(\\d+)|^port (\\d+)");
  private static final Pattern USED = Pattern.compile("used (\\d+)K");

  private final Process process;
  private final int port;

  private ChildJvm(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts {@code mainClass} with the given heap and environment; waits for its port. */
  static ChildJvm start(String mainClass, String maxHeap, Map<String, String> env) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + maxHeap, "-cp", System.getProperty("java.class.path"), mainClass));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8))) {
        for (String line; (line = out.readLine()) != null; ) {
          Matcher m = PORT.matcher(line);
          if (!port.isDone() && m.find()) {
            port.complete(Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)));
          } else if (!port.isDone()) {
            System.out.println("    [child] " + line);
          }
        }
      } catch (IOException e) {
        port.completeExceptionally(e);
      }
      port.completeExceptionally(new IllegalStateException("the child ended without naming its port"));
    }, "child-output");
    reader.setDaemon(true);
    reader.start();
    try {
      return new ChildJvm(process, port.get(120, TimeUnit.SECONDS));
    } catch (Exception e) {
      process.destroyForcibly();
      throw e;
    }
  }

  int port() {
    return port;
  }

  long pid() {
    return process.pid();
  }

  /** Heap in use right after a full collection, in bytes (two collections: the second finds what the first freed late). */
  long heapAfterFullGc() throws Exception {
    return heapAfterFullGc(pid());
  }

  /** As above, for any JVM of this user: a cluster's nodes ({@link ClusterNodes}). */
  static long heapAfterFullGc(long pid) throws Exception {
    jcmd(pid, "GC.run");
    jcmd(pid, "GC.run");
    Matcher m = USED.matcher(jcmd(pid, "GC.heap_info"));
    if (!m.find()) {
      throw new IllegalStateException("no heap figure from jcmd");
    }
    return Long.parseLong(m.group(1)) * 1024;
  }

  /** Open file descriptors of the process (/proc/pid/fd). */
  long fileDescriptors() throws IOException {
    return fileDescriptors(pid());
  }

  /** Open file descriptors of any process of this user. */
  static long fileDescriptors(long pid) throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      return fds.count();
    }
  }

  /** Threads of the process (/proc/pid/status). */
  long threads() throws IOException {
    return Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status")).stream()
        .filter(l -> l.startsWith("Threads:")).mapToLong(l -> Long.parseLong(l.substring(8).trim())).findFirst()
        .orElse(-1);
  }

  private static String jcmd(long pid, String command) throws Exception {
    Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
        Long.toString(pid), command).redirectErrorStream(true).start();
    String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!jcmd.waitFor(120, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
      throw new IllegalStateException("jcmd " + command + " failed: " + out);
    }
    return out;
  }

  @Override
  public void close() throws Exception {
    process.getOutputStream().close(); // the floor stops when its input closes
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
