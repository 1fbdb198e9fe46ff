package nl.dialoogtafel.archive.pages;

import nl.dialoogtafel.http.Account;
import nl.dialoogtafel.accounts.Auth;
import nl.dialoogtafel.http.PageRenderer;
import nl.dialoogtafel.http.PageReplies;
import nl.dialoogtafel.http.PdfRenderer;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.dialoogtafel.archive.AccountabilityReport;
import nl.dialoogtafel.archive.ArchiveAccess;
import nl.dialoogtafel.archive.ArchiveIndex;
import nl.dialoogtafel.archive.ArchiveRecords;
import nl.dialoogtafel.archive.Dates;
import nl.dialoogtafel.archive.FollowUpStore;
import nl.dialoogtafel.archive.IndexEntry;
import nl.dialoogtafel.archive.NarrativeRecord;
import nl.dialoogtafel.archive.ReadLog;
import nl.dialoogtafel.archive.RecordSource;
import nl.dialoogtafel.archive.RecurringKnelpunten;

/**
 * {@code /archief/verantwoording?gemeente=…&van=…&tot=…} (and {@code .pdf}): the half-year account
 * of one municipality. A reader only for their own municipalities; a facilitator sees the
 * sessions they ran. Without parameters: the reader's municipality, the last six months.
 */
public final class ReportPage {

  private static final Period LONGEST = Period.ofYears(2);

  private final PageRenderer pages;
  private final PdfRenderer pdf;
  private final ArchiveIndex index;
  private final RecordSource source;
  private final ArchiveRecords records;
  private final FollowUpStore followups;
  private final ReadLog log;
  private final RecurringKnelpunten recurring;

  public ReportPage(PageRenderer pages, PdfRenderer pdf, ArchiveIndex index, RecordSource source,
      ArchiveRecords records, FollowUpStore followups, ReadLog log, RecurringKnelpunten recurring) {
    this.pages = pages;
    this.pdf = pdf;
    this.index = index;
    this.source = source;
    this.records = records;
    this.followups = followups;
    this.log = log;
    this.recurring = recurring;
  }

  public void page(RoutingContext ctx) {
    show(ctx, false);
  }

  public void pdf(RoutingContext ctx) {
    show(ctx, true);
  }

  private void show(RoutingContext ctx, boolean asPdf) {
    Account account = Auth.account(ctx);
    String lang = PageReplies.language(ctx);
    Map<String, Object> model = PageRenderer.base(account, "/archief/verantwoording");
    String municipality = ArchiveListPage.param(ctx, "gemeente", 80);
    if (municipality.isEmpty() && account.isReader()) {
      municipality = account.municipalities().get(0);
    }
    LocalDate today = LocalDate.now(Dates.ZONE);
    LocalDate to = ArchiveListPage.date(ctx, "tot", model);
    LocalDate from = ArchiveListPage.date(ctx, "van", model);
    to = to == null ? today : to;
    from = from == null ? to.minusMonths(6).plusDays(1) : from;
    if (model.containsKey("problem") || from.isAfter(to) || from.plus(LONGEST).isBefore(to)) {
      PageReplies.error(ctx, pages, account, 400, "report_period");
      return;
    }
    if (municipality.isEmpty()) {
      PageReplies.error(ctx, pages, account, 400, "report_municipality");
      return;
    }
    if (account.isReader() && !account.reads(municipality)) {
      PageReplies.error(ctx, pages, account, 403, "report_forbidden");
      return;
    }
    String gemeente = municipality;
    LocalDate van = from;
    LocalDate tot = to;
    String subject = "verantwoording " + gemeente + " " + van + ".." + tot;
    log.write(account.username(), subject, asPdf ? "report-pdf" : "report")
        .compose(v -> report(account, gemeente, van, tot, lang))
        .compose(report -> {
          model.put("report", report);
          model.put("gemeente", gemeente);
          model.put("van", van.toString());
          model.put("tot", tot.toString());
          model.put("dates", Dates.of(lang));
          model.put("langUrl", PageReplies.switchLanguageUrl(ctx, lang));
          model.put("description", nl.dialoogtafel.i18n.Messages.text(lang, "report.description", gemeente));
          if (!asPdf) {
            return pages.page("report", lang, model).map(html -> {
              PageReplies.html(ctx, 200, html);
              return null;
            });
          }
          return pages.blocking(() -> pdf.render("report", lang, model)).map(bytes -> {
            ctx.response().putHeader("Content-Type", "application/pdf").putHeader("Cache-Control", "no-store")
                .putHeader("Content-Disposition", "attachment; filename=\"verantwoording-" + van + "-" + tot + ".pdf\"")
                .end(io.vertx.core.buffer.Buffer.buffer(bytes));
            return null;
          });
        })
        .onFailure(e -> PageReplies.failure(ctx, pages, account, e));
  }

