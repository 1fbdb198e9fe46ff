package nl.dialoogtafel.http;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.logging.Logger;
import nl.dialoogtafel.i18n.Messages;

/**
 * HTML answers of the archive: the reader's language (a {@code ?lang=} choice is remembered in a
 * cookie), redirects, and the error page in words a reader understands.
 */
public final class PageReplies {

  private static final Logger LOG = Logger.getLogger(PageReplies.class.getName());
  static final String LANG_COOKIE = "dt_lang";

  private PageReplies() {}

  public static String language(RoutingContext ctx) {
    String asked = ctx.request().getParam("lang");
    if (asked != null) {
      String lang = Messages.language(asked);
      ctx.response().addCookie(Cookie.cookie(LANG_COOKIE, lang).setPath("/").setMaxAge(365L * 24 * 3600)
          .setSameSite(CookieSameSite.LAX));
      return lang;
    }
    Cookie cookie = ctx.request().getCookie(LANG_COOKIE);
    return Messages.language(cookie == null ? null : cookie.getValue());
  }

  /** The current address with the other language chosen, keeping the other query parameters. */
  public static String switchLanguageUrl(RoutingContext ctx, String current) {
    StringBuilder url = new StringBuilder(ctx.request().path()).append("?lang=")
        .append(Messages.ENGLISH.equals(current) ? Messages.DUTCH : Messages.ENGLISH);
    ctx.queryParams().forEach((name, value) -> {
      if (!name.equals("lang")) {
        url.append('&').append(encode(name)).append('=').append(encode(value));
      }
    });
    return url.toString();
  }

  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  public static void html(RoutingContext ctx, int status, String html) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Cache-Control", "no-store").end(html);
  }

  public static void redirect(RoutingContext ctx, String location) {
    ctx.response().setStatusCode(303).putHeader("Location", location).putHeader("Cache-Control", "no-store").end();
  }

  /** A small page with a heading and one sentence: 403, 404, 503. */
  public static void error(RoutingContext ctx, PageRenderer pages, Account account, int status, String reason) {
    String lang = language(ctx);
    Map<String, Object> model = PageRenderer.base(account, ctx.request().path());
    model.put("status", status);
    model.put("reason", reason);
    model.put("langUrl", switchLanguageUrl(ctx, lang));
    pages.page("error", lang, model).onSuccess(page -> html(ctx, status, page)).onFailure(e -> {
      LOG.warning("error page failed: " + e.getClass().getName());
      ctx.response().setStatusCode(status).putHeader("Content-Type", "text/plain; charset=utf-8")
          .end(Messages.text(lang, "page.error." + reason));
    });
  }

  public static void failure(RoutingContext ctx, PageRenderer pages, Account account, Throwable failure) {
    LOG.warning("archive request failed: " + failure.getClass().getName()
        + (failure instanceof IllegalStateException ? " " + failure.getMessage() : ""));
    error(ctx, pages, account, 503, "unavailable");
  }
}
