package nl.dialoogtafel.archive;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import nl.dialoogtafel.archive.NarrativeRecord.Chapter;
import nl.dialoogtafel.archive.NarrativeRecord.Connection;
import nl.dialoogtafel.archive.NarrativeRecord.Counts;
import nl.dialoogtafel.archive.NarrativeRecord.Facts;
import nl.dialoogtafel.archive.NarrativeRecord.Harvest;
import nl.dialoogtafel.archive.NarrativeRecord.Link;
import nl.dialoogtafel.archive.NarrativeRecord.Organisation;
import nl.dialoogtafel.archive.NarrativeRecord.Person;
import nl.dialoogtafel.archive.NarrativeRecord.Post;
import nl.dialoogtafel.archive.NarrativeRecord.Recognition;
import nl.dialoogtafel.archive.NarrativeRecord.Removal;
import nl.dialoogtafel.dialogue.Participant;
import nl.dialoogtafel.dialogue.Phase;
import nl.dialoogtafel.record.RecordCheck;
import nl.dialoogtafel.record.SessionInfo;
import nl.dialoogtafel.record.StoredEvent;

/**
 * Folds a stored record into its {@link NarrativeRecord}. Pure: the events, the people and the
 * session document go in, the story comes out. Removal wins over everything: a post withdrawn or
 * hidden at any point is told only as a marker, even when its words are still stored.
 */
public final class RecordFolder {

  private RecordFolder() {}

  public static NarrativeRecord fold(SessionInfo info, RecordCheck.Head head, List<StoredEvent> events,
      Map<String, Participant> people) {
    Map<String, Removal> removals = removals(events);
    Map<String, Participant> joined = new LinkedHashMap<>();
    Map<String, Chapter> chapters = new LinkedHashMap<>();
    Map<String, String> phaseTitles = new HashMap<>();
    info.phases().forEach(p -> phaseTitles.put(p.id(), p.title()));
    Map<String, PostDraft> posts = new LinkedHashMap<>();
    List<Connection> connections = new ArrayList<>();
    Harvest harvest = null;
    String closedAt = null;
    for (StoredEvent e : events) {
      JsonObject d = e.data() == null ? new JsonObject() : e.data();
      switch (e.name()) {
        case "participant.joined" -> {
          JsonObject p = d.getJsonObject("participant");
          Participant known = people.get(p.getString("id"));
          joined.put(p.getString("id"), new Participant(p.getString("id"), known == null ? null : known.name(),
              p.getString("organisation"), p.getString("role"), known != null && known.showName()));
        }
        case "phase.started" -> {
          Phase phase = nl.dialoogtafel.record.EventCodec.phase(d.getJsonObject("phase"));
          phaseTitles.putIfAbsent(phase.id(), phase.title());
          chapters.putIfAbsent(phase.id(), new Chapter(phase.id(), phase.title(), phase.prompt(), e.at(),
              new ArrayList<>(), 0));
        }
        case "post.added" -> {
          JsonObject p = d.getJsonObject("post");
          String id = p.getString("id");
          Removal removal = removals.get(id);
          if (removal == null && e.isErased()) {
            removal = new Removal("erased", e.erased().getString("at"), e.erased().getString("reason"));
          }
          posts.put(id, new PostDraft(id, e.seq(), p.getString("kind"), p.getString("phase"),
              removal == null ? p.getString("title") : null, removal == null ? p.getString("text") : null,
              p.getJsonObject("author").getString("id"), e.at(), removal));
        }
        case "recognition.added" -> {
          PostDraft post = posts.get(d.getString("post"));
          if (post != null) {
            post.recognitions.add(new String[] {d.getJsonObject("by").getString("id"), d.getString("note"), e.at()});
          }
        }
        case "post.spotlighted" -> {
          PostDraft post = posts.get(d.getString("post"));
          if (post != null) {
            post.spotlighted = true;
          }
        }
        case "post.marked" -> {
          PostDraft post = posts.get(d.getString("post"));
          if (post != null) {
            post.telling = d.getBoolean("telling", true);
          }
        }
        case "connection.made" -> {
          JsonArray between = d.getJsonArray("between");
          Person a = person(joined.get(between.getJsonObject(0).getString("id")));
          Person b = person(joined.get(between.getJsonObject(1).getString("id")));
          connections.add(new Connection(a, b, e.at(), !sameOrganisation(a, b)));
        }
        case "harvest.added" -> harvest = new Harvest(d.getString("harvest"), d.getString("agreements"), e.at());
        case "session.closed" -> closedAt = closedAt == null ? e.at() : closedAt;
        default -> { }
      }
    }
    List<Post> knelpunten = new ArrayList<>();
    int stories = 0;
    int recognitions = 0;
    int removed = 0;
    Map<String, Integer> barriersPerPhase = new HashMap<>();
    Map<String, List<Post>> storiesPerPhase = new HashMap<>();
    for (PostDraft draft : posts.values()) {
      Post post = draft.build(joined, phaseTitles);
      recognitions += post.recognitions().size();
      if (post.removed()) {
        removed++;
      }
      if (post.barrier()) {
        knelpunten.add(post);
        barriersPerPhase.merge(post.phase(), 1, Integer::sum);
      } else {
        storiesPerPhase.computeIfAbsent(post.phase(), k -> new ArrayList<>()).add(post);
        if (!post.removed()) {
          stories++;
        }
      }
    }
    List<Chapter> told = new ArrayList<>();
    for (Chapter c : chapters.values()) {
      told.add(new Chapter(c.id(), c.title(), c.prompt(), c.startedAt(), storiesPerPhase.getOrDefault(c.id(), List.of()),
          barriersPerPhase.getOrDefault(c.id(), 0)));
    }
    List<Organisation> table = table(joined);
    int visibleBarriers = (int) knelpunten.stream().filter(p -> !p.removed()).count();
    int cross = (int) connections.stream().filter(Connection::acrossOrganisations).count();
    Counts counts = new Counts(joined.size(), table.size(), stories, visibleBarriers, recognitions,
        connections.size(), cross, removed);
    Facts facts = new Facts(info.id(), info.title(), info.municipality(), info.community(), info.templateId(),
        info.owner(), info.createdAt(), closedAt);
    return new NarrativeRecord(facts, table, told, knelpunten, connections, web(connections), harvest, counts,
        RecordCheck.check(info.id(), events, head), head);
  }