  private Future<AccountabilityReport> report(Account account, String municipality, LocalDate from, LocalDate to,
      String lang) {
    LocalDate beforeFrom = AccountabilityReport.previousFrom(from, to);
    return index.closed(s -> ArchiveAccess.mayRead(account, s)
            && Account.key(municipality).equals(Account.key(s.info().municipality())))
        .compose(entries -> {
          List<IndexEntry> now = closedIn(entries, from, to);
          List<IndexEntry> before = closedIn(entries, beforeFrom, from.minusDays(1));
          Future<List<NarrativeRecord>> told = fold(now);
          Future<List<NarrativeRecord>> earlier = fold(before);
          List<String> ids = new ArrayList<>();
          now.forEach(e -> ids.add(e.id()));
          before.forEach(e -> ids.add(e.id()));
          var answers = followups.forSessions(ids);
          Future<List<RecurringKnelpunten.Theme>> themes = recurring.themes(account, municipality)
              .otherwise(List.of()); // the account stands without them when the index cannot answer
          return Future.all(told, earlier, answers, themes).map(done -> AccountabilityReport.of(municipality, from,
              to, told.result(), earlier.result(), new HashMap<>(answers.result()), Dates.of(lang)::day)
              .withThemes(themesIn(themes.result(), from, to)));
        });
  }

  /**
   * The recurring themes with knelpunten from this period: named by the words they share, counted
   * over the period's sessions (a theme recurs across sessions; one that only recurred before is left out).
   */
  static List<AccountabilityReport.Theme> themesIn(List<RecurringKnelpunten.Theme> themes, LocalDate from,
      LocalDate to) {
    List<AccountabilityReport.Theme> out = new ArrayList<>();
    for (RecurringKnelpunten.Theme theme : themes) {
      long inPeriod = theme.knelpunten().stream().filter(row -> {
        LocalDate day = Dates.localDay(row.session().closedAt());
        return day != null && !day.isBefore(from) && !day.isAfter(to);
      }).count();
      if (inPeriod > 0) {
        out.add(new AccountabilityReport.Theme(String.join(" / ", theme.shared()), (int) inPeriod, theme.shared()));
      }
    }
    return out;
  }

  private static List<IndexEntry> closedIn(List<IndexEntry> entries, LocalDate from, LocalDate to) {
    return entries.stream().filter(e -> {
      LocalDate day = Dates.localDay(e.closedAt());
      return day != null && !day.isBefore(from) && !day.isAfter(to);
    }).sorted((a, b) -> a.closedAt().compareTo(b.closedAt())).toList();
  }

  private Future<List<NarrativeRecord>> fold(List<IndexEntry> entries) {
    List<Future<NarrativeRecord>> folds = new ArrayList<>();
    for (IndexEntry e : entries) {
      folds.add(source.session(e.id()).compose(s -> records.narrative(s.orElseThrow())));
    }
    return Future.all(folds).map(done -> {
      List<NarrativeRecord> folded = new ArrayList<>();
      folds.forEach(f -> folded.add(f.result()));
      return folded;
    });
  }
}
