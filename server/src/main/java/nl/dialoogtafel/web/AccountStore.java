package nl.dialoogtafel.web;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.ReplaceOptions;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.dialoogtafel.Ids;
import nl.dialoogtafel.storage.Database;
import org.bson.Document;

/** Accounts with their password hashes, and login tokens stored only as hashes. */
public final class AccountStore {

  private final Database db;

  public AccountStore(Database db) {
    this.db = db;
  }

  /** Blocking, for start-up: creates or updates the account named in DIALOOG_ADMIN. */
  public void ensureAdmin(String username, String password) {
    Document existing = db.collection(Database.ACCOUNTS).find(eq("_id", username)).first();
    if (existing != null && PasswordHasher.verify(password, existing.getString("passwordHash"))
        && Account.ADMIN.equals(existing.getString("role"))) {
      return;
    }
    Document account = new Document("_id", username).append("passwordHash", PasswordHasher.hash(password))
        .append("role", Account.ADMIN).append("municipalities", List.of())
        .append("createdAt", existing == null ? Instant.now().toString() : existing.getString("createdAt"));
    db.collection(Database.ACCOUNTS).replaceOne(eq("_id", username), account, new ReplaceOptions().upsert(true));
  }

  /** The account if the password is right; hashing runs on the database workers, never an event loop. */
  public Future<Optional<Account>> check(String username, String password) {
    return db.call(() -> {
      Document doc = db.collection(Database.ACCOUNTS).find(eq("_id", username)).first();
      if (doc == null) {
        // Same work for an unknown name, so timing does not tell which names exist.
        PasswordHasher.verify(password, DUMMY_HASH);
        return Optional.<Account>empty();
      }
      return PasswordHasher.verify(password, doc.getString("passwordHash"))
          ? Optional.of(account(doc)) : Optional.<Account>empty();
    });
  }

  /**
   * Creates an account; fails with a duplicate key when the name is taken. The password is
   * hashed on the database workers.
   */
  public Future<Account> create(Account account, String password) {
    return db.call(() -> {
      Document doc = new Document("_id", account.username()).append("passwordHash", PasswordHasher.hash(password))
          .append("role", account.role()).append("municipalities", account.municipalities())
          .append("signature", account.signature()).append("createdAt", Instant.now().toString());
      db.collection(Database.ACCOUNTS).insertOne(doc);
      return account;
    });
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
      return Optional.ofNullable(account).map(AccountStore::account);
    });
  }

  public Future<Void> revoke(String token) {
    return db.call(() -> {
      db.collection(Database.TOKENS).deleteOne(eq("_id", Ids.sha256(token)));
      return null;
    });
  }

  private static Account account(Document doc) {
    List<String> municipalities = new ArrayList<>();
    Object raw = doc.get("municipalities");
    if (raw instanceof List<?> list) {
      list.forEach(m -> municipalities.add(String.valueOf(m)));
    }
    return new Account(doc.getString("_id"), doc.getString("role"), municipalities, doc.getString("signature"));
  }

  private static final String DUMMY_HASH = PasswordHasher.hash("timing-equaliser");
}
