package nl.dialoogtafel.http;

import io.vertx.ext.web.RoutingContext;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import nl.dialoogtafel.i18n.Messages;

/**
 * Which host names this server answers to: those of {@code DIALOOG_PUBLIC_URL} and
 * {@code DIALOOG_ORIGINS}, {@code localhost}, and any IP address. DNS rebinding needs a name the
 * attacker controls that points at us; a request addressed by IP address came from a page of that
 * very address, so it is one of ours (a laptop in a room is reached by its LAN address). The port
 * is not compared: the name is what an attacker controls.
 */
public final class HostPolicy {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("\\[?[0-9a-f:.]*:[0-9a-f:.]*]?");

  private final Set<String> names = new HashSet<>(Set.of("localhost"));

  public HostPolicy(Optional<String> publicUrl, List<String> extraOrigins) {
    publicUrl.map(HostPolicy::hostOf).ifPresent(names::add);
    extraOrigins.stream().map(HostPolicy::hostOf).forEach(names::add);
  }

  /** Route handler: lets a request for one of our names through, answers 421 otherwise. */
  public void check(RoutingContext ctx) {
    var authority = ctx.request().authority();
    if (authority != null && allows(authority.host())) {
      ctx.next();
      return;
    }
    // The asked name is not echoed: the answer says what to configure, nothing more.
    if (ctx.normalizedPath().startsWith("/api/")) {
      ApiReplies.error(ctx, 421, "misdirected", "host_unknown", null);
    } else {
      ctx.response().setStatusCode(421).putHeader("Content-Type", "text/plain; charset=utf-8")
          .putHeader("Cache-Control", "no-store")
          .end(Messages.text(ApiReplies.language(ctx), "error.host_unknown"));
    }
  }

  boolean allows(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    return names.contains(name) || IPV4.matcher(name).matches() || IPV6.matcher(name).matches();
  }

  /** The host name of a URL or origin, without scheme, port, path or brackets' case. */
  private static String hostOf(String url) {
    String rest = url.trim().toLowerCase(Locale.ROOT);
    int scheme = rest.indexOf("://");
    rest = scheme < 0 ? rest : rest.substring(scheme + 3);
    int path = rest.indexOf('/');
    rest = path < 0 ? rest : rest.substring(0, path);
    int port = rest.lastIndexOf(':');
    return port > rest.lastIndexOf(']') ? rest.substring(0, port) : rest;
  }
}
