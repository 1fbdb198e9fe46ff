package nl.dialoogtafel.loadtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A process of the cluster benchmark (store, node, HAProxy, generator) started under
 * {@code timeout -s KILL}, so it stops by itself at the end of its lifetime even when the JVM that
 * started it is killed; {@link #close()} stops it sooner. Its output goes to a log file (or, for
 * a generator, is read by the caller). CPU, descriptors and heap are read for the real process,
 * the child of {@code timeout}.
 */
final class ChildProcess implements AutoCloseable {

  private final String name;
  private final Process process;
  private final Path log;
  private long pid = -1;

  private ChildProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** Starts {@code command} with extra environment; its output to {@code log}, or a pipe when that is null. */
  static ChildProcess start(String name, List<String> command, Map<String, String> env, Path log, Duration lifetime)
      throws IOException {
    List<String> full = new ArrayList<>(List.of("timeout", "-s", "KILL", lifetime.toSeconds() + "s"));
    full.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(full);
    builder.environment().keySet().removeIf(k -> k.startsWith("DIALOOG_") || k.equals("MONGODB_URI"));
    builder.environment().putAll(env);
    builder.redirectErrorStream(true);
    if (log != null) {
      builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    }
    ChildProcess child = new ChildProcess(name, builder.start(), log);
    child.pid();
    return child;
  }

  /** A java command line with this JVM's class path. */
  static List<String> java(String maxHeap, String mainClass, String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + maxHeap, "-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(List.of(args));
    return command;
  }

  String name() {
    return name;
  }

  Process process() {
    return process;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The real process (the child of {@code timeout}). */
  synchronized long pid() {
    if (pid < 0) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (pid < 0 && System.nanoTime() < deadline) {
        pid = process.toHandle().children().mapToLong(ProcessHandle::pid).findFirst().orElse(-1);
        if (pid < 0) {
          try {
            Thread.sleep(5);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
          }
        }
      }
    }
    return pid;
  }

  /** User + system CPU so far, in nanoseconds; 0 once it is gone. */
  long cpuNanos() {
    try {
      return ProcStat.cpuTicks(Files.readString(Path.of("/proc", Long.toString(pid()), "stat")))
          * ProcStat.NANOS_PER_TICK;
    } catch (IOException | RuntimeException gone) {
      return 0;
    }
  }

  long fileDescriptors() {
    try {
      return ChildJvm.fileDescriptors(pid());
    } catch (IOException gone) {
      return -1;
    }
  }

  /** Heap in use after a full collection, in bytes (a JVM only). */
  long heapAfterFullGc() throws Exception {
    return ChildJvm.heapAfterFullGc(pid());
  }

  String logText() {
    try {
      return log != null && Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public void close() {
    long real = pid < 0 ? -1 : pid;
    process.destroy(); // timeout passes the TERM on to its child
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (real > 0) {
      ProcessHandle.of(real).ifPresent(ProcessHandle::destroyForcibly);
    }
  }
}
