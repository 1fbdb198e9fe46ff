package nl.dialoogtafel.archive.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.dialoogtafel.archive.NarrativeRecord;
import nl.dialoogtafel.archive.NarrativeRecord.Chapter;
import nl.dialoogtafel.archive.NarrativeRecord.Post;

/**
 * How the record page is cut into parts. A normal record (up to {@link #STORIES_PER_PART} stories
 * and {@link #KNELPUNTEN_PER_PART} knelpunten) is one page, as it always was. A very large one (a
 * day-long session of 5,000 events has ~3,500 stories and ~430 knelpunten, 2 MB of HTML) is read
 * in parts: the conversation a few hundred stories a part, its phase headings carried over, then
 * the knelpunten, whose follow-up forms weigh more, fewer a part; the connections and the harvest
 * close the last part. Every part shows the head (facts, integrity, downloads); the table only the
 * first. The PDF and the JSON export stay whole: they are the record, the parts only its reading.
 */
public final class RecordParts {

  static final int STORIES_PER_PART = 300;
  static final int KNELPUNTEN_PER_PART = 100;

  private RecordParts() {}

  /**
   * One phase, or the piece of it that falls in a part. {@code number} counts the phases from 1;
   * {@code before} is how many of its stories came in earlier parts (the stories are numbered on);
   * {@code continued} and {@code continues} say the phase began before this part or goes on after it.
   */
  public record ChapterPiece(Chapter chapter, int number, List<Post> stories, int before, boolean continued,
      boolean continues) {}

  /**
   * One part of the page. {@code firstStory}/{@code lastStory} and {@code firstKnelpunt}/{@code
   * lastKnelpunt} count from 1 over the whole record (0 when the part has none), for its label.
   * {@code knelpuntenSection}: the part shows the knelpunten section (possibly empty, "none");
   * {@code ending}: the connections and the harvest.
   */
  public record Part(int number, boolean table, boolean conversation, List<ChapterPiece> chapters, int firstStory,
      int lastStory, boolean knelpuntenSection, List<Post> knelpunten, int knelpuntenBefore, boolean ending) {

    public int lastKnelpunt() {
      return knelpuntenBefore + knelpunten.size();
    }

    public int firstKnelpunt() {
      return knelpunten.isEmpty() ? 0 : knelpuntenBefore + 1;
    }

    public boolean holds(String postId) {
      return knelpunten.stream().anyMatch(p -> p.id().equals(postId))
          || chapters.stream().anyMatch(c -> c.stories().stream().anyMatch(p -> p.id().equals(postId)));
    }
  }

  /** The whole record as one part: a normal record's page, and every PDF. */
  static Part whole(NarrativeRecord record) {
    List<ChapterPiece> pieces = new ArrayList<>();
    int stories = 0;
    for (int i = 0; i < record.chapters().size(); i++) {
      Chapter c = record.chapters().get(i);
      pieces.add(new ChapterPiece(c, i + 1, c.stories(), 0, false, false));
      stories += c.stories().size();
    }
    return new Part(1, true, true, pieces, stories == 0 ? 0 : 1, stories, true, record.knelpunten(), 0, true);
  }

  /** The parts of this record's page, in reading order; one when the record is not large. */
  static List<Part> of(NarrativeRecord record) {
    int stories = record.chapters().stream().mapToInt(c -> c.stories().size()).sum();
    if (stories <= STORIES_PER_PART && record.knelpunten().size() <= KNELPUNTEN_PER_PART) {
      return List.of(whole(record));
    }
    List<Part> parts = new ArrayList<>();
    boolean noKnelpunten = record.knelpunten().isEmpty();
    List<ChapterPiece> current = new ArrayList<>();
    int inPart = 0;
    int told = 0;
    for (int i = 0; i < record.chapters().size(); i++) {
      Chapter c = record.chapters().get(i);
      int from = 0;
      if (c.stories().isEmpty()) {
        current.add(new ChapterPiece(c, i + 1, List.of(), 0, false, false));
      }
      while (from < c.stories().size()) {
        if (inPart == STORIES_PER_PART) {
          parts.add(conversation(parts.size() + 1, current, told - inPart, told, false));
          current = new ArrayList<>();
          inPart = 0;
        }
        int take = Math.min(STORIES_PER_PART - inPart, c.stories().size() - from);
        current.add(new ChapterPiece(c, i + 1, c.stories().subList(from, from + take), from, from > 0,
            from + take < c.stories().size()));
        from += take;
        inPart += take;
        told += take;
      }
    }
    parts.add(conversation(parts.size() + 1, current, told - inPart, told, noKnelpunten));
    List<Post> knelpunten = record.knelpunten();
    for (int from = 0; from < knelpunten.size(); from += KNELPUNTEN_PER_PART) {
      int to = Math.min(knelpunten.size(), from + KNELPUNTEN_PER_PART);
      parts.add(new Part(parts.size() + 1, false, false, List.of(), 0, 0, true, knelpunten.subList(from, to), from,
          to == knelpunten.size()));
    }
    return List.copyOf(parts);
  }

  private static Part conversation(int number, List<ChapterPiece> pieces, int before, int told, boolean last) {
    return new Part(number, number == 1, true, List.copyOf(pieces), told > before ? before + 1 : 0, told, last, List.of(),
        0, last);
  }

  /** The part that holds this story or knelpunt, if any. */
  static Optional<Part> holding(List<Part> parts, String postId) {
    return parts.stream().filter(p -> p.holds(postId)).findFirst();
  }

  /** The first part that shows the knelpunten section (where "see Knelpunten" leads). */
  static int knelpuntenPart(List<Part> parts) {
    return parts.stream().filter(Part::knelpuntenSection).mapToInt(Part::number).findFirst().orElse(1);
  }
}
