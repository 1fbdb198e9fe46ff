package nl.dialoogtafel.ops;

import io.vertx.ext.web.RoutingContext;
import nl.dialoogtafel.http.ApiReplies;
import nl.dialoogtafel.storage.Ids;

/**
 * {@code GET /metrics} for the host's Prometheus, answered only to {@code Authorization: Bearer}
 * with the node's metrics token (compared in constant time). Without a token set the route is not
 * there at all. The counts are not secret, but they tell an outsider how busy the node is and when.
 */
public final class MetricsRoute {

  private static final String BEARER = "Bearer ";
  /** What Prometheus reads: its text exposition format. */
  private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

  private final NodeMetrics metrics;
  private final String token;

  public MetricsRoute(NodeMetrics metrics, String token) {
    this.metrics = metrics;
    this.token = token;
  }

  public void handle(RoutingContext ctx) {
    String given = ctx.request().getHeader("Authorization");
    if (given == null || !given.regionMatches(true, 0, BEARER, 0, BEARER.length())
        || !Ids.sameSecret(given.substring(BEARER.length()).trim(), token)) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"dialoogtafel-metrics\"");
      ApiReplies.error(ctx, 401, "unauthorized", "metrics_token", null);
      return;
    }
    metrics.scrape()
        .onSuccess(text -> ctx.response().putHeader("Content-Type", TEXT_FORMAT).putHeader("Cache-Control", "no-store")
            .end(text))
        .onFailure(e -> ApiReplies.error(ctx, 503, "unavailable", "metrics_unavailable", null));
  }
}
