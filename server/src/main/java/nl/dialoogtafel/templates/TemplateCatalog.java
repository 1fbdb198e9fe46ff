package nl.dialoogtafel.templates;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.CharacterCodingException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.dialoogtafel.dialogue.Phase;
import nl.dialoogtafel.dialogue.PostKind;

/**
 * The session templates a facilitator can choose from, one JSON file per template. Templates are
 * edited by hand, so every file is checked strictly at load time: a mistake stops the server
 * with a message naming the file and field, instead of surfacing in front of a full room.
 */
public final class TemplateCatalog {
  /** Classpath folder the build copies {@code session-templates/} into. */
  static final String BUNDLED_FOLDER = "session-templates";

  // ids end up in URLs and stored records, so keep them plain
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final int MAX_TITLE = 80;
  private static final int MAX_TEXT = 400;
  private static final int MAX_PHASES = 20;
  private static final int MAX_MINUTES = 240;
  private static final List<String> TEMPLATE_FIELDS = List.of("id", "title", "description", "phases");
  private static final List<String> PHASE_FIELDS = List.of("id", "title", "prompt", "kinds", "minutes");
  private static final String KINDS =
      Arrays.stream(PostKind.values()).map(PostKind::wire).collect(Collectors.joining(", "));

  private final List<SessionTemplate> all;
  private final Map<String, SessionTemplate> byId;

  private TemplateCatalog(List<SessionTemplate> all) {
    this.all = List.copyOf(all);
    this.byId = all.stream().collect(Collectors.toUnmodifiableMap(SessionTemplate::id, t -> t));
  }

