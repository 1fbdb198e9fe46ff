package nl.dialoogtafel.support;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;

/** The admin, logged in to the facilitator API of a {@link TestServer}, with a Vert.x for its phones. */
public final class Facilitator {

  private final TestServer server;
  private final Vertx vertx;
  private final String cookie;

  public Facilitator(TestServer server, Vertx vertx, String cookie) {
    this.server = server;
    this.vertx = vertx;
    this.cookie = cookie;
  }

  public TestServer server() {
    return server;
  }

  public Vertx vertx() {
    return vertx;
  }

  /** The session cookie ("name=value"). */
  public String cookie() {
    return cookie;
  }

  /** A new transformatiedialoog, already in the phase "verhalen" so phones can post at once. */
  public JsonObject storySession() throws Exception {
    JsonObject session = server.createSession(cookie);
    server.startPhase(cookie, session.getString("id"), "verhalen");
    return session;
  }

  /** A script to drive a new session with. */
  public SessionScript script() {
    return new SessionScript(server, vertx, cookie);
  }

  public HttpResponse<String> post(String path, JsonObject body) throws Exception {
    return server.post(path, cookie, body);
  }

  public HttpResponse<String> get(String path) throws Exception {
    return server.get(path, cookie);
  }
}
