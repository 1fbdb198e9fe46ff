package nl.dialoogtafel.archive;

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
import nl.dialoogtafel.archive.NarrativeRecord.Link;
import nl.dialoogtafel.archive.NarrativeRecord.Organisation;
import nl.dialoogtafel.archive.NarrativeRecord.Person;
import nl.dialoogtafel.archive.NarrativeRecord.Post;
import nl.dialoogtafel.dialogue.Participant;
import nl.dialoogtafel.dialogue.SessionEvent;
import nl.dialoogtafel.record.EventCodec;
import nl.dialoogtafel.record.RecordCheck;
import nl.dialoogtafel.record.SessionInfo;
import nl.dialoogtafel.record.StoredEvent;

/**
 * Folds a stored record into its {@link NarrativeRecord}. Pure: the events, the people and the
 * session document go in, the story comes out. The stored events are decoded first and folded
 * typed: {@link PostRemovals} reads every removal, then {@link RecordReading} tells the rest. Removal
 * wins over everything: a post withdrawn or hidden at any point is told only as a marker, even when
 * its words are still stored.
 */
public final class RecordFolder {

  private RecordFolder() {}

  /** A stored event with the domain event it decodes to. */
  record Read(StoredEvent stored, SessionEvent event) {}

  public static NarrativeRecord fold(SessionInfo info, RecordCheck.Head head, List<StoredEvent> events,
      Map<String, Participant> people) {
    List<Read> read = decoded(events, people);
    RecordReading reading = new RecordReading(PostRemovals.of(read));
    info.phases().forEach(p -> reading.phaseTitles.put(p.id(), p.title()));
    read.forEach(reading::read);
    Map<String, Participant> joined = reading.joined;
    Map<String, String> phaseTitles = reading.phaseTitles;
    List<Connection> connections = reading.connections;
    List<Post> knelpunten = new ArrayList<>();
    int stories = 0;
    int recognitions = 0;
    int removed = 0;
    Map<String, Integer> barriersPerPhase = new HashMap<>();
    Map<String, List<Post>> storiesPerPhase = new HashMap<>();
    for (PostDraft draft : reading.posts.values()) {
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
    for (Chapter c : reading.chapters.values()) {
      told.add(new Chapter(c.id(), c.title(), c.prompt(), c.startedAt(), storiesPerPhase.getOrDefault(c.id(), List.of()),
          barriersPerPhase.getOrDefault(c.id(), 0)));
    }
    List<Organisation> table = table(joined);
    int visibleBarriers = (int) knelpunten.stream().filter(p -> !p.removed()).count();
    int cross = (int) connections.stream().filter(Connection::acrossOrganisations).count();
    Counts counts = new Counts(joined.size(), table.size(), stories, visibleBarriers, recognitions,
        connections.size(), cross, removed);
    Facts facts = new Facts(info.id(), info.title(), info.municipality(), info.community(), info.templateId(),
        info.owner(), info.createdAt(), reading.closedAt);
    return new NarrativeRecord(facts, table, told, knelpunten, connections, web(connections), reading.harvest,
        counts, RecordCheck.check(info.id(), events, head), head);
  }

  /**
   * The stored events with their domain events. One that cannot be decoded is left out of the
   * story rather than failing the page; the integrity check still sees every stored event.
   */
  static List<Read> decoded(List<StoredEvent> events, Map<String, Participant> people) {
    List<Read> read = new ArrayList<>();
    for (StoredEvent e : events) {
      EventCodec.read(e, people).ifPresent(event -> read.add(new Read(e, event)));
    }
    return read;
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

  static boolean sameOrganisation(Person a, Person b) {
    return a.organisation() != null && b.organisation() != null && key(a.organisation()).equals(key(b.organisation()));
  }

  private static String key(String organisation) {
    return organisation == null ? "" : organisation.trim().toLowerCase(Locale.ROOT);
  }
}
