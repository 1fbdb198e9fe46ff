package nl.dialoogtafel.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import nl.dialoogtafel.dialogue.Phase;
import nl.dialoogtafel.dialogue.PostKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TemplateCatalogTest {
  private static final Path REAL_TEMPLATES =
      Path.of(System.getenv().getOrDefault("DIALOOG_TEMPLATES_DIR", "../session-templates"));

  @TempDir Path dir;

  @Test
  @DisplayName("The real session-templates folder loads five templates in file-name order")
  void realFolderLoads() {
    TemplateCatalog catalog = TemplateCatalog.load(REAL_TEMPLATES);

    assertEquals(
        List.of("casusreflectie-gezin", "crisis-samen-handelen", "eerste-werkgemeenschap",
            "transformatiedialoog", "verantwoording-wethouder"),
        catalog.all().stream().map(SessionTemplate::id).toList());
  }

  @Test
  @DisplayName("The transformatiedialoog runs from welcome to harvest, with barriers only in the last-but-one phase")
  void transformatiedialoogPhases() {
    SessionTemplate template = TemplateCatalog.load(REAL_TEMPLATES).find("transformatiedialoog").orElseThrow();
    List<Phase> phases = template.phases();

    assertEquals(
        List.of("welkom", "verhalen", "herkenning", "wie-kan-ik-bellen", "knelpunten", "oogst"),
        phases.stream().map(Phase::id).toList());
    assertEquals(List.of(PostKind.BARRIER), phases.get(phases.size() - 2).kinds());
    assertTrue(template.phase("verhalen").orElseThrow().allows(PostKind.STORY));
    assertTrue(template.phase("herkenning").orElseThrow().allows(PostKind.STORY));
    assertEquals("welkom", template.first().id());
    assertTrue(template.phase("bestaat-niet").isEmpty());
  }

  @Test
  @DisplayName("Every real template invites stories somewhere and gives the wethouder a barrier phase")
  void everyTemplateHasStoriesAndBarriers() {
    for (SessionTemplate template : TemplateCatalog.load(REAL_TEMPLATES).all()) {
      assertTrue(template.phases().stream().anyMatch(p -> p.allows(PostKind.STORY)), template.id());
      assertTrue(template.phases().stream().anyMatch(p -> p.allows(PostKind.BARRIER)), template.id());
    }
  }

  @Test
  @DisplayName("The bundled templates on the classpath are the same as the folder")
  void bundledMatchesFolder() {
    assertEquals(TemplateCatalog.load(REAL_TEMPLATES).all(), TemplateCatalog.loadBundled().all());
  }

  @Test
  @DisplayName("Bundled templates are also read from inside a jar")
  void bundledFromJar() throws IOException {
    Path jar = dir.resolve("app.jar");
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
        Stream<Path> files = Files.list(REAL_TEMPLATES)) {
      zip.putNextEntry(new JarEntry("session-templates/"));
      for (Path file : files.sorted().toList()) {
        zip.putNextEntry(new JarEntry("session-templates/" + file.getFileName()));
        zip.write(Files.readAllBytes(file));
      }
    }
    // no parent: only the jar is seen, not target/classes
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      assertEquals(TemplateCatalog.load(REAL_TEMPLATES).all(), TemplateCatalog.loadBundled(loader).all());
    }
  }

  @Test
  @DisplayName("find returns nothing for an unknown id")
  void findUnknown() {
    assertTrue(TemplateCatalog.load(REAL_TEMPLATES).find("onbekend").isEmpty());
  }

  @Test
  @DisplayName("A valid template with a talking-only phase and no description loads")
  void minimalTemplateLoads() throws IOException {
    JsonObject json = valid();
    json.remove("description");
    write("proef.json", json.encodePrettily());
    Files.writeString(dir.resolve("README.md"), "not a template");

    SessionTemplate template = TemplateCatalog.load(dir).find("proef").orElseThrow();
    assertEquals("", template.description());
    assertEquals(List.of(), template.phase("praten").orElseThrow().kinds());
    assertEquals(15, template.first().minutes());
  }

  static Stream<Arguments> brokenTemplates() {
    return Stream.of(
        broken("A missing id is refused", t -> t.remove("id"), "id"),
        broken("An id that differs from the file name is refused", t -> t.put("id", "andere-naam"), "id"),
        broken("An id with capitals or spaces is refused", t -> t.put("id", "Proef Sessie"), "id"),
        broken("A missing title is refused", t -> t.remove("title"), "title"),
        broken("A blank title is refused", t -> t.put("title", "   "), "title"),
        broken("A title over 80 characters is refused", t -> t.put("title", "x".repeat(81)), "title"),
        broken("A title that is not a string is refused", t -> t.put("title", 5), "title"),
        broken("A description over 400 characters is refused", t -> t.put("description", "x".repeat(401)), "description"),
        broken("A misspelt top-level field is refused", t -> t.put("titel", "Proef"), "titel"),
        broken("Missing phases are refused", t -> t.remove("phases"), "phases"),
        broken("An empty phase list is refused", t -> t.put("phases", new JsonArray()), "phases"),
        broken("Phases that are not an array are refused", t -> t.put("phases", "welkom"), "phases"),
        broken("More than 20 phases are refused", t -> {
          JsonArray many = new JsonArray();
          for (int i = 0; i < 21; i++) {
            many.add(phase("fase-" + i, "story"));
          }
          t.put("phases", many);
        }, "phases"),
        broken("A phase that is not an object is refused", t -> phases(t).set(1, "verhalen"), "phases[1]"),
        broken("A phase id with an underscore is refused", t -> first(t).put("id", "fase_1"), "phases[0].id"),
        broken("A duplicate phase id is refused", t -> phases(t).getJsonObject(1).put("id", "praten"), "phases[1].id"),
        broken("A missing phase title is refused", t -> first(t).remove("title"), "phases[0].title"),
        broken("An empty prompt is refused", t -> first(t).put("prompt", ""), "phases[0].prompt"),
        broken("A prompt over 400 characters is refused", t -> first(t).put("prompt", "x".repeat(401)), "phases[0].prompt"),
        broken("An unknown kind is refused", t -> first(t).put("kinds", new JsonArray().add("verhaal")), "phases[0].kinds[0]"),
        broken("A kind listed twice is refused", t -> first(t).put("kinds", new JsonArray().add("story").add("story")), "phases[0].kinds[1]"),
        broken("A kind that is not a string is refused", t -> first(t).put("kinds", new JsonArray().add(1)), "phases[0].kinds[0]"),
        broken("Kinds that are not an array are refused", t -> first(t).put("kinds", "story"), "phases[0].kinds"),
        broken("Missing kinds are refused rather than read as talking only", t -> first(t).remove("kinds"), "phases[0].kinds"),
        broken("Zero minutes are refused", t -> first(t).put("minutes", 0), "phases[0].minutes"),
        broken("More than 240 minutes are refused", t -> first(t).put("minutes", 241), "phases[0].minutes"),
        broken("Fractional minutes are refused", t -> first(t).put("minutes", 12.5), "phases[0].minutes"),
        broken("Minutes written as text are refused", t -> first(t).put("minutes", "15"), "phases[0].minutes"),
        broken("Missing minutes are refused", t -> first(t).remove("minutes"), "phases[0].minutes"),
        broken("A misspelt phase field is refused", t -> first(t).put("prompts", "?"), "phases[0].prompts"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenTemplates")
  @DisplayName("A broken template is refused with a message naming the file and the field")
  void brokenTemplateRefused(String why, Consumer<JsonObject> breakIt, String field) throws IOException {
    JsonObject json = valid();
    breakIt.accept(json);
    write("proef.json", json.encodePrettily());

    TemplateException e = assertThrows(TemplateException.class, () -> TemplateCatalog.load(dir));
    assertTrue(e.getMessage().startsWith("proef.json: " + field + ": "), e.getMessage());
  }

  @Test
  @DisplayName("An unknown kind is reported with the kinds that are allowed")
  void unknownKindMessage() throws IOException {
    JsonObject json = valid();
    phases(json).getJsonObject(1).put("kinds", new JsonArray().add("verhaal"));
    write("proef.json", json.encodePrettily());

    TemplateException e = assertThrows(TemplateException.class, () -> TemplateCatalog.load(dir));
    assertEquals("proef.json: phases[1].kinds[0]: \"verhaal\" is not one of story, barrier", e.getMessage());
  }

  @Test
  @DisplayName("A file that is not valid JSON is refused with its name and the position")
  void invalidJsonRefused() throws IOException {
    write("proef.json", "{ \"id\": \"proef\", }");

    TemplateException e = assertThrows(TemplateException.class, () -> TemplateCatalog.load(dir));
    assertTrue(e.getMessage().startsWith("proef.json: not valid JSON"), e.getMessage());
    assertTrue(e.getMessage().contains("line 1"), e.getMessage());
  }

  @Test
  @DisplayName("A file holding a JSON array instead of an object is refused")
  void arrayRootRefused() throws IOException {
    write("proef.json", "[]");

    TemplateException e = assertThrows(TemplateException.class, () -> TemplateCatalog.load(dir));
    assertTrue(e.getMessage().startsWith("proef.json: "), e.getMessage());
  }

  @Test
  @DisplayName("One broken file among good ones still stops the whole catalog")
  void oneBrokenFileStopsAll() throws IOException {
    write("proef.json", valid().encodePrettily());
    JsonObject other = valid().put("id", "zzz");
    first(other).put("minutes", -5);
    write("zzz.json", other.encodePrettily());

    TemplateException e = assertThrows(TemplateException.class, () -> TemplateCatalog.load(dir));
    assertTrue(e.getMessage().startsWith("zzz.json: phases[0].minutes: "), e.getMessage());
  }

  @Test
  @DisplayName("Two templates with the same id are refused, naming both files")
  void duplicateIdsRefused() {
    // ids must equal their file names, so the clash can only be staged below the file level
    SessionTemplate template = TemplateCatalog.parse("proef.json", valid().encode());
    TreeMap<String, SessionTemplate> byFile = new TreeMap<>();
    byFile.put("a/proef.json", template);
    byFile.put("b/proef.json", template);

    TemplateException e = assertThrows(TemplateException.class, () -> TemplateCatalog.of(byFile));
    assertTrue(e.getMessage().startsWith("b/proef.json: id: "), e.getMessage());
    assertTrue(e.getMessage().contains("a/proef.json"), e.getMessage());
  }

  @Test
  @DisplayName("A folder without templates, or no folder at all, is refused")
  void emptyOrMissingFolderRefused() {
    TemplateException empty = assertThrows(TemplateException.class, () -> TemplateCatalog.load(dir));
    assertTrue(empty.getMessage().contains(dir.toString()), empty.getMessage());
    Path missing = dir.resolve("bestaat-niet");
    TemplateException absent = assertThrows(TemplateException.class, () -> TemplateCatalog.load(missing));
    assertTrue(absent.getMessage().contains("bestaat-niet"), absent.getMessage());
    assertFalse(Files.exists(missing));
  }

  private static Arguments broken(String why, Consumer<JsonObject> breakIt, String field) {
    return Arguments.of(why, breakIt, field);
  }

  private static JsonObject valid() {
    return new JsonObject()
        .put("id", "proef")
        .put("title", "Proefsessie")
        .put("description", "Een kleine sessie om het laden te proberen.")
        .put("phases", new JsonArray().add(phase("praten")).add(phase("verhalen", "story")));
  }

  private static JsonObject phase(String id, String... kinds) {
    return new JsonObject()
        .put("id", id)
        .put("title", "Fase " + id)
        .put("prompt", "Waar lopen jullie tegenaan?")
        .put("kinds", new JsonArray(List.of((Object[]) kinds)))
        .put("minutes", 15);
  }

  private static JsonArray phases(JsonObject template) {
    return template.getJsonArray("phases");
  }

  private static JsonObject first(JsonObject template) {
    return phases(template).getJsonObject(0);
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text);
  }
}
