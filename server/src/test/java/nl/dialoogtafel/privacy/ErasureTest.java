package nl.dialoogtafel.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import nl.dialoogtafel.record.ExportVerifier;
import nl.dialoogtafel.support.AdminCookie;
import nl.dialoogtafel.support.Facilitator;
import nl.dialoogtafel.support.LiveClient;
import nl.dialoogtafel.support.Phone;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A2: a person asks to be erased. Their name, contact details and words leave the room, the
 * record and the database file; the record says that it happened and its hash chain still holds.
 */
@Timeout(120)
// A server each: every test reads the whole database file for her words.
@WithServer(perTest = true)
class ErasureTest {

  private static final String NAME = "Annelotte";
  private static final String PHONE = "+31 6 48213957";
  private static final String EMAIL = "annelotte.zq7k@wijkteam-oost.nl";
  private static final String STORY = "Zwaluwverhaal over de wachtlijst bij de kinderarts";
  private static final String NOTE = "Herkenbaar want wij zagen Kwartelkoning ook";
  private static final String CONTACT_NOTE = "Bellen over Reigerbos";
  /** Everything of hers that must not remain, as it would sit in the store file. */
  private static final List<String> HERS = List.of(NAME, "48213957", "annelotte.zq7k", "Zwaluwverhaal", "Kwartelkoning",
      "Reigerbos");

  private TestServer server;
  private Facilitator facilitator;
  private Vertx vertx;
  @AdminCookie
  private String cookie;
  private JsonObject session;

  @BeforeEach
  void start() throws Exception {
    session = facilitator.storySession();
  }

  @Test
  @DisplayName("Erasing a person on request: gone from the room, the record, the archive and the database file; the chain holds")
  void erasure() throws Exception {
    try (Phone her = Phone.join(vertx, server.port(), Phone.joinMessage(code(), NAME, "Wijkteam Oost")
            .put("phone", PHONE).put("email", EMAIL));
        Phone bram = Phone.join(vertx, server.port(), code(), "Bram", "GGD Regio");
        LiveClient kiosk = watch()) {
      String herId = her.participantId;
      long herPost = her.post("s-1", "story", STORY).getLong("seq");
      bram.post("s-2", "story", "Een verhaal van Bram over de school.");
      String bramsPost = bram.live.next(m -> "post.added".equals(m.getString("name"))
              && bram.participantId.equals(m.getJsonObject("data").getJsonObject("post").getJsonObject("author")
                  .getString("id")))
          .getJsonObject("data").getJsonObject("post").getString("id");
      JsonObject recognized = her.send("recognize", new JsonObject().put("post", bramsPost).put("note", NOTE));
      assertEquals("ack", recognized.getString("type"), recognized.encode());
      JsonObject asked = her.send("contact.request", new JsonObject().put("to", bram.participantId)
          .put("note", CONTACT_NOTE));
      assertEquals("ack", asked.getString("type"), asked.encode());
      bram.live.nextPrivate("contact.requested");
      String token = her.welcome.getString("token");
      String before = storeFile();
      HERS.forEach(word -> assertTrue(before.contains(word), "before erasure the store file holds " + word));

      HttpResponse<String> erased = server.post("/api/sessions/" + id() + "/participants/" + herId + "/erase", cookie,
          new JsonObject());
      assertEquals(200, erased.statusCode(), erased.body());
      JsonObject event = new JsonObject(erased.body());
      assertEquals("participant.erased", event.getString("name"));
      assertEquals(herId, event.getJsonObject("data").getJsonObject("participant").getString("id"));

      assertEquals(herId, bram.live.nextEvent("participant.erased").getJsonObject("data").getJsonObject("participant")
          .getString("id"), "the room is told, so screens drop her words too");
      kiosk.nextEvent("participant.erased");
      her.live.next(m -> her.live.isClosed());
      assertTrue(her.live.isClosed(), "her phone is let go");
      assertEquals((short) 4410, her.live.closeStatus());

      // A screen that joins now sees her contributions only as markers.
      try (LiveClient late = watch()) {
        String frames = String.join("\n", late.frames());
        assertNoneOf(frames, HERS, "a kiosk watching after the erasure");
        JsonObject post = findEvent(late.frames(), herPost).getJsonObject("data").getJsonObject("post");
        assertEquals("erased", post.getString("removed"));
        assertNull(post.getString("text"));
      }
      // Her token no longer opens the session.
      LiveClient again = LiveClient.connect(vertx, server.port());
      JsonObject resume = again.reply(again.request(new JsonObject().put("type", "resume").put("token", token)
          .put("after", 0)));
      assertEquals("forbidden", resume.getString("code"), resume.encode());
      again.close();

      JsonArray people = new JsonObject(server.get("/api/sessions/" + id() + "/participants", cookie).body())
          .getJsonArray("participants");
      JsonObject herEntry = people.stream().map(JsonObject.class::cast)
          .filter(p -> p.getString("id").equals(herId)).findFirst().orElseThrow();
      assertTrue(herEntry.getBoolean("erased"));
      assertNull(herEntry.getString("name"));
      assertEquals("Wijkteam Oost", herEntry.getString("organisation"), "organisation stays for the facts");

      assertEquals(404, server.post("/api/sessions/" + id() + "/participants/" + herId + "/erase", cookie,
          new JsonObject()).statusCode(), "erasing twice finds nobody");

      assertNoneOf(storeFile(), HERS, "the database file");
    }

    // The record survives a restart without her, says what happened, and still verifies.
    server.restart();
    cookie = server.login();
    assertEquals(200, server.post("/api/sessions/" + id() + "/close", cookie, new JsonObject()).statusCode());
    HttpResponse<String> page = server.get("/archief/" + id(), cookie);
    assertEquals(200, page.statusCode());
    assertNoneOf(page.body(), HERS, "the record page");
    assertTrue(page.body().contains("verwijderd op verzoek"), "the record shows a removal marker");
    HttpResponse<String> export = server.get("/archief/" + id() + ".json", cookie);
    assertEquals(200, export.statusCode());
    assertNoneOf(export.body(), HERS, "the export");
    var verdict = ExportVerifier.verify(new JsonObject(export.body()));
    assertTrue(verdict.valid(), "the chain still verifies after the erasure: " + verdict);
    assertTrue(verdict.redacted() >= 2, "her story and her recognition note are erased: " + verdict);
  }

