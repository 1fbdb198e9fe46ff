package nl.dialoogtafel.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Reads a JSON object body, or answers 400 with a sentence and returns null. */
public final class Bodies {

  private Bodies() {}

  public static JsonObject object(RoutingContext ctx) {
    try {
      JsonObject body = ctx.body().asJsonObject();
      if (body != null) {
        return body;
      }
    } catch (RuntimeException notJson) {
      // answered below
    }
    ApiReplies.error(ctx, 400, "bad_request", "bad_body", null);
    return null;
  }
}
