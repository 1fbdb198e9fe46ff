package nl.dialoogtafel.archive.pages;

import nl.dialoogtafel.http.Account;
import nl.dialoogtafel.accounts.Auth;
import nl.dialoogtafel.http.PageRenderer;
import nl.dialoogtafel.http.PageReplies;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.dialoogtafel.archive.ArchiveAccess;
import nl.dialoogtafel.archive.ArchiveIndex;
import nl.dialoogtafel.archive.Dates;
import nl.dialoogtafel.archive.FollowUp;
import nl.dialoogtafel.archive.FollowUpStore;
import nl.dialoogtafel.archive.IndexEntry;
import nl.dialoogtafel.archive.RecurringKnelpunten;

/**
 * {@code /archief/knelpunten}: every knelpunt raised in the sessions this account may read, with
 * what the municipality did with it, newest session first; filter by status ("geen" for not yet
 * answered) and municipality. The loop from the room to the wethouder and back, on one page; above
 * it the recurring themes ({@link RecurringKnelpunten}): what keeps coming back, where and when.
 */
public final class FollowUpsPage {

  private final PageRenderer pages;
  private final ArchiveIndex index;
  private final FollowUpStore followups;
  private final RecurringKnelpunten recurring;

  public FollowUpsPage(PageRenderer pages, ArchiveIndex index, FollowUpStore followups,
      RecurringKnelpunten recurring) {
    this.recurring = recurring;
    this.pages = pages;
    this.index = index;
    this.followups = followups;
  }

  /** One row: the knelpunt, its session, and the answer (null when none yet). */
  public record Row(IndexEntry session, IndexEntry.IndexedPost knelpunt, FollowUp followUp) {}

  public void show(RoutingContext ctx) {
    Account account = Auth.account(ctx);
    String lang = PageReplies.language(ctx);
    String status = ArchiveListPage.param(ctx, "status", 20);
    String municipality = ArchiveListPage.param(ctx, "gemeente", 80);
    Map<String, Object> model = PageRenderer.base(account, "/archief/knelpunten");
    index.closed(s -> ArchiveAccess.mayRead(account, s)
            && (municipality.isEmpty() || Account.key(municipality).equals(Account.key(s.info().municipality()))))
        .compose(entries -> followups.forSessions(entries.stream().map(IndexEntry::id).toList()).map(answers -> {
          List<Row> rows = new ArrayList<>();
          entries.stream().sorted((a, b) -> b.closedAt().compareTo(a.closedAt())).forEach(entry -> {
            for (IndexEntry.IndexedPost post : entry.posts()) {
              FollowUp f = answers.get(post.id());
              boolean wanted = status.isEmpty() || (status.equals("geen") ? f == null
                  : f != null && f.status().equals(status));
              if ("barrier".equals(post.kind()) && wanted) {
                rows.add(new Row(entry, post, f));
              }
            }
          });
          return rows;
        }))
        .compose(rows -> recurring.themes(account, municipality).map(themes -> {
          model.put("themes", themes);
          return rows;
        }))
        .compose(rows -> {
          model.put("rows", rows);
          model.put("status", status);
          model.put("gemeente", municipality);
          model.put("statuses", FollowUp.STATUSES);
          model.put("dates", Dates.of(lang));
          model.put("langUrl", PageReplies.switchLanguageUrl(ctx, lang));
          return pages.page("followups", lang, model);
        })
        .onSuccess(html -> PageReplies.html(ctx, 200, html))
        .onFailure(e -> PageReplies.failure(ctx, pages, account, e));
  }
}
