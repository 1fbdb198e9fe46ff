package nl.dialoogtafel.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import nl.dialoogtafel.support.RawHttp;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Login throttling slows the guesser, never the owner: each test's clients come from their own
 * loopback addresses (127.0.0.x), as different machines would, to a server of the test's own.
 */
@Timeout(180)
@WithServer(perTest = true)
class LoginThrottleTest {

  private static RawHttp.Answer login(TestServer server, String from, String username, String password)
      throws Exception {
    return RawHttp.to(server, from).header("Origin", server.origin()).header("Content-Type", "application/json")
        .post("/api/login", new JsonObject().put("username", username).put("password", password).encode());
  }

  @Test
  @DisplayName("Five wrong passwords from one address: the right one from that address waits (429), from another gets in at once")
  void wrongGuessesElsewhereLockNobodyOut(TestServer server) throws Exception {
    for (int i = 0; i < 5; i++) {
      assertEquals(401, login(server, "127.0.0.2", TestServer.ADMIN, "gok-" + i).status(), "wrong password " + i);
    }
    RawHttp.Answer attacker = login(server, "127.0.0.2", TestServer.ADMIN, TestServer.PASSWORD);
    assertEquals(429, attacker.status(), attacker.body());
    assertNotNull(attacker.header("Retry-After"));
    assertTrue(attacker.header("Set-Cookie") == null, "no cookie while throttled");

    long start = System.nanoTime();
    RawHttp.Answer owner = login(server, "127.0.0.3", TestServer.ADMIN, TestServer.PASSWORD);
    assertEquals(200, owner.status(), "the owner from a clean address gets in: " + owner.body());
    assertNotNull(owner.header("Set-Cookie"));
    System.out.printf("LoginThrottleTest: the owner's login after 5 foreign failures took %d ms%n",
        (System.nanoTime() - start) / 1_000_000);
    // The owner's success does not free the guesser.
    assertEquals(429, login(server, "127.0.0.2", TestServer.ADMIN, TestServer.PASSWORD).status());
  }

  @Test
  @DisplayName("Guesses for one account from many addresses slow its logins down but never refuse the right password from a clean address")
  void manyAddressesOnlySlowTheAccount(TestServer server) throws Exception {
    // Five machines guess at once, as an attack would (and the account's delays then overlap, so the
    // test waits ~12 s instead of ~30).
    ExecutorService machines = Executors.newFixedThreadPool(5);
    List<CompletableFuture<Void>> guessers = new ArrayList<>();
    for (int host = 2; host <= 6; host++) {
      String from = "127.0.0." + host;
      guessers.add(CompletableFuture.runAsync(() -> {
        for (int i = 0; i < 4; i++) {
          try {
            assertEquals(401, login(server, from, TestServer.ADMIN, "gok-" + from + "-" + i).status());
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }
      }, machines));
    }
    try {
      CompletableFuture.allOf(guessers.toArray(CompletableFuture[]::new)).join();
    } finally {
      machines.shutdownNow();
    }
    RawHttp.Answer owner = login(server, "127.0.0.9", TestServer.ADMIN, TestServer.PASSWORD);
    assertEquals(200, owner.status(), "20 failures from 5 addresses lock the account for nobody: " + owner.body());
    assertEquals(401, login(server, "127.0.0.2", TestServer.ADMIN, "vijfde-gok").status(), "five tries per address");
    RawHttp.Answer sixth = login(server, "127.0.0.2", TestServer.ADMIN, "zesde-gok");
    assertEquals(429, sixth.status(), "the sixth guess from one address waits");
  }

  @Test
  @DisplayName("One address guessing many accounts is stopped after 20 failures; other addresses are not")
  void perAddressLimit(TestServer server) throws Exception {
    for (int i = 0; i < 20; i++) {
      assertEquals(401, login(server, "127.0.0.4", "naam-" + i, "gok").status(), "guess " + i);
    }
    RawHttp.Answer stopped = login(server, "127.0.0.4", TestServer.ADMIN, TestServer.PASSWORD);
    assertEquals(429, stopped.status(), stopped.body());
    assertEquals("rate_limited", new JsonObject(stopped.body()).getString("error"));
    assertEquals(200, login(server, "127.0.0.5", TestServer.ADMIN, TestServer.PASSWORD).status());
  }

  @Test
  @DisplayName("A failed login leaves a log line with the address and a short hash of the name, never the name or the password")
  void failedLoginIsLogged(TestServer server) throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        lines.add(record.getMessage());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger logger = Logger.getLogger(Auth.class.getName());
    logger.addHandler(capture);
    try {
      assertEquals(401, login(server, "127.0.0.6", "wethouder-jansen", "geheim-wachtwoord-1").status());
    } finally {
      logger.removeHandler(capture);
    }
    String line = lines.stream().filter(l -> l.contains("127.0.0.6")).findFirst().orElse(null);
    assertNotNull(line, "a line names the address: " + lines);
    assertFalse(line.contains("wethouder-jansen"), line);
    assertFalse(line.contains("geheim-wachtwoord-1"), line);
    assertTrue(line.contains(shortHash("wethouder-jansen")), line);
  }

  /** What an admin computes to find a name in the log: {@code printf %s NAME | sha256sum | cut -c1-8}. */
  private static String shortHash(String name) throws Exception {
    byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
        .digest(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return java.util.HexFormat.of().formatHex(digest).substring(0, 8);
  }
}
