package nl.dialoogtafel.archive;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.bson.Document;

/**
 * What the archive list and search need of one closed session, kept in {@code archive_index}: its
 * facts, counts, its visible posts, and the distinct words of its visible stories and knelpunten
 * (never of a withdrawn or hidden one), normalised and separated by single spaces. Built from
 * the record at the record's head {@code seq}; a newer head makes it stale.
 */
public record IndexEntry(String id, long seq, String title, String municipality, String community, String template,
    String owner, String createdAt, String closedAt, int participants, int organisations, int stories, int knelpunten,
    int connections, String words, List<IndexedPost> posts) {

  /** A visible post's words, for search snippets and the kiosk's follow-up feed. */
  public record IndexedPost(String id, String kind, String title, String text) {}

  static IndexEntry of(NarrativeRecord record, long seq) {
    List<IndexedPost> posts = new ArrayList<>();
    // Each word once: a searched word never spans a space, so the distinct words find the same
    // sessions as the whole text, in far less memory.
    Set<String> words = new LinkedHashSet<>();
    addWords(words, record.session().title());
    List<NarrativeRecord.Post> all = new ArrayList<>();
    record.chapters().forEach(c -> all.addAll(c.stories()));
    all.addAll(record.knelpunten());
    for (NarrativeRecord.Post p : all) {
      if (p.removed()) {
        continue;
      }
      posts.add(new IndexedPost(p.id(), p.kind(), p.title(), p.text()));
      addWords(words, p.title());
      addWords(words, p.text());
    }
    var s = record.session();
    var c = record.counts();
    return new IndexEntry(s.id(), seq, s.title(), s.municipality(), s.community(), s.template(), s.owner(),
        s.createdAt(), s.closedAt() == null ? s.createdAt() : s.closedAt(), c.participants(), c.organisations(),
        c.stories(), c.knelpunten(), c.connections(), String.join(" ", words), List.copyOf(posts));
  }

  private static void addWords(Set<String> words, String text) {
    String plain = normalize(text);
    if (!plain.isEmpty()) {
      words.addAll(Arrays.asList(plain.split(" ")));
    }
  }

  /** Lower case, accents dropped, one space between words: "Één Wachtlijst" becomes "een wachtlijst". */
  public static String normalize(String text) {
    if (text == null) {
      return "";
    }
    String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
  }

  Document toDocument() {
    List<Document> list = new ArrayList<>();
    posts.forEach(p -> list.add(new Document("id", p.id()).append("kind", p.kind()).append("title", p.title())
        .append("text", p.text())));
    return new Document("_id", id).append("seq", seq).append("title", title).append("municipality", municipality)
        .append("community", community).append("template", template).append("owner", owner)
        .append("createdAt", createdAt).append("closedAt", closedAt).append("participants", participants)
        .append("organisations", organisations).append("stories", stories).append("knelpunten", knelpunten)
        .append("connections", connections).append("words", words).append("posts", list);
  }

  static IndexEntry fromDocument(Document d) {
    List<IndexedPost> posts = new ArrayList<>();
    for (Document p : d.getList("posts", Document.class, List.of())) {
      posts.add(new IndexedPost(p.getString("id"), p.getString("kind"), p.getString("title"), p.getString("text")));
    }
    return new IndexEntry(d.getString("_id"), number(d, "seq"), d.getString("title"), d.getString("municipality"),
        d.getString("community"), d.getString("template"), d.getString("owner"), d.getString("createdAt"),
        d.getString("closedAt"), (int) number(d, "participants"), (int) number(d, "organisations"),
        (int) number(d, "stories"), (int) number(d, "knelpunten"), (int) number(d, "connections"),
        Objects.requireNonNullElse(d.getString("words"), ""), List.copyOf(posts));
  }

  private static long number(Document d, String field) {
    Object value = d.get(field);
    return value instanceof Number n ? n.longValue() : 0;
  }
}
