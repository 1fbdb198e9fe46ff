package nl.dialoogtafel.accounts;

import nl.dialoogtafel.http.Account;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import nl.dialoogtafel.storage.Ids;
import nl.dialoogtafel.storage.Database;
import nl.dialoogtafel.storage.Documents;
import org.bson.Document;

/**
 * Accounts with their password hashes, and login tokens stored only as hashes. An account whose
 * access was taken away keeps its document (marked {@code disabledAt}): its name stays taken, so a
 * new account of the same name can never inherit the sessions, follow-ups and read log of the old.
 */
public final class AccountStore {

  /** An account as the admin's list shows it. */
  public record Listed(Account account, boolean disabled) {}

  /** How taking access away ended. */
  public enum Disabling { DONE, NOT_FOUND, LAST_ADMIN, SELF }

  private final Database db;
  private final PasswordHasher hasher;
  /**
   * "Is another admin left?" and the write that disables one must not interleave, or two admins
   * disabling each other at once would leave none. The composition root makes one store per node,
   * so a lock on it serialises them (several nodes would need the database to do it).
   */
  private final Object adminChanges = new Object();

  public AccountStore(Database db, PasswordHasher hasher) {
    this.db = db;
    this.hasher = hasher;
  }

  /**
   * Blocking, for start-up: creates or updates the account named in DIALOOG_ADMIN, and gives it
   * access again if it was taken away (the way back when no admin is left).
   */
  public static void ensureAdmin(Database db, String username, String password) {
    Document existing = db.collection(Database.ACCOUNTS).find(eq("_id", username)).first();
    if (existing != null && PasswordHasher.verifyNow(password, existing.getString("passwordHash"))
        && Account.ADMIN.equals(existing.getString("role")) && !isDisabled(existing)) {
      return;
    }
    Document account = new Document("_id", username).append("passwordHash", PasswordHasher.hashNow(password))
        .append("role", Account.ADMIN).append("municipalities", List.of())
        .append("createdAt", existing == null ? Instant.now().toString() : existing.getString("createdAt"));
    try {
      db.collection(Database.ACCOUNTS).replaceOne(eq("_id", username), account, new ReplaceOptions().upsert(true));
    } catch (RuntimeException raced) {
      // Nodes of a cluster starting together: another one's upsert inserted it first; now it is there to replace.
      if (!Documents.isDuplicateKey(raced)) {
        throw raced;
      }
      db.collection(Database.ACCOUNTS).replaceOne(eq("_id", username), account);
    }
  }

  /**
   * The account if the password is right: the account is read on the database workers, the
   * password checked on the hashing pool; an unknown name costs the same hashing.
   */
  public Future<Optional<Account>> check(String username, String password) {
    return db.call(() -> Optional.ofNullable(db.collection(Database.ACCOUNTS).find(eq("_id", username)).first()))
        .compose(found -> {
          if (found.isEmpty()) {
            return hasher.verifyNobody(password).map(no -> Optional.<Account>empty());
          }
          Document doc = found.get();
          return hasher.verify(password, doc.getString("passwordHash"))
              .map(right -> right && !isDisabled(doc) ? Optional.of(account(doc)) : Optional.<Account>empty());
        });
  }

  /**
   * Creates an account; fails with a duplicate key when the name is taken. The password is
   * hashed on the hashing pool first.
   */
  public Future<Account> create(Account account, String password) {
    return hasher.hash(password).compose(hash -> db.call(() -> {
      Document doc = new Document("_id", account.username()).append("passwordHash", hash)
          .append("role", account.role()).append("municipalities", account.municipalities())
          .append("signature", account.signature()).append("createdAt", Instant.now().toString());
      db.collection(Database.ACCOUNTS).insertOne(doc);
      return account;
    }));
  }

  public Future<Long> count() {
    return db.call(() -> db.collection(Database.ACCOUNTS).countDocuments());
  }

  /** Issues a token (cookie or API) and stores only its hash. */
  public Future<String> issueToken(Account account, String kind, Instant expires) {
    String token = Ids.secret();
    Document doc = new Document("_id", Ids.sha256(token)).append("account", account.username())
        .append("kind", kind).append("createdAt", Instant.now().toString())
        .append("expiresAt", expires.toString());
    return db.call(() -> {
      db.collection(Database.TOKENS).insertOne(doc);
      return token;
    });
  }

