package nl.dialoogtafel.accounts;

import nl.dialoogtafel.http.Account;
import nl.dialoogtafel.http.ApiReplies;
import nl.dialoogtafel.http.Bodies;
import nl.dialoogtafel.http.ClientAddress;
import nl.dialoogtafel.http.OriginPolicy;
import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Who is calling: a login cookie (HttpOnly, SameSite=Strict) or an {@code Authorization: Bearer}
 * API token. A cookie-borne change must come from our own origin, so no other site can ride it.
 */
public final class Auth {

  private static final Logger LOG = Logger.getLogger(Auth.class.getName());
  static final String COOKIE = "dt_session";
  private static final String ACCOUNT = "account";
  private static final Duration LOGIN_LIFETIME = Duration.ofHours(12);
  private static final Duration API_TOKEN_LIFETIME = Duration.ofDays(365);

  private final AccountStore accounts;
  private final LoginThrottle throttle = new LoginThrottle();
  private final OriginPolicy origins;
  private final boolean secureCookie;

  public Auth(AccountStore accounts, OriginPolicy origins, boolean secureCookie) {
    this.accounts = accounts;
    this.origins = origins;
    this.secureCookie = secureCookie;
  }

  public static Account account(RoutingContext ctx) {
    return ctx.get(ACCOUNT);
  }

  public static void remember(RoutingContext ctx, Account account) {
    ctx.put(ACCOUNT, account);
  }

  /**
   * Route handler before {@code POST /api/login} and {@code /api/logout}: only JSON from our own
   * origin. A page on another site can post a form (text/plain, urlencoded) without asking, but
   * not JSON, and its Origin gives it away: no one is logged in or out from elsewhere.
   */
  public void ownSiteJson(RoutingContext ctx) {
    if (!origins.allows(ctx.request(), true)) {
      ApiReplies.error(ctx, 403, "forbidden", "origin", null);
    } else if (!isJson(ctx.request().getHeader("Content-Type"))) {
      ApiReplies.error(ctx, 415, "unsupported_media_type", "json_required", null);
    } else {
      ctx.next();
    }
  }

  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    int parameters = contentType.indexOf(';');
    String type = (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim();
    return type.equalsIgnoreCase("application/json");
  }

  /** {@code POST /api/login}: throttled per account and per address before the password is hashed. */
  public void login(RoutingContext ctx) {
    JsonObject body = Bodies.object(ctx);
    if (body == null) {
      return;
    }
    String username = body.getValue("username") instanceof String u ? u.trim() : "";
    String password = body.getValue("password") instanceof String p ? p : "";
    signIn(ctx, username, password).onSuccess(outcome -> {
      if (outcome.retryAfter() > 0) {
        ctx.response().putHeader("Retry-After", String.valueOf(outcome.retryAfter()));
        ApiReplies.error(ctx, 429, "rate_limited", "login_throttled", null, outcome.retryAfter());
      } else if (outcome.account() == null) {
        ApiReplies.error(ctx, 401, "unauthorized", "login_failed", null);
      } else {
        ApiReplies.json(ctx, 200, new JsonObject().put("username", username));
      }
    }).onFailure(e -> ApiReplies.failure(ctx, e));
  }

  /** How a login attempt ended: an account (cookie set), a refusal, or a wait in seconds. */
  public record SignIn(Account account, long retryAfter) {}

  /**
   * The one login path, for the API and the archive's form: throttled per account and per
   * address before the password is hashed; on success the login cookie is set on the response.
   */
  public Future<SignIn> signIn(RoutingContext ctx, String username, String password) {
    if (username.isEmpty() || username.length() > 80 || password.isEmpty() || password.length() > 200) {
      return Future.succeededFuture(new SignIn(null, 0));
    }
    String address = ClientAddress.of(ctx) == null ? "?" : ClientAddress.of(ctx);
    LoginThrottle.Verdict verdict = throttle.attempt(username, address);
    if (verdict.retryAfter() > 0) {
      return Future.succeededFuture(new SignIn(null, verdict.retryAfter()));
    }
    // An account under attack answers a little later, from every address; it is never refused.
    Future<?> slowed = verdict.delayMillis() > 0
        ? ctx.vertx().timer(verdict.delayMillis(), TimeUnit.MILLISECONDS) : Future.succeededFuture();
    return slowed.compose(v -> accounts.check(username, password)).compose(found -> {
      if (found.isEmpty()) {
        logFailure(username, address);
        return Future.succeededFuture(new SignIn(null, 0));
      }
      throttle.succeeded(username, address);
      return accounts.issueToken(found.get(), "cookie", Instant.now().plus(LOGIN_LIFETIME)).map(token -> {
        ctx.response().addCookie(Cookie.cookie(COOKIE, token).setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
            .setPath("/").setSecure(secureCookie).setMaxAge(LOGIN_LIFETIME.toSeconds()));
        return new SignIn(found.get(), 0);
      });
    });
  }

