package nl.dialoogtafel.storage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.dialoogtafel.i18n.Messages;
import nl.dialoogtafel.record.RecordCheck;
import nl.dialoogtafel.record.StoredEvent;
import org.bson.Document;
import org.h2.mvstore.MVStore;

/**
 * Opens a store file that no server holds (a backup, a restored folder) read-only and checks every
 * record in it: the hash chain of each session from its first event, no stored event outside it,
 * and the head kept in the session document pointing at an event of that chain with the same hash.
 * A head behind the last event is counted, not refused: the head of a closed record is written just
 * after its event, so a copy can fall between the two, as a crash can. Blocking; for the command line.
 */
public final class StoreCheck {

  /** Problems are Dutch sentences naming a session id and a seq, never a person or their words. */
  public record Report(long version, int sessions, long events, int headsBehind, List<String> problems) {
    public boolean valid() {
      return problems.isEmpty();
    }
  }

  private StoreCheck() {}

  public static Report check(Path storeFile) {
    // A larger page cache than the default 16 MB: the check reads every page of the copy once, in slot order.
    MVStore store = new MVStore.Builder().fileName(storeFile.toString()).readOnly().cacheSize(128).open();
    long version = store.getFileStore().lastChunkVersion();
    MongoServer server = new MongoServer(new H2Backend(store));
    try {
      server.bind("127.0.0.1", 0);
      try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
        return check(client.getDatabase("dialoogtafel"), version);
      }
    } finally {
      server.shutdownNow();
    }
  }

  private static Report check(MongoDatabase db, long version) {
    MongoCollection<Document> events = db.getCollection(Database.EVENTS);
    long total = events.countDocuments();
    List<String> problems = new ArrayList<>();
    Map<String, Integer> chainLength = new HashMap<>();
    int headsBehind = 0;
    for (Document session : db.getCollection(Database.SESSIONS).find()
        .projection(Projections.include("_id", "head"))) {
      String id = session.getString("_id");
      List<StoredEvent> chain = new ArrayList<>();
      for (Document doc : EventSlots.read(events, id, 0, Long.MAX_VALUE)) {
        chain.add(StoredEvent.fromJson(Documents.toJson(doc)));
      }
      chainLength.put(id, chain.size());
      RecordCheck.Result result = RecordCheck.check(id, chain, null);
      if (!result.valid()) {
        problems.add(text("backup.check.session", id, text("integrity.problem." + result.problem(),
            result.badSeq(), result.badName() == null ? "" : result.badName(), result.detail())));
        continue;
      }
      Document head = session.get("head", Document.class);
      if (head != null) {
        long headSeq = ((Number) head.get("seq")).longValue();
        if (headSeq > chain.size()) {
          problems.add(text("backup.check.session", id, text("integrity.problem.truncated", chain.size() + 1, "", headSeq)));
        } else if (headSeq > 0 && !chain.get((int) headSeq - 1).hash().equals(head.getString("hash"))) {
          StoredEvent at = chain.get((int) headSeq - 1);
          problems.add(text("backup.check.session", id, text("integrity.problem.head_hash", at.seq(), at.name(), headSeq)));
        } else if (headSeq < chain.size()) {
          headsBehind++;
        }
      }
    }
    long inChains = chainLength.values().stream().mapToLong(Integer::longValue).sum();
    if (inChains != total) {
      problems.addAll(outsideChains(events, chainLength)); // only then the walk over every event
    }
    return new Report(version, chainLength.size(), total, headsBehind, problems);
  }

  /** Names the sessions with stored events that their chain does not reach (a gap), or without a session. */
  private static List<String> outsideChains(MongoCollection<Document> events, Map<String, Integer> chainLength) {
    Map<String, Long> stored = new HashMap<>();
    for (Document event : events.find().projection(Projections.include("session"))) {
      stored.merge(String.valueOf(event.get("session")), 1L, Long::sum);
    }
    List<String> problems = new ArrayList<>();
    stored.forEach((session, count) -> {
      Integer reached = chainLength.get(session);
      if (reached == null) {
        problems.add(text("backup.check.no_session", count, session));
      } else if (reached.longValue() != count) {
        problems.add(text("backup.check.outside_chain", session, count, reached));
      }
    });
    return problems;
  }

  private static String text(String key, Object... args) {
    return Messages.text(Messages.DUTCH, key, args);
  }
}
