package nl.dialoogtafel.live;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The door of {@code /ws} for one address: how many sockets it may hold, and how fast it may miss
 * join codes. A right code is never refused here — every join is looked up — so guessing is
 * slowed by what a miss costs: beyond the free misses (per address and for the node) a miss
 * closes its socket and keeps one of the address's socket places taken until the miss is "paid",
 * one interval after the miss before it. A guesser waits for its places, a room behind the same
 * address joins as usual. One per node, shared by its event loops (a guesser's sockets land on all
 * of them). The arithmetic is in docs/protocol.md.
 */
public final class JoinGuard {

  /** Misses an address may make at once before they are slowed. */
  static final int FREE_MISSES = 20;
  /** After the free ones, one miss per address per this interval (360 an hour). */
  static final long ADDRESS_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);
  /** Misses the whole node may make at once (many addresses, many typing rooms). */
  static final int NODE_FREE_MISSES = 500;
  /** After those, one miss for the whole node per this interval (3,600 an hour). */
  static final long NODE_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

  /** What a miss costs. */
  enum Miss { FREE, HELD }

  /** One address: its open sockets, its miss schedule and the places its slowed misses keep. */
  private static final class Door {
    int open;
    final MissSchedule misses;
    final PriorityQueue<Long> heldUntil = new PriorityQueue<>();

    Door(long now) {
      misses = new MissSchedule(FREE_MISSES, ADDRESS_INTERVAL_NANOS, now);
    }

    int held(long now) {
      while (!heldUntil.isEmpty() && heldUntil.peek() - now <= 0) {
        heldUntil.poll();
      }
      return heldUntil.size();
    }
  }

  private final int socketsPerAddress;
  private final LongSupplier clock;
  private final Map<String, Door> doors = new HashMap<>();
  private final MissSchedule nodeMisses;
  private long misses;

  public JoinGuard(int socketsPerAddress) {
    this(socketsPerAddress, System::nanoTime);
  }

  JoinGuard(int socketsPerAddress, LongSupplier clock) {
    this.socketsPerAddress = socketsPerAddress;
    this.clock = clock;
    this.nodeMisses = new MissSchedule(NODE_FREE_MISSES, NODE_INTERVAL_NANOS, clock.getAsLong());
  }

  /**
   * The key an address is counted under: an IPv4 address as is, an IPv6 address by its /64 (one
   * subscriber usually has a whole /64, so counting single IPv6 addresses would count nothing).
   */
  static String key(String hostAddress) {
    if (hostAddress == null || hostAddress.indexOf(':') < 0) {
      return hostAddress == null ? "?" : hostAddress;
    }
    try {
      byte[] bytes = InetAddress.getByName(hostAddress).getAddress(); // a literal: no name lookup
      if (bytes.length == 4) {
        return InetAddress.getByAddress(bytes).getHostAddress();
      }
      StringBuilder prefix = new StringBuilder(24);
      for (int i = 0; i < 8; i += 2) {
        prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
      }
      return prefix.append(":/64").toString();
    } catch (UnknownHostException | SecurityException notALiteral) {
      return hostAddress;
    }
  }

  /** A socket from this address may open: false when its places (open sockets and held misses) are all taken. */
  synchronized boolean admit(String address) {
    long now = clock.getAsLong();
    Door door = doors.computeIfAbsent(address, a -> new Door(now));
    if (door.open + door.held(now) >= socketsPerAddress) {
      return false;
    }
    door.open++;
    return true;
  }

  /** A socket {@link #admit admitted} for this address has closed (or never became one). */
  synchronized void left(String address) {
    Door door = doors.get(address);
    if (door != null && door.open > 0) {
      door.open--;
    }
  }

  /**
   * An unknown code was tried from this address. {@link Miss#HELD} when it was beyond the free
   * misses of the address or of the node: the caller closes the socket, and one of the address's
   * places stays taken until the miss is paid.
   */
  synchronized Miss missed(String address) {
    misses++;
    long now = clock.getAsLong();
    Door door = doors.computeIfAbsent(address, a -> new Door(now));
    long paid = Math.max(door.misses.miss(now), nodeMisses.miss(now));
    if (paid - now <= 0) {
      return Miss.FREE;
    }
    door.heldUntil.add(paid);
    return Miss.HELD;
  }

  /** Unknown codes tried at this node so far (the node's metrics). */
  public synchronized long misses() {
    return misses;
  }

  /** Places of this address now taken by slowed misses (for tests and the docs' arithmetic). */
  synchronized int held(String address) {
    Door door = doors.get(address);
    return door == null ? 0 : door.held(clock.getAsLong());
  }

  /** Lets go of addresses with no socket, no held miss and no misses left to pay. */
  synchronized void forgetOld() {
    long now = clock.getAsLong();
    doors.values().removeIf(d -> d.open == 0 && d.held(now) == 0 && d.misses.settled(now));
  }
}