  /**
   * One line per failed login for the admin: the address and how often it failed, the name only
   * as a short hash (a password typed into the name field must not land in the log). An admin
   * finds a name's hash with {@code printf %s NAME | sha256sum | cut -c1-8}.
   */
  private void logFailure(String username, String address) {
    LoginThrottle.Counts counts = throttle.counts(username, address);
    LOG.info(String.format(Locale.ROOT,
        "Login failed for account #%s from %s; failures in 15 min: %d/%d at this account from there, "
            + "%d/%d from there, %d at this account", nameHash(username), address, counts.pair(),
        LoginThrottle.PAIR_FAILURES, counts.address(), LoginThrottle.ADDRESS_FAILURES, counts.account()));
  }

  static String nameHash(String username) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(username.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Who sent this request (login cookie or Bearer token), if anyone; no Origin check here. */
  public Future<Optional<Account>> identify(RoutingContext ctx) {
    String token = presentedToken(ctx);
    return token == null ? Future.succeededFuture(Optional.empty()) : accounts.byToken(token);
  }

  /** True when a state-changing request may be carried out: a Bearer token, or our own Origin. */
  public boolean sameSiteChange(RoutingContext ctx) {
    return bearer(ctx) != null || origins.allows(ctx.request(), true);
  }

  public void logout(RoutingContext ctx) {
    signOut(ctx).onComplete(done -> ApiReplies.json(ctx, 200, new JsonObject().put("ok", true)));
  }

  /** Revokes the login cookie's token and clears the cookie. */
  public Future<Void> signOut(RoutingContext ctx) {
    Cookie cookie = ctx.request().getCookie(COOKIE);
    Future<Void> revoked = cookie == null ? Future.succeededFuture() : accounts.revoke(cookie.getValue());
    return revoked.otherwiseEmpty().onComplete(done -> ctx.response().addCookie(Cookie.cookie(COOKIE, "")
        .setPath("/").setMaxAge(0).setHttpOnly(true).setSameSite(CookieSameSite.STRICT)));
  }

  /** {@code POST /api/tokens}: an API token for scripts, shown once. */
  public void issueApiToken(RoutingContext ctx) {
    accounts.issueToken(account(ctx), "api", Instant.now().plus(API_TOKEN_LIFETIME))
        .onSuccess(token -> ApiReplies.json(ctx, 201, new JsonObject().put("token", token)))
        .onFailure(e -> ApiReplies.failure(ctx, e));
  }

  public void me(RoutingContext ctx) {
    Account account = account(ctx);
    ApiReplies.json(ctx, 200, new JsonObject().put("username", account.username()).put("role", account.role())
        .put("municipalities", new io.vertx.core.json.JsonArray(account.municipalities())));
  }

  /** The secret this request logged in with: its Bearer token, else its login cookie; null without either. */
  static String presentedToken(RoutingContext ctx) {
    String bearer = bearer(ctx);
    Cookie cookie = ctx.request().getCookie(COOKIE);
    return bearer != null ? bearer : cookie == null ? null : cookie.getValue();
  }

  /** Route handler: lets authenticated facilitators through, answers 401 or 403 otherwise. */
  public void requireFacilitator(RoutingContext ctx) {
    String bearer = bearer(ctx);
    String token = presentedToken(ctx);
    if (token == null) {
      ApiReplies.error(ctx, 401, "unauthorized", "login_required", null);
      return;
    }
    if (bearer == null && changesState(ctx.request().method()) && !origins.allows(ctx.request(), true)) {
      ApiReplies.error(ctx, 403, "forbidden", "origin", null);
      return;
    }
    accounts.byToken(token).onSuccess(found -> {
      if (found.isEmpty()) {
        ApiReplies.error(ctx, 401, "unauthorized", "login_required", null);
      } else if (!found.get().canFacilitate()) {
        ApiReplies.error(ctx, 403, "forbidden", "forbidden", null);
      } else {
        ctx.put(ACCOUNT, found.get());
        ctx.next();
      }
    }).onFailure(e -> ApiReplies.failure(ctx, e));
  }

  private static String bearer(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
  }

  private static boolean changesState(HttpMethod method) {
    return !(method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS);
  }
}
