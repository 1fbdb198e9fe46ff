package nl.dialoogtafel.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import nl.dialoogtafel.storage.Database;
import nl.dialoogtafel.support.Facilitator;
import nl.dialoogtafel.support.LiveClient;
import nl.dialoogtafel.support.Phone;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Exchanging contact details: asked privately, answered privately, and the phone numbers and
 * e-mail addresses reach only the two people who both agreed. Never a bystander, a kiosk, the
 * record or the log.
 */
@Timeout(120)
@WithServer
class ContactExchangeTest {

  private static final long SILENCE_MS = 500;

  private static final String PHONE_A = "+31 6 48213957";
  private static final String EMAIL_A = "anna.zq7k@wijkteam-oost.nl";
  private static final String PHONE_B = "06-7319 2846";
  private static final String EMAIL_B = "bram.x4v@ggd-regio.nl";
  /** What must never leak, in every spelling we can think of. */
  private static final List<String> SECRETS = List.of(PHONE_A, EMAIL_A, PHONE_B, EMAIL_B, "anna.zq7k", "bram.x4v",
      "48213957", "648213957", "0648213957", "31648213957", "7319 2846", "73192846", "0673192846",
      "31673192846");
  /** The significant digits of both numbers, looked for in the digits of a frame with everything else removed. */
  private static final List<String> DIGIT_RUNS = List.of("648213957", "673192846");

