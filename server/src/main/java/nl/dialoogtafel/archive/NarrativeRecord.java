package nl.dialoogtafel.archive;

import java.util.List;
import nl.dialoogtafel.record.RecordCheck;

/**
 * One session told as a story, folded from its stored record: who was at the table, each phase
 * with its prompt and its stories, the knelpunten, the connections between organisations, and
 * the harvest. Words that were withdrawn, hidden or erased are not in it, only a {@link Removal}
 * saying when and why. Names appear only for people who agreed to show them.
 */
public record NarrativeRecord(
    Facts session,
    List<Organisation> table,
    List<Chapter> chapters,
    List<Post> knelpunten,
    List<Connection> connections,
    List<Link> web,
    Harvest harvest,
    Counts counts,
    RecordCheck.Result integrity,
    RecordCheck.Head head) {

  /** What the session was: from its document, plus when it closed (from the record). */
  public record Facts(String id, String title, String municipality, String community, String template,
      String owner, String createdAt, String closedAt) {}

  /** A person as the archive shows them: {@code name} is null unless they agreed. */
  public record Person(String name, String organisation, String role) {}

  public record Organisation(String name, List<Person> people) {}

  /** One phase as it happened, with the stories told in it (knelpunten are counted, told below). */
  public record Chapter(String id, String title, String prompt, String startedAt, List<Post> stories,
      int knelpunten) {}

  /** A story or knelpunt. {@code title} and {@code text} are null when {@code removal} is set. */
  public record Post(String id, long seq, String kind, String phase, String phaseTitle, String title, String text,
      Person author, String at, Removal removal, List<Recognition> recognitions, boolean telling,
      boolean spotlighted) {

    public boolean removed() {
      return removal != null;
    }

    public boolean barrier() {
      return "barrier".equals(kind);
    }
  }

  /** {@code why}: withdrawn (by the author), hidden (by the facilitator) or erased (on request). */
  public record Removal(String why, String at, String reason) {}

  /**
   * {@code note} is null when the recognised post was removed: the note could quote it.
   * {@code noteGone} then says why a note that was written is gone: the post's removal
   * ({@code withdrawn}, {@code hidden} or {@code erased}); null when nothing was taken out.
   */
  public record Recognition(Person by, String note, String at, String noteGone) {}

  /** Two people of (usually) different organisations who exchanged contact details. */
  public record Connection(Person a, Person b, String at, boolean acrossOrganisations) {}

  /** An edge of the web: two organisations and how many connections were made between them. */
  public record Link(String a, String b, int count) {}

  public record Harvest(String harvest, String agreements, String at) {}

  public record Counts(int participants, int organisations, int stories, int knelpunten, int recognitions,
      int connections, int crossConnections, int removed) {}
}
