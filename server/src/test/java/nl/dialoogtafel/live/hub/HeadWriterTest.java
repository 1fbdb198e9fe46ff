package nl.dialoogtafel.live.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.dialoogtafel.dialogue.SessionEvent;
import nl.dialoogtafel.dialogue.SessionStatus;
import nl.dialoogtafel.record.HashChain;
import nl.dialoogtafel.record.StoredEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The record's head must reach the session document even when the store pauses (an erasure
 * rewrites the store file right after its event, while the head of that same event is written).
 */
@Timeout(30)
class HeadWriterTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close();
  }

  @Test
  @DisplayName("A head write refused while the store pauses is tried again until it is stored")
  void headSurvivesAPause() throws Exception {
    AtomicInteger tries = new AtomicInteger();
    List<Long> stored = new CopyOnWriteArrayList<>();
    HeadWriter writer = new HeadWriter(vertx, (session, status, seq, hash) -> {
      if (tries.incrementAndGet() <= 2) {
        return Future.failedFuture(new IllegalStateException("unavailable"));
      }
      stored.add(seq);
      return Future.succeededFuture();
    }, "s-1");
    writer.follow(new SessionEvent.SessionClosed(), event(6), SessionStatus.CLOSED);
    writer.written().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertEquals(3, tries.get(), "two refusals, then stored");
    assertEquals(List.of(6L), stored);
  }

  @Test
  @DisplayName("A store that stays away is tried a few times, then the head waits for the next event")
  void givesUpWithoutFailing() throws Exception {
    AtomicInteger tries = new AtomicInteger();
    HeadWriter writer = new HeadWriter(vertx, (session, status, seq, hash) -> {
      tries.incrementAndGet();
      return Future.failedFuture(new IllegalStateException("unavailable"));
    }, "s-1");
    writer.follow(new SessionEvent.SessionClosed(), event(6), SessionStatus.CLOSED);
    writer.written().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    assertTrue(tries.get() > 2 && tries.get() <= 10, "a bounded number of tries: " + tries.get());
  }

  private static StoredEvent event(long seq) {
    return HashChain.seal("s-1", seq, "2026-12-01T10:00:00Z", "session.closed", new JsonObject(), "k" + seq,
        HashChain.GENESIS);
  }
}
