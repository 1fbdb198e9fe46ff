package nl.dialoogtafel.archive.pages;

import nl.dialoogtafel.http.Account;
import nl.dialoogtafel.accounts.Auth;
import nl.dialoogtafel.http.PageRenderer;
import nl.dialoogtafel.http.PageReplies;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import nl.dialoogtafel.archive.ArchiveSearch;
import nl.dialoogtafel.archive.Dates;
import nl.dialoogtafel.templates.TemplateCatalog;

/**
 * {@code /archief}: the closed sessions this account may read, newest first, with filters
 * (gemeente, werkgemeenschap, thema, van, tot) and a search over the words of stories and
 * knelpunten ({@code q}). Parameters are cut to size; a date that is not a date is said so.
 */
public final class ArchiveListPage {

  private final PageRenderer pages;
  private final ArchiveSearch search;
  private final TemplateCatalog templates;

  public ArchiveListPage(PageRenderer pages, ArchiveSearch search, TemplateCatalog templates) {
    this.pages = pages;
    this.search = search;
    this.templates = templates;
  }

  public void show(RoutingContext ctx) {
    Account account = Auth.account(ctx);
    String lang = PageReplies.language(ctx);
    Map<String, Object> model = PageRenderer.base(account, "/archief");
    String q = param(ctx, "q", 200);
    String municipality = param(ctx, "gemeente", 80);
    String community = param(ctx, "werkgemeenschap", 120);
    String template = param(ctx, "thema", 64);
    LocalDate from = date(ctx, "van", model);
    LocalDate to = date(ctx, "tot", model);
    model.put("q", q);
    model.put("gemeente", municipality);
    model.put("werkgemeenschap", community);
    model.put("thema", template);
    model.put("van", from == null ? "" : from.toString());
    model.put("tot", to == null ? "" : to.toString());
    model.put("themes", templates.all());
    model.put("dates", Dates.of(lang));
    model.put("langUrl", PageReplies.switchLanguageUrl(ctx, lang));
    model.put("searched", !q.isEmpty());
    search.search(account, new ArchiveSearch.Query(q, municipality, community, template, from, to))
        .compose(hits -> {
          model.put("hits", hits);
          model.put("limited", hits.size() >= ArchiveSearch.MAX_RESULTS);
          return pages.page("archive", lang, model);
        })
        .onSuccess(html -> PageReplies.html(ctx, 200, html))
        .onFailure(e -> PageReplies.failure(ctx, pages, account, e));
  }

  static String param(RoutingContext ctx, String name, int max) {
    String value = ctx.request().getParam(name);
    if (value == null) {
      return "";
    }
    String trimmed = value.strip().replaceAll("\\p{Cntrl}", " ");
    return trimmed.length() > max ? trimmed.substring(0, max) : trimmed;
  }

  static LocalDate date(RoutingContext ctx, String name, Map<String, Object> model) {
    String value = param(ctx, name, 10);
    if (value.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      model.put("problem", "bad_date");
      return null;
    }
  }
}
