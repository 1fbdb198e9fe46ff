package nl.dialoogtafel.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import nl.dialoogtafel.storage.LeaseStore.Lease;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The lease that makes one node a session's owner, and its fencing token, on the real store. */
class LeaseStoreTest {

  private static final long TTL = 400;

  @Test
  @DisplayName("one holder at a time; another takes it only once it expired, with a new token that fences the "
      + "old holder out; the old holder can neither renew nor release the new one's lease")
  void oneHolderAndFencing() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (Database db = Database.open(vertx, Optional.empty(), Files.createTempDirectory("dialoogtafel-leases"))) {
      LeaseStore leases = new LeaseStore(db);
      Lease a = await(leases.take("s1", "nodeA", TTL)).orElseThrow();
      assertEquals(1, a.token());
      assertEquals(Optional.empty(), await(leases.take("s1", "nodeB", TTL)), "held: nobody else takes it");
      assertEquals(Optional.of(a), await(leases.take("s1", "nodeA", TTL)), "its holder renews, same token");
      assertTrue(await(leases.holds(a)));

      // Node A stops renewing (paused, or dead): once the lease has run out node B takes it over.
      Lease b = Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
          .until(() -> await(leases.take("s1", "nodeB", TTL)), Optional::isPresent).orElseThrow();
      assertEquals(2, b.token(), "a take-over raises the token");
      assertFalse(await(leases.holds(a)), "the old holder's token no longer holds: it must not append");
      await(leases.renew("nodeA", List.of("s1"), 60_000));
      await(leases.release(a));
      assertTrue(await(leases.holds(b)), "the old holder can neither extend nor drop the new holder's lease");
      assertEquals(Optional.empty(), await(leases.take("s1", "nodeA", TTL)));

      await(leases.release(b));
      assertEquals(1, await(leases.take("s1", "nodeA", TTL)).orElseThrow().token(), "released: free at once");
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
