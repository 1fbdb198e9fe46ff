package nl.dialoogtafel.archive.pages;

import nl.dialoogtafel.http.Account;
import nl.dialoogtafel.accounts.Auth;
import nl.dialoogtafel.http.PageRenderer;
import nl.dialoogtafel.http.PageReplies;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import nl.dialoogtafel.archive.Dates;
import nl.dialoogtafel.archive.ReadLog;

/** {@code /archief/log}: who read which record or account, and when; for admins only. */
public final class ReadLogPage {

  static final int SHOWN = 500;

  private final PageRenderer pages;
  private final ReadLog log;

  public ReadLogPage(PageRenderer pages, ReadLog log) {
    this.pages = pages;
    this.log = log;
  }

  public void show(RoutingContext ctx) {
    Account account = Auth.account(ctx);
    if (!account.isAdmin()) {
      PageReplies.error(ctx, pages, account, 403, "admin_only");
      return;
    }
    String lang = PageReplies.language(ctx);
    log.latest(SHOWN).compose(readings -> {
      Map<String, Object> model = PageRenderer.base(account, "/archief/log");
      model.put("readings", readings);
      model.put("dates", Dates.of(lang));
      model.put("langUrl", PageReplies.switchLanguageUrl(ctx, lang));
      return pages.page("log", lang, model);
    }).onSuccess(html -> PageReplies.html(ctx, 200, html)).onFailure(e -> PageReplies.failure(ctx, pages, account, e));
  }
}
