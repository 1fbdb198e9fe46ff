package nl.dialoogtafel.support;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Drives a session over the real live protocol and the facilitator API, from creation to the
 * harvest, and remembers what was said, so archive tests can look for it. Texts can be replaced
 * (the XSS test puts its corpus in every field).
 */
public final class SessionScript {

  public final TestServer server;
  public final Vertx vertx;
  public final String cookie;
  public String id;
  public String code;
  public String kioskKey;
  /** Post ids by the label the script gave them. */
  public final Map<String, String> posts = new LinkedHashMap<>();

  public SessionScript(TestServer server, Vertx vertx, String cookie) {
    this.server = server;
    this.vertx = vertx;
    this.cookie = cookie;
  }

  public SessionScript create(String title, String municipality, String community) throws Exception {
    JsonObject body = new JsonObject().put("template", "transformatiedialoog").put("title", title)
        .put("municipality", municipality);
    if (community != null) {
      body.put("community", community);
    }
    HttpResponse<String> created = server.post("/api/sessions", cookie, body);
    if (created.statusCode() != 201) {
      throw new AssertionError("create: " + created.statusCode() + " " + created.body());
    }
    JsonObject session = new JsonObject(created.body());
    id = session.getString("id");
    code = session.getString("code");
    String kioskUrl = session.getString("kioskUrl");
    kioskKey = kioskUrl.substring(kioskUrl.indexOf("#key=") + 5);
    return this;
  }

  public Phone join(String name, String organisation, String role, boolean showName) throws Exception {
    return Phone.join(vertx, server.port(), new JsonObject().put("type", "join").put("code", code).put("name", name)
        .put("organisation", organisation).put("role", role).put("showName", showName)
        .put("phone", "+31 6 12345678").put("email", name.length() < 40 ? "geheim@example.nl" : "x@example.nl"));
  }

  /** Posts and returns the new post's id, read from the author's own event stream. */
  public String post(Phone phone, String label, String kind, String title, String text) throws Exception {
    JsonObject ack = phone.send("post", new JsonObject().put("kind", kind).put("title", title).put("text", text)
        .put("confirm", true));
    if (!"ack".equals(ack.getString("type"))) {
      throw new AssertionError("post refused: " + ack);
    }
    long seq = ack.getLong("seq");
    JsonObject event = phone.live.next(m -> "event".equals(m.getString("type")) && m.getLong("seq") == seq);
    String postId = event.getJsonObject("data").getJsonObject("post").getString("id");
    posts.put(label, postId);
    return postId;
  }

  public void recognize(Phone phone, String label, String note) throws Exception {
    ok(phone.send("recognize", new JsonObject().put("post", posts.get(label)).put("note", note).put("confirm", true)));
  }

  public void withdraw(Phone phone, String label) throws Exception {
    ok(phone.send("withdraw", new JsonObject().put("post", posts.get(label))));
  }

  /** A asks B for contact and B accepts: a connection.made in the record. */
  public void connect(Phone a, Phone b) throws Exception {
    ok(a.send("contact.request", new JsonObject().put("to", b.participantId)));
    JsonObject requested = b.live.nextPrivate("contact.requested");
    ok(b.send("contact.accept", new JsonObject().put("request", requested.getJsonObject("data").getString("request"))));
  }

  public JsonObject phase(String phase) throws Exception {
    return api("/phase", new JsonObject().put("phase", phase));
  }

  public JsonObject hide(String label, String reason) throws Exception {
    return api("/posts/" + posts.get(label) + "/hide", new JsonObject().put("reason", reason));
  }

  public JsonObject close() throws Exception {
    return api("/close", new JsonObject());
  }

  public JsonObject harvest(String harvest, String agreements) throws Exception {
    return api("/harvest", new JsonObject().put("harvest", harvest).put("agreements", agreements).put("confirm", true));
  }

  public JsonObject telling(String label) throws Exception {
    return api("/posts/" + posts.get(label) + "/telling", new JsonObject());
  }

  /** Sets what the projector shows (PUT …/kiosk, the whole view); answers the kiosk.view event. */
  public JsonObject kiosk(JsonObject view) throws Exception {
    HttpResponse<String> response = server.put("/api/sessions/" + id + "/kiosk", cookie, view);
    if (response.statusCode() != 200) {
      throw new AssertionError("kiosk: " + response.statusCode() + " " + response.body());
    }
    return new JsonObject(response.body());
  }

  public JsonObject api(String path, JsonObject body) throws Exception {
    HttpResponse<String> response = server.post("/api/sessions/" + id + path, cookie, body);
    if (response.statusCode() != 200) {
      throw new AssertionError(path + ": " + response.statusCode() + " " + response.body());
    }
    return new JsonObject(response.body());
  }

  private static void ok(JsonObject reply) {
    if (!"ack".equals(reply.getString("type"))) {
      throw new AssertionError("refused: " + reply);
    }
  }

  public static String uuid() {
    return UUID.randomUUID().toString();
  }
}
