package nl.dialoogtafel.record;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The record's seal: each event's hash covers the previous event's hash and a hash of its own
 * content. Content can later be erased (the content hash stays), but nothing can be altered,
 * removed or reordered without the chain breaking at that event.
 */
public final class HashChain {

  public static final String GENESIS = "0".repeat(64);

  private HashChain() {}

  public static String contentHash(String session, long seq, String at, String name, JsonObject data) {
    JsonObject content = new JsonObject()
        .put("session", session).put("seq", seq).put("at", at).put("name", name).put("data", data);
    return sha256(CanonicalJson.encode(content));
  }

  public static String link(String previousHash, String contentHash) {
    return sha256(previousHash + ":" + contentHash);
  }

  /** Seals a new event onto the chain after {@code previousHash}. */
  public static StoredEvent seal(
      String session, long seq, String at, String name, JsonObject data, String key, String previousHash) {
    String content = contentHash(session, seq, at, name, data);
    return new StoredEvent(session, seq, at, name, data, key, content, link(previousHash, content), null);
  }

  /** The verdict on a whole record: where it first breaks, if anywhere. */
  public record Verdict(boolean valid, long events, long erased, Long firstBadSeq, String problem) {
    static Verdict ok(long events, long erased) {
      return new Verdict(true, events, erased, null, null);
    }

    static Verdict broken(long events, long erased, long seq, String problem) {
      return new Verdict(false, events, erased, seq, problem);
    }
  }

  /** Checks a whole record, in stored order, starting from the genesis hash. */
  public static Verdict verify(String session, List<StoredEvent> events) {
    String previous = GENESIS;
    long erased = 0;
    long expectedSeq = 1;
    for (StoredEvent event : events) {
      if (!session.equals(event.session())) {
        return Verdict.broken(events.size(), erased, event.seq(), "belongs to another session");
      }
      if (event.seq() != expectedSeq) {
        return Verdict.broken(events.size(), erased, event.seq(), "expected seq " + expectedSeq);
      }
      if (event.isErased()) {
        erased++;
      } else if (!contentHash(session, event.seq(), event.at(), event.name(), event.data())
          .equals(event.contentHash())) {
        return Verdict.broken(events.size(), erased, event.seq(), "content does not match its hash");
      }
      if (!link(previous, event.contentHash()).equals(event.hash())) {
        return Verdict.broken(events.size(), erased, event.seq(), "chain broken");
      }
      previous = event.hash();
      expectedSeq++;
    }
    return Verdict.ok(events.size(), erased);
  }

  static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
