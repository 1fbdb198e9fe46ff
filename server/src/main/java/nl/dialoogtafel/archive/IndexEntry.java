package nl.dialoogtafel.archive;

import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * What the archive's lists need of one closed session, kept in memory and in the search index's
 * session document: its facts, counts and visible posts (never a withdrawn or hidden one). Built
 * from the record at the record's head {@code seq} and the session's {@code revision} (raised by a
 * rewrite in place or an answer); a newer head or revision makes it stale.
 */
public record IndexEntry(String id, long seq, long revision, String title, String municipality, String community,
    String template, String owner, String createdAt, String closedAt, int participants, int organisations,
    int stories, int knelpunten, int connections, List<IndexedPost> posts) {

  /** A visible post's words, for the knelpunten overview and the kiosk's follow-up feed. */
  public record IndexedPost(String id, String kind, String title, String text) {}

  static IndexEntry of(NarrativeRecord record, long seq, long revision) {
    List<IndexedPost> posts = new ArrayList<>();
    List<NarrativeRecord.Post> all = new ArrayList<>();
    record.chapters().forEach(c -> all.addAll(c.stories()));
    all.addAll(record.knelpunten());
    for (NarrativeRecord.Post p : all) {
      if (!p.removed()) {
        posts.add(new IndexedPost(p.id(), p.kind(), p.title(), p.text()));
      }
    }
    var s = record.session();
    var c = record.counts();
    return new IndexEntry(s.id(), seq, revision, s.title(), s.municipality(), s.community(), s.template(), s.owner(),
        s.createdAt(), s.closedAt() == null ? s.createdAt() : s.closedAt(), c.participants(), c.organisations(),
        c.stories(), c.knelpunten(), c.connections(), List.copyOf(posts));
  }

  /** Whether a post of this entry is gone from (or changed in) the newer one: its words must leave the files. */
  boolean lostWordsIn(IndexEntry newer) {
    for (IndexedPost p : posts) {
      if (!newer.posts().contains(p)) {
        return true;
      }
    }
    return false;
  }

  Document toDocument() {
    List<Document> list = new ArrayList<>();
    posts.forEach(p -> list.add(new Document("id", p.id()).append("kind", p.kind()).append("title", p.title())
        .append("text", p.text())));
    return new Document("_id", id).append("seq", seq).append("revision", revision).append("title", title)
        .append("municipality", municipality).append("community", community).append("template", template)
        .append("owner", owner).append("createdAt", createdAt).append("closedAt", closedAt)
        .append("participants", participants).append("organisations", organisations).append("stories", stories)
        .append("knelpunten", knelpunten).append("connections", connections).append("posts", list);
  }

  static IndexEntry fromDocument(Document d) {
    List<IndexedPost> posts = new ArrayList<>();
    for (Document p : d.getList("posts", Document.class, List.of())) {
      posts.add(new IndexedPost(p.getString("id"), p.getString("kind"), p.getString("title"), p.getString("text")));
    }
    return new IndexEntry(d.getString("_id"), number(d, "seq"), number(d, "revision"), d.getString("title"),
        d.getString("municipality"), d.getString("community"), d.getString("template"), d.getString("owner"),
        d.getString("createdAt"), d.getString("closedAt"), (int) number(d, "participants"),
        (int) number(d, "organisations"), (int) number(d, "stories"), (int) number(d, "knelpunten"),
        (int) number(d, "connections"), List.copyOf(posts));
  }

  private static long number(Document d, String field) {
    Object value = d.get(field);
    return value instanceof Number n ? n.longValue() : 0;
  }
}
