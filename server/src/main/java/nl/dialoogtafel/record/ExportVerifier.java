package nl.dialoogtafel.record;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.dialoogtafel.i18n.Messages;

/**
 * {@code java -jar dialoogtafel.jar verify FILE.json}: checks an exported record offline, with no
 * server and no database: the hash chain from the first event, and the last event against the
 * head. Prints a Dutch verdict naming the first bad event. Exit 0 valid, 1 altered, removed or
 * reordered, 2 when the file cannot be read as an export.
 */
public final class ExportVerifier {

  public static final int VALID = 0;
  public static final int INVALID = 1;
  public static final int UNREADABLE = 2;
  private static final long MAX_BYTES = 512L * 1024 * 1024;

  private ExportVerifier() {}

  /**
   * Why words were left out, counted by the reason the export gives ("2 ingetrokken door wie het
   * schreef, 1 verborgen door de gespreksleider"): a hidden post was not removed on request.
   */
  static String reasons(JsonObject export) {
    java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
    JsonArray events = export.getJsonArray("events", new JsonArray());
    for (int i = 0; i < events.size(); i++) {
      JsonObject erased = events.getJsonObject(i).getJsonObject("erased");
      if (erased != null) {
        counts.merge(String.valueOf(erased.getString("reason")), 1, Integer::sum);
      }
    }
    List<String> parts = new ArrayList<>();
    for (String reason : List.of("withdrawn", "hidden", "erased")) {
      Integer n = counts.remove(reason);
      if (n != null) {
        parts.add(Messages.text(Messages.DUTCH, "verify.reason." + reason, n));
      }
    }
    counts.forEach((reason, n) -> parts.add(Messages.text(Messages.DUTCH, "verify.reason.other", n)));
    return String.join(", ", parts);
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length != 2) {
      err.println(Messages.text(Messages.DUTCH, "verify.usage"));
      return UNREADABLE;
    }
    Path file = Path.of(args[1]);
    JsonObject export;
    try {
      if (Files.size(file) > MAX_BYTES) {
        err.println(Messages.text(Messages.DUTCH, "verify.unreadable", file, "te groot"));
        return UNREADABLE;
      }
      export = new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      err.println(Messages.text(Messages.DUTCH, "verify.unreadable", file, e.getClass().getSimpleName()));
      return UNREADABLE;
    }
    RecordCheck.Result result;
    try {
      result = verify(export);
    } catch (RuntimeException e) {
      err.println(Messages.text(Messages.DUTCH, "verify.unreadable", file, "geen verslag-export"));
      return UNREADABLE;
    }
    if (result.valid() && !result.complete()) {
      out.println(Messages.text(Messages.DUTCH, "verify.invalid", Messages.text(Messages.DUTCH, "verify.no_head")));
      return INVALID;
    }
    if (result.valid()) {
      out.println(result.redacted() == 0 ? Messages.text(Messages.DUTCH, "verify.valid", result.events())
          : Messages.text(Messages.DUTCH, "verify.valid_redacted", result.events(), result.redacted(), reasons(export)));
      return VALID;
    }
    out.println(Messages.text(Messages.DUTCH, "verify.invalid",
        Messages.text(Messages.DUTCH, "integrity.problem." + result.problem(), result.badSeq(),
            result.badName() == null ? "" : result.badName(), result.detail())));
    return INVALID;
  }

  /** The verdict on an export; throws when the JSON is not shaped like one. */
  public static RecordCheck.Result verify(JsonObject export) {
    String session = export.getJsonObject("session").getString("id");
    JsonObject head = export.getJsonObject("head");
    List<StoredEvent> events = new ArrayList<>();
    JsonArray list = export.getJsonArray("events");
    for (int i = 0; i < list.size(); i++) {
      JsonObject e = list.getJsonObject(i);
      events.add(new StoredEvent(session, e.getLong("seq"), e.getString("at"), e.getString("name"),
          e.getJsonObject("data"), null, e.getString("contentHash"), e.getString("hash"), e.getJsonObject("erased")));
    }
    return RecordCheck.check(session, events,
        head == null ? null : new RecordCheck.Head(head.getLong("seq"), head.getString("hash")));
  }
}
