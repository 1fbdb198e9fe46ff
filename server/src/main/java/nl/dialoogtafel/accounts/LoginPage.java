package nl.dialoogtafel.accounts;

import nl.dialoogtafel.http.PageRenderer;
import nl.dialoogtafel.http.PageReplies;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * {@code /login}: a plain form for readers and facilitators, posting to itself. The same Argon2
 * check and throttle as {@code POST /api/login}; the form POST must carry our own Origin (the
 * cookie is SameSite=Strict as well), so no other site can log someone in or out.
 */
public final class LoginPage {

  private final Auth auth;
  private final PageRenderer pages;

  public LoginPage(Auth auth, PageRenderer pages) {
    this.auth = auth;
    this.pages = pages;
  }

  public void show(RoutingContext ctx) {
    render(ctx, 200, null, "", next(ctx.request().getParam("next")));
  }

  public void submit(RoutingContext ctx) {
    if (!auth.sameSiteChange(ctx)) {
      PageReplies.error(ctx, pages, null, 403, "origin");
      return;
    }
    String username = value(ctx, "username").trim();
    String password = value(ctx, "password");
    String next = next(value(ctx, "next"));
    auth.signIn(ctx, username, password).onSuccess(outcome -> {
      if (outcome.account() != null) {
        PageReplies.redirect(ctx, next);
      } else if (outcome.retryAfter() > 0) {
        ctx.response().putHeader("Retry-After", String.valueOf(outcome.retryAfter()));
        render(ctx, 429, "login_throttled", username, next, outcome.retryAfter());
      } else {
        render(ctx, 401, "login_failed", username, next);
      }
    }).onFailure(e -> PageReplies.failure(ctx, pages, null, e));
  }

  public void logout(RoutingContext ctx) {
    if (!auth.sameSiteChange(ctx)) {
      PageReplies.error(ctx, pages, null, 403, "origin");
      return;
    }
    auth.signOut(ctx).onComplete(done -> PageReplies.redirect(ctx, "/login"));
  }

  private void render(RoutingContext ctx, int status, String problem, String username, String next, Object... args) {
    String lang = PageReplies.language(ctx);
    Map<String, Object> model = PageRenderer.base(null, "/login");
    model.put("username", username);
    model.put("next", next);
    model.put("langUrl", PageReplies.switchLanguageUrl(ctx, lang));
    if (problem != null) {
      model.put("problem", nl.dialoogtafel.i18n.Messages.text(lang, "error." + problem, args));
    }
    pages.page("login", lang, model).onSuccess(html -> PageReplies.html(ctx, status, html))
        .onFailure(e -> PageReplies.failure(ctx, pages, null, e));
  }

  private static String value(RoutingContext ctx, String name) {
    String value = ctx.request().getFormAttribute(name);
    return value == null || value.length() > 2000 ? "" : value;
  }

  /** Only a path on this site: never another host ("//evil", "/\\evil", "https://..."). */
  static String next(String asked) {
    if (asked == null || asked.length() > 500 || !asked.startsWith("/") || asked.startsWith("//")
        || asked.startsWith("/\\") || asked.chars().anyMatch(c -> c < 0x20)) {
      return "/archief";
    }
    return asked;
  }
}
