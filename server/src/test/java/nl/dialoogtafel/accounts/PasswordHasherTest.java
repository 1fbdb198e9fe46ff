package nl.dialoogtafel.accounts;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Argon2 on its own pool: asked from an event loop, answered on it, never hashed on it. */
@Timeout(60)
class PasswordHasherTest {

  private static Vertx vertx;
  private static PasswordHasher hasher;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    hasher = new PasswordHasher(vertx);
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /** Asks from an event loop and checks the answer comes back there too. */
  private static <T> T fromEventLoop(Supplier<Future<T>> ask) throws Exception {
    CompletableFuture<T> answer = new CompletableFuture<>();
    vertx.runOnContext(v -> ask.get().onComplete(done -> {
      if (!Context.isOnEventLoopThread()) {
        answer.completeExceptionally(new AssertionError("answered on " + Thread.currentThread().getName()));
      } else if (done.failed()) {
        answer.completeExceptionally(done.cause());
      } else {
        answer.complete(done.result());
      }
    }));
    return answer.get(30, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("A hash made on the pool verifies the right password and not a wrong one")
  void hashAndVerify() throws Exception {
    String stored = fromEventLoop(() -> hasher.hash("correct-paard-batterij"));
    assertTrue(stored.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), stored);
    assertTrue(fromEventLoop(() -> hasher.verify("correct-paard-batterij", stored)));
    assertFalse(fromEventLoop(() -> hasher.verify("verkeerd-paard-batterij", stored)));
    assertTrue(PasswordHasher.verifyNow("correct-paard-batterij", stored), "start-up reads the same format");
  }

  @Test
  @DisplayName("The dummy hash for unknown names is made on first use, on the hashing pool, not on an event loop")
  void dummyHashIsMadeOnThePool() throws Exception {
    assertFalse(fromEventLoop(() -> hasher.verifyNobody("wie-dan-ook")));
    assertTrue(PasswordHasher.Dummy.MADE_ON.startsWith(PasswordHasher.POOL), PasswordHasher.Dummy.MADE_ON);
  }
}
