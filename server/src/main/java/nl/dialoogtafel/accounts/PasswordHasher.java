package nl.dialoogtafel.accounts;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id with the OWASP minimum (19 MiB, 2 passes, 1 lane), stored in the PHC string format so
 * the parameters can be raised later without breaking old hashes. The hashing runs on a small pool
 * of its own: each run holds 19 MiB and a core for a while, so a burst of logins must neither take
 * the database workers away from the live sessions nor run more of them at once than there are cores.
 */
public final class PasswordHasher {

  static final String POOL = "dialoogtafel-argon2";
  private static final int POOL_SIZE = 2;
  private static final int MEMORY_KIB = 19 * 1024;
  private static final int ITERATIONS = 2;
  private static final int PARALLELISM = 1;
  private static final int HASH_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();

  private final WorkerExecutor pool;

  /** Shared by name: every verticle that hashes uses the same few threads. */
  public PasswordHasher(Vertx vertx) {
    this.pool = vertx.createSharedWorkerExecutor(POOL, POOL_SIZE);
  }

  /** A new PHC string for the password, made on the hashing pool. */
  public Future<String> hash(String password) {
    return pool.executeBlocking(() -> hashNow(password), false);
  }

  /** Whether the password matches the stored PHC string, checked on the hashing pool. */
  public Future<Boolean> verify(String password, String stored) {
    return pool.executeBlocking(() -> verifyNow(password, stored), false);
  }

  /**
   * The same work as {@link #verify} for a name that has no account, so the time a login takes
   * does not tell which names exist. Always false.
   */
  public Future<Boolean> verifyNobody(String password) {
    return pool.executeBlocking(() -> {
      verifyNow(password, Dummy.HASH); // what it answers does not matter, the time it takes does
      return false;
    }, false);
  }

  /** Blocking: for start-up, or on a worker. */
  public static String hashNow(String password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    byte[] hash = argon2(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM);
    return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$"
        + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
  }

  /** Blocking: for start-up, or on a worker. */
  public static boolean verifyNow(String password, String stored) {
    if (stored == null) {
      return false;
    }
    String[] parts = stored.split("\\$");
    if (parts.length != 6 || !parts[1].equals("argon2id")) {
      return false;
    }
    int memory = 0;
    int iterations = 0;
    int parallelism = 0;
    for (String setting : parts[3].split(",")) {
      String[] kv = setting.split("=");
      int value = Integer.parseInt(kv[1]);
      switch (kv[0]) {
        case "m" -> memory = value;
        case "t" -> iterations = value;
        case "p" -> parallelism = value;
        default -> { }
      }
    }
    byte[] salt = B64D.decode(parts[4]);
    byte[] expected = B64D.decode(parts[5]);
    return MessageDigest.isEqual(expected, argon2(password, salt, memory, iterations, parallelism));
  }

  private static byte[] argon2(String password, byte[] salt, int memory, int iterations, int parallelism) {
    Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13).withSalt(salt).withMemoryAsKB(memory)
        .withIterations(iterations).withParallelism(parallelism).build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] out = new byte[HASH_BYTES];
    generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
    return out;
  }

  /**
   * The hash an unknown name is checked against. A holder class is initialised on first use, once,
   * by the JVM: here that is inside {@link #verifyNobody}, on the hashing pool, never at start-up
   * or on an event loop. (Only the very first unknown name pays for making it.)
   */
  static final class Dummy {
    static final String HASH = hashNow("timing-equaliser");
    /** Where it was made, for the test that holds this promise. */
    static final String MADE_ON = Thread.currentThread().getName();

    private Dummy() {}
  }
}
