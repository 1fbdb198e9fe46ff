package nl.dialoogtafel.archive;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.dialoogtafel.record.SessionInfo;

/**
 * "Wat er met jullie knelpunten gebeurde": for the kiosk at the start of a session, the answers
 * the municipality gave to knelpunten raised in earlier closed sessions of the same community.
 * The knelpunt's words come from the archive index, which holds visible posts only: a knelpunt
 * withdrawn or hidden since is left out altogether.
 */
public final class KioskFollowUps {

  static final int MAX = 20;

  private final FollowUpStore followups;
  private final ArchiveIndex index;

  public KioskFollowUps(FollowUpStore followups, ArchiveIndex index) {
    this.followups = followups;
    this.index = index;
  }

  /** {@code [{knelpunt:{title,text}, session:{title,date}, status, answer, at, role}]}, newest first. */
  public Future<JsonArray> forSession(SessionInfo session) {
    if (session.community() == null) {
      return Future.succeededFuture(new JsonArray());
    }
    return followups.forCommunity(session.municipality(), session.community()).compose(found -> {
      List<FollowUp> earlier = found.stream().filter(f -> !f.session().equals(session.id())).toList();
      Set<String> ids = earlier.stream().map(FollowUp::session).collect(Collectors.toSet());
      if (ids.isEmpty()) {
        return Future.succeededFuture(new JsonArray());
      }
      return index.closed(ids, s -> true).map(entries -> feed(earlier, entries));
    });
  }

  private static JsonArray feed(List<FollowUp> earlier, List<IndexEntry> entries) {
    Map<String, IndexEntry> byId = new HashMap<>();
    entries.forEach(e -> byId.put(e.id(), e));
    JsonArray out = new JsonArray();
    for (FollowUp f : earlier) {
      IndexEntry entry = byId.get(f.session());
      IndexEntry.IndexedPost post = entry == null ? null : entry.posts().stream()
          .filter(p -> p.id().equals(f.post()) && "barrier".equals(p.kind())).findFirst().orElse(null);
      if (post == null) {
        continue;
      }
      out.add(new JsonObject()
          .put("knelpunt", new JsonObject().put("title", post.title()).put("text", post.text()))
          .put("session", new JsonObject().put("title", entry.title()).put("date", entry.closedAt()))
          .put("status", f.status()).put("answer", f.answer()).put("at", f.at()).put("role", f.signature()));
      if (out.size() == MAX) {
        break;
      }
    }
    return out;
  }
}
