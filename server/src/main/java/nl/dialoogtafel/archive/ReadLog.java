package nl.dialoogtafel.archive;

import com.mongodb.client.model.Sorts;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.dialoogtafel.storage.Ids;
import nl.dialoogtafel.storage.Database;
import org.bson.Document;

/**
 * Who read what: every view and export of a record (and of a half-year account) is written down
 * with the account and the time, so an admin can answer "who has seen this?".
 */
public final class ReadLog {

  public static final String COLLECTION = "archive_log";

  /** One reading: {@code what} is page, json, pdf, report or report-pdf; {@code subject} the session or report. */
  public record Reading(String account, String session, String what, String at) {}

  private final Database db;

  public ReadLog(Database db) {
    this.db = db;
  }

  public Future<Void> write(String account, String session, String what) {
    Document doc = new Document("_id", Ids.id("l")).append("account", account).append("session", session)
        .append("what", what).append("at", Instant.now().toString());
    return db.call(() -> {
      db.collection(COLLECTION).insertOne(doc);
      return null;
    });
  }

  /** The latest readings, newest first. */
  public Future<List<Reading>> latest(int limit) {
    return db.call(() -> {
      List<Reading> out = new ArrayList<>();
      for (Document doc : db.collection(COLLECTION).find().sort(Sorts.descending("at")).limit(limit)) {
        out.add(new Reading(doc.getString("account"), doc.getString("session"), doc.getString("what"),
            doc.getString("at")));
      }
      return out;
    });
  }
}