  public Future<Optional<Account>> byToken(String token) {
    return db.call(() -> {
      Document doc = db.collection(Database.TOKENS).find(eq("_id", Ids.sha256(token))).first();
      if (doc == null || Instant.parse(doc.getString("expiresAt")).isBefore(Instant.now())) {
        return Optional.<Account>empty();
      }
      Document account = db.collection(Database.ACCOUNTS).find(eq("_id", doc.getString("account"))).first();
      // Checked here too: a login that was under way while access was taken away may have issued a token after.
      return Optional.ofNullable(account).filter(a -> !isDisabled(a)).map(AccountStore::account);
    });
  }

  public Future<Void> revoke(String token) {
    return db.call(() -> {
      db.collection(Database.TOKENS).deleteOne(eq("_id", Ids.sha256(token)));
      return null;
    });
  }

  /** Every account, by username (case ignored), without password hashes. */
  public Future<List<Listed>> list() {
    return db.call(() -> {
      List<Listed> all = new ArrayList<>();
      for (Document doc : db.collection(Database.ACCOUNTS).find().projection(Projections.exclude("passwordHash"))) {
        all.add(new Listed(account(doc), isDisabled(doc)));
      }
      all.sort(Comparator.comparing((Listed l) -> l.account().username(), String.CASE_INSENSITIVE_ORDER)
          .thenComparing(l -> l.account().username()));
      return all;
    });
  }

  /**
   * Takes an account's access away: marks it disabled and deletes all its login cookies and API
   * tokens. Refuses to disable the last admin who still has access, and the account asking (in
   * that order, so a lone admin hears the reason that matters). Disabling twice is harmless.
   */
  public Future<Disabling> disable(String username, String by) {
    return db.call(() -> {
      synchronized (adminChanges) {
        Document doc = db.collection(Database.ACCOUNTS).find(eq("_id", username)).first();
        if (doc == null) {
          return Disabling.NOT_FOUND;
        }
        if (Account.ADMIN.equals(doc.getString("role")) && !isDisabled(doc)) {
          long otherAdmins = db.collection(Database.ACCOUNTS).countDocuments(and(eq("role", Account.ADMIN),
              ne("_id", username), eq("disabledAt", null)));
          if (otherAdmins == 0) {
            return Disabling.LAST_ADMIN;
          }
        }
        if (username.equals(by)) {
          // Locking oneself out is never what an admin means; another admin can do it.
          return Disabling.SELF;
        }
        if (!isDisabled(doc)) {
          db.collection(Database.ACCOUNTS).updateOne(eq("_id", username),
              Updates.combine(Updates.set("disabledAt", Instant.now().toString()), Updates.set("disabledBy", by)));
        }
        db.collection(Database.TOKENS).deleteMany(eq("account", username));
        return Disabling.DONE;
      }
    });
  }

  /** Gives a disabled account its access back (with its old password); false when there is no such account. */
  public Future<Boolean> enable(String username) {
    return db.call(() -> db.collection(Database.ACCOUNTS).updateOne(eq("_id", username),
        Updates.combine(Updates.unset("disabledAt"), Updates.unset("disabledBy"))).getMatchedCount() > 0);
  }

  /**
   * Sets a new password and ends every login of the account (the old password may have leaked),
   * except the token given, so an admin who resets their own password stays logged in.
   */
  public Future<Boolean> resetPassword(String username, String password, String keepToken) {
    return hasher.hash(password).compose(hash -> db.call(() -> {
      boolean found = db.collection(Database.ACCOUNTS).updateOne(eq("_id", username),
          Updates.set("passwordHash", hash)).getMatchedCount() > 0;
      if (found) {
        db.collection(Database.TOKENS).deleteMany(keepToken == null ? eq("account", username)
            : and(eq("account", username), ne("_id", Ids.sha256(keepToken))));
      }
      return found;
    }));
  }

  /** The listed account, if it exists. */
  public Future<Optional<Listed>> find(String username) {
    return db.call(() -> Optional.ofNullable(db.collection(Database.ACCOUNTS).find(eq("_id", username)).first())
        .map(doc -> new Listed(account(doc), isDisabled(doc))));
  }

  private static boolean isDisabled(Document doc) {
    return doc.get("disabledAt") != null;
  }

  private static Account account(Document doc) {
    List<String> municipalities = new ArrayList<>();
    Object raw = doc.get("municipalities");
    if (raw instanceof List<?> list) {
      list.forEach(m -> municipalities.add(String.valueOf(m)));
    }
    return new Account(doc.getString("_id"), doc.getString("role"), municipalities, doc.getString("signature"));
  }
}
