package nl.dialoogtafel.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The guard's arithmetic on a clock the test turns (the real thing over sockets is in
 * {@link AddressLimitsTest}): what docs/protocol.md promises about misses per address and per node.
 */
class JoinGuardTest {

  private final AtomicLong now = new AtomicLong(TimeUnit.DAYS.toNanos(3));

  @Test
  @DisplayName("20 free misses at once, then one per 10 s; each slowed one keeps a place until it is paid")
  void addressBudget() {
    JoinGuard guard = new JoinGuard(1000, now::get);
    for (int i = 0; i < JoinGuard.FREE_MISSES; i++) {
      assertEquals(JoinGuard.Miss.FREE, guard.missed("10.0.0.1"));
    }
    assertEquals(JoinGuard.Miss.HELD, guard.missed("10.0.0.1"));
    assertEquals(JoinGuard.Miss.HELD, guard.missed("10.0.0.1"));
    assertEquals(2, guard.held("10.0.0.1"));
    assertEquals(JoinGuard.Miss.FREE, guard.missed("10.0.0.2"), "another address has its own budget");
    turn(10);
    assertEquals(1, guard.held("10.0.0.1"), "the first slowed miss is paid after 10 s");
    turn(10);
    assertEquals(0, guard.held("10.0.0.1"));
    // A steady guesser: every miss is slowed, and an hour holds 360 of them.
    int held = 0;
    for (int second = 0; second < 3600; second++) {
      if (guard.missed("10.0.0.1") == JoinGuard.Miss.HELD) {
        held++;
      }
      turn(1);
    }
    assertEquals(3600, held, "a miss a second from one address: every one slowed");
    assertTrue(guard.held("10.0.0.1") > 3000, "and its places stay taken: " + guard.held("10.0.0.1"));
  }

  @Test
  @DisplayName("Misses heal: after 200 quiet seconds an address has its 20 free misses back")
  void budgetHeals() {
    JoinGuard guard = new JoinGuard(1000, now::get);
    for (int i = 0; i < 25; i++) {
      guard.missed("10.0.0.1");
    }
    turn(25 * 10);
    for (int i = 0; i < JoinGuard.FREE_MISSES; i++) {
      assertEquals(JoinGuard.Miss.FREE, guard.missed("10.0.0.1"), "miss " + i);
    }
    turn(1000);
    guard.forgetOld();
    assertEquals(0, guard.held("10.0.0.1"));
  }

  @Test
  @DisplayName("A node-wide budget: many addresses with a few misses each are slowed once the node has had 500")
  void nodeBudget() {
    JoinGuard guard = new JoinGuard(1000, now::get);
    int slowed = 0;
    for (int address = 0; address < 100; address++) {
      for (int i = 0; i < 10; i++) {
        if (guard.missed("10.1." + address + ".1") == JoinGuard.Miss.HELD) {
          slowed++;
        }
      }
    }
    assertEquals(1000 - JoinGuard.NODE_FREE_MISSES, slowed, "each address stayed within its own 20");
  }

  @Test
  @DisplayName("Places: open sockets and held misses together stay under the cap; a closed socket frees its place")
  void places() {
    JoinGuard guard = new JoinGuard(3, now::get);
    assertTrue(guard.admit("10.0.0.1"));
    assertTrue(guard.admit("10.0.0.1"));
    for (int i = 0; i <= JoinGuard.FREE_MISSES; i++) {
      guard.missed("10.0.0.1");
    }
    assertFalse(guard.admit("10.0.0.1"), "two sockets and one held miss fill three places");
    assertTrue(guard.admit("10.0.0.2"));
    guard.left("10.0.0.1");
    assertTrue(guard.admit("10.0.0.1"));
    turn(11);
    assertTrue(guard.admit("10.0.0.1"), "the held miss was paid");
  }

  @Test
  @DisplayName("IPv6 is counted per /64, IPv4 and IPv4-mapped per address")
  void keys() {
    assertEquals(JoinGuard.key("2001:db8:1:2:aaaa::1"), JoinGuard.key("2001:db8:1:2:ffff:1:2:3"));
    assertFalse(JoinGuard.key("2001:db8:1:2::1").equals(JoinGuard.key("2001:db8:1:3::1")));
    assertEquals("192.0.2.7", JoinGuard.key("192.0.2.7"));
    assertEquals("192.0.2.7", JoinGuard.key("::ffff:192.0.2.7"));
  }

  private void turn(long seconds) {
    now.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
  }
}
