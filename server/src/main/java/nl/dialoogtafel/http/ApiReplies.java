package nl.dialoogtafel.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.logging.Logger;
import nl.dialoogtafel.i18n.Messages;

/** JSON answers of the HTTP API, with the same error codes and sentences as the live protocol. */
public final class ApiReplies {

  private static final Logger LOG = Logger.getLogger(ApiReplies.class.getName());

  private ApiReplies() {}

  public static void json(RoutingContext ctx, int status, Object body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(body instanceof JsonObject json ? json.encode() : io.vertx.core.json.Json.encode(body));
  }

  public static void error(RoutingContext ctx, int status, String code, String reason, String field, Object... args) {
    JsonObject body = new JsonObject().put("error", code)
        .put("message", Messages.text(language(ctx), "error." + reason, args));
    if (field != null) {
      body.put("field", field);
    }
    json(ctx, status, body);
  }

  public static void failure(RoutingContext ctx, Throwable failure) {
    if (failure instanceof Refusal p) {
      error(ctx, status(p.code()), p.code(), p.reason(), p.field(), p.args());
      return;
    }
    LOG.warning("API request failed: " + failure.getClass().getName());
    error(ctx, 503, "unavailable", "unavailable", null);
  }

  public static String language(RoutingContext ctx) {
    String lang = ctx.request().getParam("lang");
    return Messages.language(lang != null ? lang : ctx.request().getHeader("Accept-Language"));
  }

  private static int status(String code) {
    return switch (code) {
      case "invalid", "bad_request", "privacy" -> 400;
      case "forbidden" -> 403;
      case "not_found", "unknown_session" -> 404;
      case "session_closed", "session_locked" -> 409;
      case "conflict" -> 409;
      case "too_large" -> 413;
      case "rate_limited" -> 429;
      default -> 503;
    };
  }
}