  /** When and why each removed post left the wall; the first removal counts. */
  private static Map<String, Removal> removals(List<StoredEvent> events) {
    Map<String, Removal> out = new HashMap<>();
    for (StoredEvent e : events) {
      if (e.name().equals("post.withdrawn")) {
        out.putIfAbsent(e.data().getString("post"), new Removal("withdrawn", e.at(), null));
      } else if (e.name().equals("post.hidden")) {
        out.putIfAbsent(e.data().getString("post"), new Removal("hidden", e.at(), e.data().getString("reason")));
      }
    }
    return out;
  }

  /** Organisations alphabetically, the people in each in order of arrival. */
  private static List<Organisation> table(Map<String, Participant> joined) {
    Map<String, String> display = new LinkedHashMap<>();
    Map<String, List<Person>> byOrganisation = new TreeMap<>();
    for (Participant p : joined.values()) {
      String key = key(p.organisation());
      display.putIfAbsent(key, p.organisation());
      byOrganisation.computeIfAbsent(key, k -> new ArrayList<>()).add(person(p));
    }
    List<Organisation> out = new ArrayList<>();
    byOrganisation.forEach((key, people) -> out.add(new Organisation(display.get(key), people)));
    return out;
  }

  /** Connections between organisations, each pair once, with how many were made. */
  private static List<Link> web(List<Connection> connections) {
    Map<String, Link> links = new TreeMap<>();
    for (Connection c : connections) {
      String a = c.a().organisation();
      String b = c.b().organisation();
      if (a == null || b == null) {
        continue;
      }
      boolean ordered = key(a).compareTo(key(b)) <= 0;
      String first = ordered ? a : b;
      String second = ordered ? b : a;
      links.merge(key(first) + "\u0000" + key(second), new Link(first, second, 1),
          (old, one) -> new Link(old.a(), old.b(), old.count() + 1));
    }
    return new ArrayList<>(links.values());
  }

  static Person person(Participant p) {
    return p == null ? new Person(null, null, null) : new Person(p.publicName(), p.organisation(), p.role());
  }

  private static boolean sameOrganisation(Person a, Person b) {
    return a.organisation() != null && b.organisation() != null && key(a.organisation()).equals(key(b.organisation()));
  }

  private static String key(String organisation) {
    return organisation == null ? "" : organisation.trim().toLowerCase(Locale.ROOT);
  }

  /** A post while the record is being read; recognitions arrive after it. */
  private static final class PostDraft {
    final String id;
    final long seq;
    final String kind;
    final String phase;
    final String title;
    final String text;
    final String authorId;
    final String at;
    final Removal removal;
    final List<String[]> recognitions = new ArrayList<>();
    boolean spotlighted;
    boolean telling;

    PostDraft(String id, long seq, String kind, String phase, String title, String text, String authorId, String at,
        Removal removal) {
      this.id = id;
      this.seq = seq;
      this.kind = kind;
      this.phase = phase;
      this.title = title;
      this.text = text;
      this.authorId = authorId;
      this.at = at;
      this.removal = removal;
    }

    Post build(Map<String, Participant> joined, Map<String, String> phaseTitles) {
      List<Recognition> told = new ArrayList<>();
      for (String[] r : recognitions) {
        told.add(new Recognition(person(joined.get(r[0])), removal == null ? r[1] : null, r[2]));
      }
      return new Post(id, seq, kind, phase, phaseTitles.get(phase), title, text, person(joined.get(authorId)), at,
          removal, told, telling && removal == null, spotlighted);
    }
  }
}