  private static TestServer server;
  private static Facilitator facilitator;
  private static Vertx vertx;
  private static final List<String> logLines = new CopyOnWriteArrayList<>();
  private static final Logger ROOT = Logger.getLogger("");
  private static final Handler LOG_CAPTURE = new Handler() {
    private final SimpleFormatter formatter = new SimpleFormatter();

    @Override
    public void publish(LogRecord record) {
      logLines.add(formatter.format(record));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  private JsonObject session;

  @BeforeAll
  static void startServer() throws Exception {
    LOG_CAPTURE.setLevel(Level.ALL);
    ROOT.addHandler(LOG_CAPTURE);
  }

  @AfterAll
  static void stopServer() throws Exception {
    ROOT.removeHandler(LOG_CAPTURE);
  }

  @BeforeEach
  void newSessionInStoryPhase() throws Exception {
    session = facilitator.storySession();
  }

  @Test
  @DisplayName("Request and accept: private to the two, connection.made to all, and no number or address anywhere else")
  void requestAndAccept() throws Exception {
    try (Phone a = joinA(); Phone b = joinB(); Phone c = Phone.join(vertx, server.port(), code(), "Cor", "School");
        LiveClient kiosk = watch()) {
      JsonObject ack = a.send("contact.request", new JsonObject().put("id", "req-a-b").put("to", b.participantId)
          .put("note", "Zullen we na afloop bellen over de wachtlijst?"));
      assertEquals("ack", ack.getString("type"), ack.encode());
      assertEquals("req-a-b", ack.getString("id"));
      assertNotNull(ack.getLong("seq"));

      JsonObject requested = b.live.nextPrivate("contact.requested");
      JsonObject data = requested.getJsonObject("data");
      String requestId = data.getString("request");
      assertNotNull(requestId);
      JsonObject from = data.getJsonObject("from");
      assertEquals(a.participantId, from.getString("id"));
      assertEquals("Anna", from.getString("name"));
      assertEquals("Wijkteam Oost", from.getString("organisation"));
      assertEquals("jeugdverpleegkundige", from.getString("role"));
      assertEquals("Zullen we na afloop bellen over de wachtlijst?", data.getString("note"));
      assertNoSecrets("contact.requested to B", List.of(requested.encode()));

      // A public event after the request proves that anything sent with the request has arrived.
      long sync = c.post("c-sync-1", "story", "Een verhaal van Cor.").getLong("seq");
      for (LiveClient bystander : List.of(c.live, kiosk, a.live)) {
        assertEquals(sync, bystander.nextEvent("post.added").getLong("seq"));
        assertFalse(bystander.receives(isPrivate("contact.requested"), SILENCE_MS),
            "contact.requested reaches the target only");
      }

      JsonObject accepted = b.send("contact.accept", new JsonObject().put("id", "acc-1").put("request", requestId));
      assertEquals("ack", accepted.getString("type"), accepted.encode());

      JsonObject toA = a.live.nextPrivate("contact.exchanged").getJsonObject("data");
      assertEquals(requestId, toA.getString("request"));
      assertCard(toA.getJsonObject("with"), b.participantId, "Bram", "GGD Regio", PHONE_B, EMAIL_B);
      JsonObject toB = b.live.nextPrivate("contact.exchanged").getJsonObject("data");
      assertEquals(requestId, toB.getString("request"));
      assertCard(toB.getJsonObject("with"), a.participantId, "Anna", "Wijkteam Oost", PHONE_A, EMAIL_A);

      JsonObject made = kiosk.nextEvent("connection.made");
      assertEquals(accepted.getLong("seq"), made.getLong("seq"), "the ack carries the seq of connection.made");
      JsonArray between = made.getJsonObject("data").getJsonArray("between");
      assertEquals(2, between.size());
      List<String> organisations = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        JsonObject side = between.getJsonObject(i);
        assertEquals(Set.of("organisation", "role"), side.fieldNames(), "only organisation and role: " + side);
        assertEquals("jeugdverpleegkundige", side.getString("role"));
        organisations.add(side.getString("organisation"));
      }
      assertTrue(organisations.containsAll(List.of("Wijkteam Oost", "GGD Regio")), organisations.toString());
      assertEquals(made, c.live.nextEvent("connection.made"));
      assertEquals(made, a.live.nextEvent("connection.made"));
      assertEquals(made, b.live.nextEvent("connection.made"));

      // Both cards have arrived; one more public event, and everything sent so far has reached C and the kiosk.
      long last = c.post("c-sync-2", "story", "Nog een verhaal van Cor.").getLong("seq");
      assertEquals(last, kiosk.nextEvent("post.added").getLong("seq"));
      assertEquals(last, c.live.nextEvent("post.added").getLong("seq"));
      assertFalse(c.live.receives(m -> "private".equals(m.getString("type")), SILENCE_MS), "C gets nothing private");
      assertFalse(kiosk.receives(m -> "private".equals(m.getString("type")), SILENCE_MS), "the kiosk gets nothing private");

      assertNoSecrets("every frame C ever received", c.live.frames());
      assertNoSecrets("every frame the kiosk ever received", kiosk.frames());
      assertOnlyInExchange("A", a.live.frames());
      assertOnlyInExchange("B", b.live.frames());
      assertNoSecrets("the events collection", storedEvents());
      assertNoSecrets("the server log", logLines);
    }
  }

  @Test
  @DisplayName("Decline: the requester gets contact.declined and no card; nothing public happens")
  void decline() throws Exception {
    try (Phone a = joinA(); Phone b = joinB(); LiveClient kiosk = watch()) {
      a.send("contact.request", new JsonObject().put("to", b.participantId));
      String requestId = b.live.nextPrivate("contact.requested").getJsonObject("data").getString("request");
      JsonObject ack = b.send("contact.decline", new JsonObject().put("request", requestId));
      assertEquals("ack", ack.getString("type"), ack.encode());

      JsonObject declined = a.live.nextPrivate("contact.declined");
      assertEquals(requestId, declined.getJsonObject("data").getString("request"));

      long sync = a.post("d-sync", "story", "Een verhaal na de afwijzing.").getLong("seq");
      assertEquals(sync, kiosk.nextEvent("post.added").getLong("seq"));
      assertEquals(sync, b.live.nextEvent("post.added").getLong("seq"));
      assertFalse(b.live.receives(isPrivate("contact.declined"), SILENCE_MS), "only the requester hears the answer");
      assertFalse(a.live.receives(isPrivate("contact.exchanged"), SILENCE_MS), "no card after a decline");
      assertFalse(kiosk.receives(isEvent("connection.made"), SILENCE_MS), "a decline is not public");
      assertNoSecrets("A after a decline", a.live.frames());
      assertNoSecrets("B after a decline", b.live.frames());
    }
  }

  @Test
  @DisplayName("A request to yourself is invalid")
  void requestToSelf() throws Exception {
    try (Phone a = joinA()) {
      JsonObject error = a.send("contact.request", new JsonObject().put("to", a.participantId));
      assertError(error, "invalid");
      assertEquals("to", error.getString("field"));
    }
  }

  @Test
  @DisplayName("A second request to the same person while the first is pending is invalid")
  void secondRequestWhilePending() throws Exception {
    try (Phone a = joinA(); Phone b = joinB()) {
      assertEquals("ack", a.send("contact.request", new JsonObject().put("to", b.participantId)).getString("type"));
      JsonObject error = a.send("contact.request", new JsonObject().put("to", b.participantId).put("note", "Nog een keer"));
      assertError(error, "invalid");
      assertEquals("to", error.getString("field"));
      b.live.nextPrivate("contact.requested");
      long sync = a.post("p-sync", "story", "Een verhaal.").getLong("seq");
      assertEquals(sync, b.live.nextEvent("post.added").getLong("seq"));
      assertFalse(b.live.receives(isPrivate("contact.requested"), SILENCE_MS), "the refused request is not delivered");
    }
  }

  @Test
  @DisplayName("Accepting a request made to someone else is not_found, and exchanges nothing")
  void acceptOthersRequest() throws Exception {
    try (Phone a = joinA(); Phone b = joinB(); Phone c = Phone.join(vertx, server.port(), code(), "Cor", "School")) {
      a.send("contact.request", new JsonObject().put("to", b.participantId));
      String requestId = b.live.nextPrivate("contact.requested").getJsonObject("data").getString("request");
      assertError(c.send("contact.accept", new JsonObject().put("request", requestId)), "not_found");
      assertError(a.send("contact.accept", new JsonObject().put("request", requestId)), "not_found");

      long sync = c.post("o-sync", "story", "Een verhaal van Cor.").getLong("seq");
      assertEquals(sync, c.live.nextEvent("post.added").getLong("seq"));
      assertEquals(sync, a.live.nextEvent("post.added").getLong("seq"));
      assertFalse(c.live.receives(m -> "private".equals(m.getString("type")), SILENCE_MS));
      assertFalse(a.live.receives(isPrivate("contact.exchanged"), SILENCE_MS));
      assertNoSecrets("C after a wrongful accept", c.live.frames());
      assertEquals(0, server.server().database().collection(Database.EVENTS)
          .countDocuments(new Document("session", sessionId()).append("name", "connection.made")));
    }
  }

  @Test
  @DisplayName("A requester who is offline when the answer comes gets contact.exchanged after resume, after the welcome")
  void offlineRequesterGetsCardOnResume() throws Exception {
    try (Phone a = joinA(); Phone b = joinB()) {
      OfflineExchange done = exchangeWhileRequesterOffline(a, b);
      assertFalse(done.welcome.getBoolean("reset"));
      JsonArray events = done.welcome.getJsonArray("events");
      assertTrue(events.stream().anyMatch(e -> "connection.made".equals(((JsonObject) e).getString("name"))),
          "the missed connection.made is replayed: " + events);
      JsonObject exchanged = done.again.nextPrivate("contact.exchanged").getJsonObject("data");
      assertEquals(done.requestId, exchanged.getString("request"));
      assertCard(exchanged.getJsonObject("with"), b.participantId, "Bram", "GGD Regio", PHONE_B, EMAIL_B);
      List<String> frames = done.again.frames();
      int welcomeAt = indexOf(frames, "\"welcome\"");
      int privateAt = indexOf(frames, "\"contact.exchanged\"");
      assertTrue(welcomeAt >= 0 && welcomeAt < privateAt, "the private message follows the welcome: " + frames);
      done.again.close();
    }
  }

  @Test
  @DisplayName("When the offline requester resumes, the accepter, who already has the card, is not sent it again")
  void resumeDoesNotResendToTheOtherSide() throws Exception {
    try (Phone a = joinA(); Phone b = joinB()) {
      OfflineExchange done = exchangeWhileRequesterOffline(a, b);
      done.again.nextPrivate("contact.exchanged");
      assertFalse(b.live.receives(isPrivate("contact.exchanged"), SILENCE_MS),
          "B got contact.exchanged once, when accepting; the requester's resume must not repeat it to B");
      done.again.close();
    }
  }

  @Test
  @DisplayName("Re-sending the same contact.request id returns the same ack seq and creates no second request")
  void resentRequestIsIdempotent() throws Exception {
    try (Phone a = joinA(); Phone b = joinB(); Phone c = Phone.join(vertx, server.port(), code(), "Cor", "School")) {
      JsonObject request = new JsonObject().put("id", "same-request").put("to", b.participantId)
          .put("note", "Bellen?");
      long first = a.send("contact.request", request).getLong("seq");
      b.live.nextPrivate("contact.requested");
      long between = c.post("i-sync-1", "story", "Iets ertussen.").getLong("seq");
      assertTrue(between > first);

      JsonObject again = a.send("contact.request", request);
      assertEquals("ack", again.getString("type"), again.encode());
      assertEquals("same-request", again.getString("id"));
      assertEquals(first, again.getLong("seq"), "the same ack again");

      long sync = c.post("i-sync-2", "story", "Nog iets.").getLong("seq");
      b.live.next(m -> isEvent("post.added").test(m) && m.getLong("seq") == sync);
      assertFalse(b.live.receives(isPrivate("contact.requested"), SILENCE_MS), "no second contact.requested");
      assertEquals(1, server.server().database().collection(Database.CONTACTS)
          .countDocuments(new Document("session", sessionId())), "one request stored");
    }
  }

  // ---- helpers --------------------------------------------------------------------------------

  private record OfflineExchange(LiveClient again, JsonObject welcome, String requestId) {}

  /** A asks B, A's phone drops, B accepts while A is away, A resumes on a new connection. */
  private OfflineExchange exchangeWhileRequesterOffline(Phone a, Phone b) throws Exception {
    JsonObject ack = a.send("contact.request", new JsonObject().put("to", b.participantId).put("note", "Later bellen?"));
    assertEquals("ack", ack.getString("type"), ack.encode());
    long after = ack.getLong("seq");
    String requestId = b.live.nextPrivate("contact.requested").getJsonObject("data").getString("request");
    a.live.close();
    // The server has let go of A once B is told A is no longer online (A joined before B).
    b.live.next(m -> "presence".equals(m.getString("type"))
        && !m.getJsonArray("online", new JsonArray()).contains(a.participantId));

    JsonObject accepted = b.send("contact.accept", new JsonObject().put("request", requestId));
    assertEquals("ack", accepted.getString("type"), accepted.encode());
    JsonObject toB = b.live.nextPrivate("contact.exchanged").getJsonObject("data");
    assertCard(toB.getJsonObject("with"), a.participantId, "Anna", "Wijkteam Oost", PHONE_A, EMAIL_A);

    LiveClient again = LiveClient.connect(vertx, server.port());
    JsonObject welcome = again.reply(again.request(new JsonObject().put("type", "resume").put("token", a.token)
        .put("after", after).put("epoch", a.welcome.getString("epoch"))));
    assertEquals("welcome", welcome.getString("type"), welcome.encode());
    return new OfflineExchange(again, welcome, requestId);
  }

  private Phone joinA() throws Exception {
    return Phone.join(vertx, server.port(), Phone.joinMessage(code(), "Anna", "Wijkteam Oost")
        .put("phone", PHONE_A).put("email", EMAIL_A));
  }

  private Phone joinB() throws Exception {
    return Phone.join(vertx, server.port(), Phone.joinMessage(code(), "Bram", "GGD Regio")
        .put("phone", PHONE_B).put("email", EMAIL_B));
  }

  private LiveClient watch() throws Exception {
    LiveClient kiosk = LiveClient.connect(vertx, server.port());
    JsonObject watching = kiosk.reply(kiosk.request(new JsonObject().put("type", "watch").put("session", sessionId())
        .put("key", session.getString("kioskKey"))));
    assertEquals("watching", watching.getString("type"), watching.encode());
    return kiosk;
  }

  private String sessionId() {
    return session.getString("id");
  }

  private String code() {
    return session.getString("code");
  }

  private List<String> storedEvents() {
    List<String> docs = new ArrayList<>();
    for (Document doc : server.server().database().collection(Database.EVENTS)
        .find(new Document("session", sessionId()))) {
      docs.add(doc.toJson());
    }
    assertFalse(docs.isEmpty());
    return docs;
  }

  private static Predicate<JsonObject> isPrivate(String name) {
    return m -> "private".equals(m.getString("type")) && name.equals(m.getString("name"));
  }

  private static Predicate<JsonObject> isEvent(String name) {
    return m -> "event".equals(m.getString("type")) && name.equals(m.getString("name"));
  }

  private static int indexOf(List<String> frames, String needle) {
    for (int i = 0; i < frames.size(); i++) {
      if (frames.get(i).contains(needle)) {
        return i;
      }
    }
    return -1;
  }

  private static void assertCard(JsonObject card, String id, String name, String organisation, String phone,
      String email) {
    assertNotNull(card, "a card");
    assertEquals(id, card.getString("id"), card.encode());
    assertEquals(name, card.getString("name"), card.encode());
    assertEquals(organisation, card.getString("organisation"), card.encode());
    assertEquals("jeugdverpleegkundige", card.getString("role"), card.encode());
    assertEquals(phone, card.getString("phone"), card.encode());
    assertEquals(email, card.getString("email"), card.encode());
  }

  private static boolean leaks(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (String secret : SECRETS) {
      if (lower.contains(secret.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    String digits = text.replaceAll("\\D", "");
    return DIGIT_RUNS.stream().anyMatch(digits::contains);
  }

  private static void assertNoSecrets(String where, List<String> texts) {
    for (String text : texts) {
      assertFalse(leaks(text), () -> "a phone number or e-mail address in " + where + ": " + text);
    }
  }

  /** For A and B: contact details only ever inside a private contact.exchanged. */
  private static void assertOnlyInExchange(String who, List<String> frames) {
    for (String frame : frames) {
      if (leaks(frame)) {
        JsonObject message = new JsonObject(frame);
        assertTrue("private".equals(message.getString("type"))
            && "contact.exchanged".equals(message.getString("name")),
            () -> who + " got contact details outside contact.exchanged: " + frame);
      }
    }
  }

  private static void assertError(JsonObject reply, String code) {
    assertEquals("error", reply.getString("type"), () -> "expected error " + code + ", got " + reply);
    assertEquals(code, reply.getString("code"), () -> "expected " + code + ", got " + reply);
    assertFalse(reply.getString("message", "").isBlank(), () -> "an error has a message: " + reply);
    assertNoSecrets("an error message", List.of(reply.encode()));
  }
}