  /** Reads every {@code *.json} file in {@code directory}, in file-name order. */
  public static TemplateCatalog load(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new TemplateException(directory + ": not a directory of session templates");
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(directory)) {
      // hidden files are editor backups and lock files, not templates
      files = listing
          .filter(file -> name(file).endsWith(".json") && !name(file).startsWith("."))
          .filter(Files::isRegularFile)
          .sorted(Comparator.comparing(TemplateCatalog::name))
          .toList();
    } catch (IOException e) {
      throw new TemplateException(directory + ": cannot list session templates: " + e.getMessage(), e);
    }
    // a server without templates cannot start a single session: say so at startup
    if (files.isEmpty()) {
      throw new TemplateException(directory + ": no session templates (*.json) found");
    }
    SortedMap<String, SessionTemplate> byFile = new TreeMap<>();
    for (Path file : files) {
      byFile.put(name(file), parse(name(file), read(file)));
    }
    return of(byFile);
  }

  /** Reads the templates bundled on the classpath (from the build folder or from inside the jar). */
  public static TemplateCatalog loadBundled() {
    return loadBundled(TemplateCatalog.class.getClassLoader());
  }

  static TemplateCatalog loadBundled(ClassLoader loader) {
    URL url = loader.getResource(BUNDLED_FOLDER);
    if (url == null) {
      throw new TemplateException("classpath: no " + BUNDLED_FOLDER + "/ folder found");
    }
    try {
      switch (url.getProtocol()) {
        case "file":
          return load(Path.of(url.toURI()));
        case "jar":
          JarURLConnection connection = (JarURLConnection) url.openConnection();
          Path jar = Path.of(connection.getJarFileURL().toURI());
          // a private file system per call: never clashes with another one opened on the same jar
          try (FileSystem zip = FileSystems.newFileSystem(jar)) {
            return load(zip.getPath(connection.getEntryName()));
          }
        default:
          throw new TemplateException(url + ": cannot list session templates behind a "
              + url.getProtocol() + ": URL");
      }
    } catch (IOException | URISyntaxException e) {
      throw new TemplateException(url + ": cannot read bundled session templates: " + e.getMessage(), e);
    }
  }

  /** All templates, in file-name order. */
  public List<SessionTemplate> all() {
    return all;
  }

  public Optional<SessionTemplate> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Builds a catalog from parsed templates keyed by the file they came from. */
  static TemplateCatalog of(SortedMap<String, SessionTemplate> byFile) {
    // sessions refer to their template by id, so one id must mean one template
    Map<String, String> fileOfId = new HashMap<>();
    byFile.forEach((file, template) -> {
      String earlier = fileOfId.putIfAbsent(template.id(), file);
      if (earlier != null) {
        throw new TemplateException(
            file + ": id: \"" + template.id() + "\" is already used by " + earlier);
      }
    });
    return new TemplateCatalog(new ArrayList<>(byFile.values()));
  }

  /** Parses and checks one template; {@code file} is its file name, used in messages. */
  static SessionTemplate parse(String file, String text) {
    if (text.isBlank()) {
      throw new TemplateException(file + ": is empty, expected a JSON object { ... }");
    }
    Object root;
    try {
      root = Json.decodeValue(text);
    } catch (DecodeException e) {
      throw new TemplateException(file + ": not valid JSON: " + tidy(e.getMessage()), e);
    }
    if (!(root instanceof JsonObject json)) {
      throw new TemplateException(file + ": must be a JSON object { ... }");
    }
    Checker check = new Checker(file);
    check.onlyKnownFields(json, "", TEMPLATE_FIELDS);
    String id = check.id(json, "id", "id");
    if (!file.equals(id + ".json")) {
      String stem = file.endsWith(".json") ? file.substring(0, file.length() - 5) : file;
      throw check.fail("id", "\"" + id + "\" does not match the file name (rename the file to "
          + id + ".json or set the id to \"" + stem + "\")");
    }
    String title = check.text(json, "title", "title", 1, MAX_TITLE);
    String description =
        json.containsKey("description") ? check.text(json, "description", "description", 0, MAX_TEXT) : "";
    JsonArray rawPhases = check.array(json, "phases", "phases");
    if (rawPhases.isEmpty() || rawPhases.size() > MAX_PHASES) {
      throw check.fail("phases", "must hold 1 to " + MAX_PHASES + " phases, not " + rawPhases.size());
    }
    List<Phase> phases = new ArrayList<>();
    Set<String> phaseIds = new HashSet<>();
    for (int i = 0; i < rawPhases.size(); i++) {
      String path = "phases[" + i + "]";
      if (!(rawPhases.getValue(i) instanceof JsonObject phase)) {
        throw check.fail(path, "must be an object with " + String.join(", ", PHASE_FIELDS));
      }
      Phase parsed = check.phase(phase, path);
      if (!phaseIds.add(parsed.id())) {
        throw check.fail(path + ".id", "\"" + parsed.id() + "\" is used by an earlier phase");
      }
      phases.add(parsed);
    }
    return new SessionTemplate(id, title, description, phases);
  }

  /** Field-by-field checks; every failure carries the file and the field's path. */
  private record Checker(String file) {
    TemplateException fail(String path, String problem) {
      return new TemplateException(file + ": " + path + ": " + problem);
    }

    void onlyKnownFields(JsonObject object, String prefix, List<String> known) {
      for (String field : object.fieldNames()) {
        if (!known.contains(field)) {
          throw fail(prefix + field, "unknown field (expected " + String.join(", ", known) + ")");
        }
      }
    }

    Object required(JsonObject object, String field, String path) {
      if (!object.containsKey(field)) {
        throw fail(path, "is missing");
      }
      return object.getValue(field);
    }

    String text(JsonObject object, String field, String path, int min, int max) {
      if (!(required(object, field, path) instanceof String value)) {
        throw fail(path, "must be a string");
      }
      String text = value.strip();
      int length = text.codePointCount(0, text.length());
      if (length < min) {
        throw fail(path, "must not be empty");
      }
      if (length > max) {
        throw fail(path, "is " + length + " characters, at most " + max + " allowed");
      }
      return text;
    }

    String id(JsonObject object, String field, String path) {
      if (!(required(object, field, path) instanceof String value)) {
        throw fail(path, "must be a string");
      }
      if (!ID.matcher(value).matches()) {
        throw fail(path, "\"" + value + "\" may only hold lowercase letters a-z, digits and hyphens"
            + " (at most 64, not starting with a hyphen)");
      }
      return value;
    }

    JsonArray array(JsonObject object, String field, String path) {
      if (!(required(object, field, path) instanceof JsonArray array)) {
        throw fail(path, "must be an array [ ... ]");
      }
      return array;
    }

    Phase phase(JsonObject phase, String path) {
      onlyKnownFields(phase, path + ".", PHASE_FIELDS);
      String id = id(phase, "id", path + ".id");
      String title = text(phase, "title", path + ".title", 1, MAX_TITLE);
      String prompt = text(phase, "prompt", path + ".prompt", 1, MAX_TEXT);
      // kinds is required even when empty: a misspelt key must not quietly make a talking-only phase
      JsonArray rawKinds = array(phase, "kinds", path + ".kinds");
      List<PostKind> kinds = new ArrayList<>();
      for (int i = 0; i < rawKinds.size(); i++) {
        String kindPath = path + ".kinds[" + i + "]";
        if (!(rawKinds.getValue(i) instanceof String wire)) {
          throw fail(kindPath, "must be a string, one of " + KINDS);
        }
        PostKind kind = PostKind.fromWire(wire)
            .orElseThrow(() -> fail(kindPath, "\"" + wire + "\" is not one of " + KINDS));
        if (kinds.contains(kind)) {
          throw fail(kindPath, "\"" + wire + "\" is listed twice");
        }
        kinds.add(kind);
      }
      // Integer or Long only: 12.5 or "15" are mistakes, not something to round
      Object minutes = required(phase, "minutes", path + ".minutes");
      if (!(minutes instanceof Integer || minutes instanceof Long)
          || ((Number) minutes).longValue() < 1
          || ((Number) minutes).longValue() > MAX_MINUTES) {
        throw fail(path + ".minutes", "must be a whole number from 1 to " + MAX_MINUTES + ", not " + minutes);
      }
      return new Phase(id, title, prompt, kinds, ((Number) minutes).intValue());
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (CharacterCodingException e) {
      throw new TemplateException(name(file) + ": not UTF-8 text", e);
    } catch (IOException e) {
      throw new TemplateException(name(file) + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static String name(Path file) {
    return String.valueOf(file.getFileName());
  }

  /** Jackson's messages end with a source location; keep only the line and column. */
  private static String tidy(String message) {
    if (message == null) {
      return "cannot parse";
    }
    return message
        .replaceAll("(?s)\\s*at \\[Source: .*?; line: (\\d+), column: (\\d+)\\]", " (line $1, column $2)")
        .strip();
  }
}
