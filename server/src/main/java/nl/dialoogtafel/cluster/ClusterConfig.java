package nl.dialoogtafel.cluster;

import java.util.List;

/**
 * Where this node's cluster member listens and which members it joins (TCP/IP, never multicast).
 * The event bus between nodes listens on {@code port + 1} of the same host.
 */
public record ClusterConfig(List<String> members, String host, int port) {

  public ClusterConfig {
    members = List.copyOf(members);
    if (members.isEmpty()) {
      throw new IllegalArgumentException("a cluster needs members");
    }
  }

  public int busPort() {
    return port + 1;
  }
}
