package nl.dialoogtafel.http;

import io.vertx.core.http.HttpServerRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which pages may talk to this server from a browser: the server's own origin (as the browser
 * addressed it), the public URL, and the configured extra origins.
 */
public final class OriginPolicy {

  private final Set<String> configured = new HashSet<>();

  public OriginPolicy(Optional<String> publicUrl, List<String> extraOrigins) {
    publicUrl.map(OriginPolicy::originOf).ifPresent(configured::add);
    extraOrigins.stream().map(OriginPolicy::originOf).forEach(configured::add);
  }

  /** True when the request's Origin is our own or allowed; {@code requireOrigin} refuses a missing one. */
  public boolean allows(HttpServerRequest request, boolean requireOrigin) {
    String origin = request.getHeader("Origin");
    if (origin == null) {
      return !requireOrigin;
    }
    String normalized = originOf(origin);
    return isOwn(request, normalized) || configured.contains(normalized);
  }

  private static boolean isOwn(HttpServerRequest request, String origin) {
    // authority() is the Host header in HTTP/1.1 and :authority in HTTP/2.
    var authority = request.authority();
    if (authority == null) {
      return false;
    }
    String host = authority.port() > 0 ? authority.host() + ":" + authority.port() : authority.host();
    String lowerHost = host.toLowerCase(Locale.ROOT);
    return origin.equals("http://" + lowerHost) || origin.equals("https://" + lowerHost);
  }

  private static String originOf(String url) {
    String lower = url.trim().toLowerCase(Locale.ROOT);
    int scheme = lower.indexOf("://");
    int path = scheme < 0 ? -1 : lower.indexOf('/', scheme + 3);
    return path < 0 ? lower : lower.substring(0, path);
  }
}
