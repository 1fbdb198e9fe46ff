package nl.dialoogtafel.storage;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Who may append to a session's record in a cluster: one document per session in {@code leases}
 * (owner node, fencing token, expiry in epoch milliseconds). A node holds a lease until its
 * expiry and renews it meanwhile; another node may take it only once it has expired, and every
 * take-over raises the token, so an owner that was paused past its expiry finds its token gone.
 * Each step is one single-document write, which the embedded store and a replica set both make
 * atomic. Clocks: expiry is compared with the taking node's clock, so the nodes' clocks must agree
 * to well within the lease time (NTP); the unique {@code (session, seq)} index stays the last line.
 */
public final class LeaseStore {

  public static final String LEASES = "leases";

  /** A lease as this node holds it. */
  public record Lease(String sessionId, String owner, long token) {}

  private final Database db;
  private final Runnable tookOver;

  public LeaseStore(Database db) {
    this(db, () -> {});
  }

  /** {@code tookOver} runs when a lease is taken from a holder that let it expire without release (a failover). */
  public LeaseStore(Database db, Runnable tookOver) {
    this.db = db;
    this.tookOver = tookOver;
  }

  /**
   * Renews the lease when {@code owner} holds it, takes it over when it has expired, makes it when
   * there is none; empty when another node holds it now.
   */
  public Future<Optional<Lease>> take(String sessionId, String owner, long ttlMillis) {
    return db.call(() -> {
      long now = System.currentTimeMillis();
      var leases = db.collection(LEASES);
      FindOneAndUpdateOptions after = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);
      Document held = leases.findOneAndUpdate(Filters.and(Filters.eq("_id", sessionId), Filters.eq("owner", owner)),
          Updates.set("expires", now + ttlMillis), after);
      if (held == null) {
        held = leases.findOneAndUpdate(Filters.and(Filters.eq("_id", sessionId), Filters.lt("expires", now)),
            Updates.combine(Updates.set("owner", owner), Updates.set("expires", now + ttlMillis), Updates.inc("token", 1L)),
            after);
        if (held != null) {
          tookOver.run();
        }
      }
      if (held == null) {
        try {
          leases.insertOne(new Document("_id", sessionId).append("owner", owner).append("token", 1L)
              .append("expires", now + ttlMillis));
          return Optional.of(new Lease(sessionId, owner, 1L));
        } catch (MongoWriteException e) {
          if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
            return Optional.<Lease>empty();
          }
          throw e;
        }
      }
      return Optional.of(new Lease(sessionId, owner, ((Number) held.get("token")).longValue()));
    });
  }

  /** Extends every lease of {@code sessionIds} that {@code owner} still holds: one write for the node. */
  public Future<Void> renew(String owner, List<String> sessionIds, long ttlMillis) {
    if (sessionIds.isEmpty()) {
      return Future.succeededFuture();
    }
    return db.call(() -> {
      db.collection(LEASES).updateMany(Filters.and(Filters.in("_id", sessionIds), Filters.eq("owner", owner)),
          Updates.set("expires", System.currentTimeMillis() + ttlMillis));
      return null;
    });
  }

  /** Whether {@code lease} is still this node's, unchanged: the check before an append. */
  public Future<Boolean> holds(Lease lease) {
    return db.call(() -> db.collection(LEASES).find(Filters.and(Filters.eq("_id", lease.sessionId()),
        Filters.eq("owner", lease.owner()), Filters.eq("token", lease.token()),
        Filters.gt("expires", System.currentTimeMillis()))).first() != null);
  }

  /**
   * Lets go of a lease (the session was let go): another node may take it at once. The document
   * goes, so the collection holds only live sessions; the token only has to differ from a
   * holder's that is still around, and a holder that released is not.
   */
  public Future<Void> release(Lease lease) {
    return db.call(() -> {
      db.collection(LEASES).deleteOne(Filters.and(Filters.eq("_id", lease.sessionId()),
          Filters.eq("owner", lease.owner()), Filters.eq("token", lease.token())));
      return null;
    });
  }
}