  @Test
  @DisplayName("Erasing after closing: a record page read before shows her no more, and the chain holds")
  void erasureAfterClosing() throws Exception {
    String herId;
    try (Phone her = Phone.join(vertx, server.port(), Phone.joinMessage(code(), NAME, "Wijkteam Oost")
        .put("phone", PHONE).put("email", EMAIL))) {
      herId = her.participantId;
      assertEquals("ack", her.post("s-1", "story", STORY).getString("type"));
    }
    assertEquals(200, server.post("/api/sessions/" + id() + "/close", cookie, new JsonObject()).statusCode());
    String before = server.get("/archief/" + id(), cookie).body();
    assertTrue(before.contains(NAME) && before.contains("Zwaluwverhaal"), "the record showed her before");
    assertTrue(server.get("/archief?q=Zwaluwverhaal", cookie).body().contains("/archief/" + id() + "\""),
        "search found her words before");

    assertEquals(200, server.post("/api/sessions/" + id() + "/participants/" + herId + "/erase", cookie,
        new JsonObject()).statusCode());
    HttpResponse<String> page = server.get("/archief/" + id(), cookie);
    assertEquals(200, page.statusCode());
    assertNoneOf(page.body(), HERS, "the record page read again after the erasure");
    HttpResponse<String> search = server.get("/archief?q=Zwaluwverhaal", cookie);
    assertFalse(search.body().contains("/archief/" + id() + "\""), "search no longer finds her words");
    assertNoneOf(storeFile(), HERS, "the database file (the archive's stored search entry included)");
    var verdict = ExportVerifier.verify(new JsonObject(server.get("/archief/" + id() + ".json", cookie).body()));
    assertTrue(verdict.valid() && verdict.complete(), verdict.toString());
  }

  @Test
  @DisplayName("Only the session's facilitator or an admin may erase, and only a known person")
  void whoMayErase() throws Exception {
    try (Phone her = Phone.join(vertx, server.port(), code(), NAME, "Wijkteam Oost")) {
      assertEquals(401, server.post("/api/sessions/" + id() + "/participants/" + her.participantId + "/erase", null,
          new JsonObject()).statusCode());
      assertEquals(404, server.post("/api/sessions/" + id() + "/participants/u-nobody/erase", cookie,
          new JsonObject()).statusCode());
      assertEquals(404, server.post("/api/sessions/" + id() + "/participants/%3Cscript%3E/erase", cookie,
          new JsonObject()).statusCode());
    }
  }

  private LiveClient watch() throws Exception {
    LiveClient kiosk = LiveClient.connect(vertx, server.port());
    JsonObject watching = kiosk.reply(kiosk.request(new JsonObject().put("type", "watch").put("session", id())
        .put("key", session.getString("kioskKey"))));
    assertEquals("watching", watching.getString("type"), watching.encode());
    return kiosk;
  }

  private static JsonObject findEvent(List<String> frames, long seq) {
    for (String frame : frames) {
      JsonObject m = new JsonObject(frame);
      JsonArray events = m.getJsonArray("events");
      if (events != null) {
        for (Object e : events) {
          if (((JsonObject) e).getLong("seq") == seq) {
            return (JsonObject) e;
          }
        }
      }
    }
    throw new AssertionError("no event " + seq);
  }

  private String storeFile() throws Exception {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(server.dataDir())) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
      }
    }
    return all.toString();
  }

  private static boolean containsAny(String text, List<String> needles) {
    return needles.stream().anyMatch(text::contains);
  }

  private static void assertNoneOf(String text, List<String> needles, String where) {
    for (String needle : needles) {
      assertFalse(text.contains(needle), where + " still holds \"" + needle + "\"");
    }
  }

  private String id() {
    return session.getString("id");
  }

  private String code() {
    return session.getString("code");
  }
}
