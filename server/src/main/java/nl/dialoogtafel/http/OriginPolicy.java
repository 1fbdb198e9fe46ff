package nl.dialoogtafel.http;

import io.vertx.core.http.HttpServerRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which pages may talk to this server from a browser: the server's own origin (the scheme it
 * speaks and the host and port the browser addressed), the public URL, and the configured extra
 * origins. An origin is scheme, host and port: {@code http://host} is not {@code https://host}.
 */
public final class OriginPolicy {

  private final Set<String> configured = new HashSet<>();
  private final Optional<String> publicHost;

  public OriginPolicy(Optional<String> publicUrl, List<String> extraOrigins) {
    publicUrl.map(OriginPolicy::originOf).ifPresent(configured::add);
    extraOrigins.stream().map(OriginPolicy::originOf).forEach(configured::add);
    publicHost = publicUrl.map(OriginPolicy::originOf).map(OriginPolicy::hostOf);
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

  private boolean isOwn(HttpServerRequest request, String origin) {
    // authority() is the Host header in HTTP/1.1 and :authority in HTTP/2.
    var authority = request.authority();
    // Addressed by the public URL's name: only that URL's origin (its scheme) counts, not a guess.
    if (authority == null || publicHost.filter(authority.host().toLowerCase(Locale.ROOT)::equals).isPresent()) {
      return false;
    }
    String host = authority.port() > 0 ? authority.host() + ":" + authority.port() : authority.host();
    // The scheme this server speaks (no proxy header is trusted): behind a TLS proxy the browser's
    // https origin is allowed through DIALOOG_PUBLIC_URL or DIALOOG_ORIGINS.
    String scheme = request.isSSL() ? "https" : "http";
    return origin.equals(scheme + "://" + host.toLowerCase(Locale.ROOT));
  }

  /** The host name of an origin: no scheme, no port. */
  private static String hostOf(String origin) {
    int scheme = origin.indexOf("://");
    String authority = scheme < 0 ? origin : origin.substring(scheme + 3);
    int port = authority.lastIndexOf(':');
    return port > authority.lastIndexOf(']') ? authority.substring(0, port) : authority;
  }

  private static String originOf(String url) {
    String lower = url.trim().toLowerCase(Locale.ROOT);
    int scheme = lower.indexOf("://");
    int path = scheme < 0 ? -1 : lower.indexOf('/', scheme + 3);
    return path < 0 ? lower : lower.substring(0, path);
  }
}
