package nl.dialoogtafel.support;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/** A professional's phone, joined to a session, with the token and participant id it was given. */
public final class Phone implements AutoCloseable {

  public final LiveClient live;
  public final JsonObject welcome;
  public final String participantId;
  public final String token;

  private Phone(LiveClient live, JsonObject welcome) {
    this.live = live;
    this.welcome = welcome;
    this.participantId = welcome.getJsonObject("participant").getString("id");
    this.token = welcome.getString("token");
  }

  public static JsonObject joinMessage(String code, String name, String organisation) {
    return new JsonObject().put("type", "join").put("code", code).put("name", name).put("organisation", organisation)
        .put("role", "jeugdverpleegkundige").put("showName", true);
  }

  public static Phone join(Vertx vertx, int port, String code, String name, String organisation) throws Exception {
    return join(vertx, port, joinMessage(code, name, organisation));
  }

  public static Phone join(Vertx vertx, int port, JsonObject join) throws Exception {
    LiveClient live = LiveClient.connect(vertx, port);
    String ref = live.request(join);
    JsonObject reply = live.reply(ref);
    if (!"welcome".equals(reply.getString("type"))) {
      live.close();
      throw new AssertionError("expected welcome, got " + reply);
    }
    return new Phone(live, reply);
  }

  /** Posts a story in the current phase and returns the ack. */
  public JsonObject post(String id, String kind, String text) throws InterruptedException {
    String ref = live.request(new JsonObject().put("type", "post").put("id", id).put("kind", kind)
        .put("title", "").put("text", text));
    return live.reply(ref);
  }

  public JsonObject send(String type, JsonObject fields) throws InterruptedException {
    JsonObject message = fields.copy().put("type", type);
    if (!message.containsKey("id")) {
      message.put("id", UUID.randomUUID().toString());
    }
    return live.reply(live.request(message));
  }

  @Override
  public void close() {
    live.close();
  }
}
