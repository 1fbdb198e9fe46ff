package nl.dialoogtafel.loadtest;

import java.util.List;

/**
 * One session of a cluster (or of a node alone) as a {@link Room} sees it: our wire, our snapshot
 * join, the session's ids; the server's CPU is that of the given processes (none: not read).
 * Which port each phone uses is the room's choice, {@code port()} is only the default.
 */
record ClusterTarget(int port, SessionRef session, List<ChildProcess> servers) implements Target {

  @Override
  public Kind kind() {
    return Kind.OURS;
  }

  @Override
  public Wire wire() {
    return Wire.PLAIN;
  }

  @Override
  public long processCpuNanos() {
    return servers.stream().mapToLong(ChildProcess::cpuNanos).sum();
  }

  @Override
  public void close() {
    // the processes belong to ClusterNodes
  }
}
