package nl.dialoogtafel.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whose request this is, for the per-address limits (the WebSocket door, the login throttle).
 * Normally the peer of the connection. Behind a reverse proxy every client has the proxy's
 * address, so for peers named in {@code DIALOOG_TRUSTED_PROXIES} the last address in
 * {@code X-Forwarded-For} counts instead: the one that proxy saw (the deploy/haproxy.cfg proxy
 * replaces whatever the client sent). Anyone else's header is ignored: a client could write any
 * address into it. Resolved once per request, first of all routes.
 */
public final class ClientAddress implements Handler<RoutingContext> {

  private static final String KEY = "dialoogtafel.clientAddress";
  private static final Pattern IP = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9a-fA-F:.]{2,45}");

  private final Set<String> trusted;

  public ClientAddress(List<String> trustedProxies) {
    this.trusted = Set.copyOf(trustedProxies);
  }

  @Override
  public void handle(RoutingContext ctx) {
    ctx.put(KEY, resolve(ctx.request()));
    ctx.next();
  }

  /** The client's address as resolved for this request (the peer's when no route resolved it). */
  public static String of(RoutingContext ctx) {
    String resolved = ctx.get(KEY);
    return resolved != null ? resolved : peer(ctx.request());
  }

  String resolve(HttpServerRequest request) {
    String peer = peer(request);
    if (peer == null || !trusted.contains(peer)) {
      return peer;
    }
    String forwarded = request.getHeader("X-Forwarded-For");
    if (forwarded == null || forwarded.length() > 2000) {
      return peer;
    }
    String last = forwarded.substring(forwarded.lastIndexOf(',') + 1).trim();
    return IP.matcher(last).matches() ? last : peer;
  }

  private static String peer(HttpServerRequest request) {
    return request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
  }
}
