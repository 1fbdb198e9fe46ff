package nl.dialoogtafel.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.dialoogtafel.cluster.ClusterConfig;

/**
 * Everything the server can be told from outside, read once from the environment at start-up.
 * No default account and no default password exist: {@code DIALOOG_ADMIN} must be given.
 */
public record Settings(
    String host,
    int port,
    Path dataDir,
    Optional<String> mongoUri,
    Optional<String> adminUser,
    Optional<String> adminPassword,
    List<String> extraOrigins,
    Optional<String> publicUrl,
    Optional<Path> templatesDir,
    Duration retention,
    int eventLoops,
    int sessionsPerDay,
    int socketsPerAddress,
    Optional<String> metricsToken,
    Optional<ClusterConfig> cluster,
    List<String> trustedProxies) {

  public static Settings fromEnvironment() {
    return from(System.getenv());
  }

  public static Settings from(Map<String, String> env) {
    String admin = blankToNull(env.get("DIALOOG_ADMIN"));
    Optional<String> adminUser = Optional.empty();
    Optional<String> adminPassword = Optional.empty();
    if (admin != null) {
      int colon = admin.indexOf(':');
      if (colon <= 0 || colon == admin.length() - 1) {
        throw new IllegalArgumentException("DIALOOG_ADMIN moet de vorm gebruiker:wachtwoord hebben");
      }
      adminUser = Optional.of(admin.substring(0, colon));
      adminPassword = Optional.of(admin.substring(colon + 1));
      // The same rule as a password set through the accounts API: the first account is no weaker.
      int length = adminPassword.get().length();
      if (length < 12 || length > 200) {
        throw new IllegalArgumentException("Het wachtwoord in DIALOOG_ADMIN moet 12 tot 200 tekens lang zijn");
      }
    }
    String origins = env.getOrDefault("DIALOOG_ORIGINS", "");
    return new Settings(
        env.getOrDefault("HOST", "0.0.0.0"),
        port(env.getOrDefault("PORT", "8080")),
        Path.of(env.getOrDefault("DIALOOG_DATA_DIR", "./data")),
        Optional.ofNullable(blankToNull(env.get("MONGODB_URI"))),
        adminUser,
        adminPassword,
        Arrays.stream(origins.split(",")).map(String::trim).filter(s -> !s.isEmpty())
            .map(Settings::stripSlash).toList(),
        Optional.ofNullable(blankToNull(env.get("DIALOOG_PUBLIC_URL"))).map(Settings::stripSlash),
        Optional.ofNullable(blankToNull(env.get("DIALOOG_TEMPLATES_DIR"))).map(Path::of),
        Duration.ofDays(retentionDays(env.getOrDefault("DIALOOG_RETENTION_DAYS", "365"))),
        eventLoops(env.getOrDefault("DIALOOG_EVENT_LOOPS", String.valueOf(Runtime.getRuntime().availableProcessors()))),
        whole("DIALOOG_SESSIONS_PER_DAY", env.getOrDefault("DIALOOG_SESSIONS_PER_DAY", "50"), 1, 10_000),
        // A room of 300 behind one NAT must fit, with room to spare for tabs and reconnects.
        whole("DIALOOG_WS_PER_ADDRESS", env.getOrDefault("DIALOOG_WS_PER_ADDRESS", "1000"), 1, 1_000_000),
        Optional.ofNullable(blankToNull(env.get("DIALOOG_METRICS_TOKEN"))).map(Settings::metricsToken),
        cluster(env),
        trustedProxies(env.getOrDefault("DIALOOG_TRUSTED_PROXIES", "")));
  }

  public Settings withPort(int newPort) {
    return new Settings(host, newPort, dataDir, mongoUri, adminUser, adminPassword, extraOrigins, publicUrl,
        templatesDir, retention, eventLoops, sessionsPerDay, socketsPerAddress, metricsToken, cluster, trustedProxies);
  }

  /** The same settings with the live sessions on {@code loops} event loops. */
  public Settings withEventLoops(int loops) {
    return new Settings(host, port, dataDir, mongoUri, adminUser, adminPassword, extraOrigins, publicUrl,
        templatesDir, retention, loops, sessionsPerDay, socketsPerAddress, metricsToken, cluster, trustedProxies);
  }

  /**
   * Clustered mode, off unless {@code DIALOOG_CLUSTER_MEMBERS} names members. The nodes share one
   * store, so a cluster without {@code MONGODB_URI} is refused: each node's own embedded store
   * would hold a different record.
   */
  private static Optional<ClusterConfig> cluster(Map<String, String> env) {
    String members = blankToNull(env.get("DIALOOG_CLUSTER_MEMBERS"));
    if (members == null) {
      return Optional.empty();
    }
    if (blankToNull(env.get("MONGODB_URI")) == null) {
      throw new IllegalArgumentException("DIALOOG_CLUSTER_MEMBERS is gezet, maar MONGODB_URI niet: de nodes van een "
          + "cluster delen één database. Start die (een MongoDB-replicaset, of `java -jar dialoogtafel.jar store`) "
          + "en zet MONGODB_URI bij elke node.");
    }
    List<String> list = Arrays.stream(members.split(",")).map(String::trim).filter(m -> !m.isEmpty()).toList();
    if (list.isEmpty() || list.size() > 64 || !list.stream().allMatch(Settings::hostAndPort)) {
      throw new IllegalArgumentException("DIALOOG_CLUSTER_MEMBERS moet een lijst host:poort zijn, gescheiden door "
          + "komma's (bijvoorbeeld 10.0.0.1:5701,10.0.0.2:5701), niet: " + members);
    }
    String host = env.getOrDefault("DIALOOG_CLUSTER_HOST", "127.0.0.1").trim();
    if (!IP_ADDRESS.matcher(host).matches()) {
      throw new IllegalArgumentException("DIALOOG_CLUSTER_HOST moet een IP-adres van deze machine zijn, niet: " + host);
    }
    int port = whole("DIALOOG_CLUSTER_PORT", env.getOrDefault("DIALOOG_CLUSTER_PORT", "5701"), 1, 65534);
    return Optional.of(new ClusterConfig(list, host, port));
  }

  private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9a-fA-F:]{2,39}");

  private static boolean hostAndPort(String member) {
    int colon = member.lastIndexOf(':');
    if (colon <= 0 || colon > 253) {
      return false;
    }
    try {
      int port = Integer.parseInt(member.substring(colon + 1));
      return port > 0 && port < 65536 && member.substring(0, colon).matches("[A-Za-z0-9.\\-\\[\\]:]+");
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * Addresses of reverse proxies whose {@code X-Forwarded-For} is believed (default: none). Behind
   * HAProxy every client has the proxy's address; naming it here gives the per-address limits the
   * phones' own addresses back.
   */
  private static List<String> trustedProxies(String value) {
    List<String> list = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    if (list.size() > 64 || !list.stream().allMatch(a -> IP_ADDRESS.matcher(a).matches())) {
      throw new IllegalArgumentException("DIALOOG_TRUSTED_PROXIES moet een lijst IP-adressen zijn, gescheiden door "
          + "komma's, niet: " + value);
    }
    return list;
  }

  /** Days a closed session keeps names and contact details; 0 means: removed at the next run. */
  private static long retentionDays(String value) {
    try {
      long days = Long.parseLong(value.trim());
      if (days < 0 || days > 36_500) {
        throw new NumberFormatException();
      }
      return days;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("DIALOOG_RETENTION_DAYS moet een aantal dagen zijn (0–36500), niet: " + value);
    }
  }

  /**
   * The bearer token {@code GET /metrics} asks for (unset: no /metrics). Long enough not to be
   * guessed, and only characters a header carries as they are (RFC 6750's token characters).
   */
  private static String metricsToken(String value) {
    String token = value.trim();
    if (token.length() < 32 || token.length() > 200 || !token.matches("[A-Za-z0-9._~+/=-]+")) {
      throw new IllegalArgumentException("DIALOOG_METRICS_TOKEN moet 32 tot 200 tekens lang zijn, alleen letters,"
          + " cijfers en - . _ ~ + / = (bijvoorbeeld: openssl rand -hex 32)");
    }
    return token;
  }

  /** Event loops that serve HTTP and hold live sessions: one per core unless told otherwise. */
  private static int eventLoops(String value) {
    return whole("DIALOOG_EVENT_LOOPS", value, 1, 256);
  }

  private static int port(String value) {
    return whole("PORT", value, 0, 65535);
  }

  private static int whole(String name, String value, int min, int max) {
    try {
      int number = Integer.parseInt(value.trim());
      if (number < min || number > max) {
        throw new NumberFormatException();
      }
      return number;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " moet een getal tussen " + min + " en " + max + " zijn, niet: " + value);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
