package nl.dialoogtafel.archive;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.dialoogtafel.storage.ArchiveChanges;
import nl.dialoogtafel.storage.Database;
import org.bson.Document;

/**
 * Follow-ups, one document per knelpunt ({@code _id} session:post): the current answer and the
 * history of answers, changed with one single-document update (the embedded store has no
 * transactions). Municipality and community are copied in so the kiosk feed finds them quickly.
 */
public final class FollowUpStore {

  public static final String COLLECTION = "followups";

  private final Database db;

  public FollowUpStore(Database db) {
    this.db = db;
  }

  public Future<FollowUp> answer(ArchivedSession session, String post, String status, String answer,
      String signature, String account) {
    String at = Instant.now().toString();
    Document entry = new Document("status", status).append("answer", answer).append("at", at)
        .append("signature", signature).append("account", account);
    return db.call(() -> {
      db.collection(COLLECTION).updateOne(eq("_id", session.info().id() + ":" + post), Updates.combine(
          Updates.set("session", session.info().id()), Updates.set("post", post),
          Updates.set("municipality", nl.dialoogtafel.http.Account.key(session.info().municipality())),
          Updates.set("community", session.info().community()), Updates.set("status", status),
          Updates.set("answer", answer), Updates.set("at", at), Updates.set("signature", signature),
          Updates.push("history", entry)), new UpdateOptions().upsert(true));
      // Answers are searched too: every node's index reads this session again.
      ArchiveChanges.touch(db, session.info().id());
      return followUp(db.collection(COLLECTION).find(eq("_id", session.info().id() + ":" + post)).first());
    });
  }

  /** The follow-ups of one session, by post id. */
  public Future<Map<String, FollowUp>> forSession(String session) {
    return db.call(() -> byPost(db.collection(COLLECTION).find(eq("session", session))));
  }

  /** The follow-ups of many sessions, by post id (post ids are unique across sessions). */
  public Future<Map<String, FollowUp>> forSessions(Collection<String> sessions) {
    return db.call(() -> readForSessions(sessions));
  }

  /** The same, read now on the calling thread: for work already off the event loops (the index). */
  Map<String, FollowUp> readForSessions(Collection<String> sessions) {
    return byPost(db.collection(COLLECTION).find(in("session", sessions)));
  }

  /** Follow-ups of one municipality and community, newest first (for the kiosk). */
  public Future<List<FollowUp>> forCommunity(String municipality, String community) {
    return db.call(() -> {
      List<FollowUp> out = new ArrayList<>();
      for (Document doc : db.collection(COLLECTION).find(and(
          eq("municipality", nl.dialoogtafel.http.Account.key(municipality)), eq("community", community)))) {
        out.add(followUp(doc));
      }
      out.sort((a, b) -> b.at().compareTo(a.at()));
      return out;
    });
  }

  private static Map<String, FollowUp> byPost(Iterable<Document> docs) {
    Map<String, FollowUp> out = new LinkedHashMap<>();
    for (Document doc : docs) {
      FollowUp f = followUp(doc);
      out.put(f.post(), f);
    }
    return out;
  }

  private static FollowUp followUp(Document doc) {
    List<FollowUp.Entry> history = new ArrayList<>();
    for (Document e : doc.getList("history", Document.class, List.of())) {
      history.add(new FollowUp.Entry(e.getString("status"), e.getString("answer"), e.getString("at"),
          e.getString("signature"), e.getString("account")));
    }
    return new FollowUp(doc.getString("session"), doc.getString("post"), doc.getString("status"),
        doc.getString("answer"), doc.getString("at"), doc.getString("signature"), history);
  }
}
