package nl.dialoogtafel.archive;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nl.dialoogtafel.archive.NarrativeRecord.Post;
import nl.dialoogtafel.i18n.Messages;

/**
 * The visible posts of a record as a spreadsheet, one row a post. The dialect is the one Dutch
 * Excel opens with a double click: UTF-8 with a byte order mark (without it Excel reads the
 * accents as Windows-1252), cells separated by {@code ;} (the list separator of a Dutch
 * Windows, where the comma is the decimal sign), lines ended by CR LF, and RFC 4180 quoting (a
 * cell holding {@code ;}, {@code "}, CR or LF in double quotes, a quote doubled). LibreOffice and
 * Numbers ask for the separator and read it too.
 *
 * <p>Only what the archive shows is in it: no words of a withdrawn, hidden or erased post (the
 * fold leaves them out), a name only where its person chose to show it. A cell the room typed
 * that starts with a character a spreadsheet reads as a formula gets a {@code '} in front, so
 * opening the file never runs anything a participant wrote.
 */
public final class PostsCsv {

  /** The byte order mark: Excel reads UTF-8 only when it finds this first. */
  public static final String BOM = "\uFEFF";
  public static final char SEPARATOR = ';';
  private static final String LINE_END = "\r\n";
  /** What makes a spreadsheet read a cell as a formula (OWASP's list, plus LF and full-width forms). */
  private static final String FORMULA_STARTS = "=+-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20";
  /** Dutch time, as a spreadsheet reads a date and time without help. */
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(Dates.ZONE);
  private static final List<String> COLUMNS = List.of("id", "seq", "time", "phase", "kind", "title", "text",
      "organisation", "role", "name", "recognitions", "telling");

  private PostsCsv() {}

  /** The whole file, BOM first; headers and the words for kind and telling in {@code language}. */
  public static String of(NarrativeRecord record, String language) {
    StringBuilder out = new StringBuilder(BOM);
    row(out, COLUMNS.stream().map(c -> Messages.text(language, "csv.column." + c)).toList());
    for (Post post : visiblePosts(record)) {
      row(out, List.of(text(post.id()), Long.toString(post.seq()), time(post.at()), text(post.phaseTitle()),
          Messages.text(language, "csv.kind." + (post.barrier() ? "barrier" : "story")),
          text(post.title()), text(post.text()), text(post.author().organisation()), text(post.author().role()),
          text(post.author().name()), Integer.toString(post.recognitions().size()),
          post.telling() ? Messages.text(language, "csv.telling") : ""));
    }
    return out.toString();
  }

  /** Stories and knelpunten that are still visible, in the order they were posted. */
  static List<Post> visiblePosts(NarrativeRecord record) {
    List<Post> posts = new ArrayList<>(record.knelpunten());
    record.chapters().forEach(chapter -> posts.addAll(chapter.stories()));
    posts.removeIf(Post::removed);
    posts.sort(Comparator.comparingLong(Post::seq));
    return posts;
  }

  private static void row(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(SEPARATOR);
      }
      out.append(quoted(cells.get(i)));
    }
    out.append(LINE_END);
  }

  /** A typed text made harmless for a spreadsheet (null is an empty cell). */
  static String text(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    return FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
  }

  /** RFC 4180: quoted only when it must be, quotes doubled. */
  static String quoted(String cell) {
    boolean needs = cell.indexOf(SEPARATOR) >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\r') >= 0
        || cell.indexOf('\n') >= 0;
    return needs ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
  }

  private static String time(String iso) {
    try {
      return iso == null ? "" : TIME.format(Instant.parse(iso));
    } catch (DateTimeParseException e) {
      return "";
    }
  }
}
