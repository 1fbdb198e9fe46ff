package nl.dialoogtafel.archive.pages;

import nl.dialoogtafel.http.Account;
import nl.dialoogtafel.accounts.Auth;
import nl.dialoogtafel.http.PageRenderer;
import nl.dialoogtafel.http.PageReplies;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import nl.dialoogtafel.archive.ArchiveAccess;
import nl.dialoogtafel.archive.ArchiveRecords;
import nl.dialoogtafel.archive.ArchivedSession;
import nl.dialoogtafel.archive.FollowUp;
import nl.dialoogtafel.archive.FollowUpStore;
import nl.dialoogtafel.archive.NarrativeRecord;
import nl.dialoogtafel.archive.ReadLog;
import nl.dialoogtafel.archive.RecordExport;
import nl.dialoogtafel.archive.RecordSource;
import nl.dialoogtafel.archive.RecurringKnelpunten;
import nl.dialoogtafel.http.Refusal;
import nl.dialoogtafel.templates.TemplateCatalog;

/**
 * One record in the archive: {@code /archief/{id}} (the narrative page), {@code .json} (the
 * open-data export with hashes) and {@code .pdf} (for the council). Every view and export is
 * logged before it is answered. A record the caller may not read answers 404, like one that does
 * not exist, so its existence is not given away.
 */
public final class ArchivePages {

  private static final Pattern SESSION_ID = Pattern.compile("s[a-z0-9]{1,40}");
  /** {@code ?deel=}: a part of a very large record, counted from 1. */
  private static final Pattern PART = Pattern.compile("[1-9][0-9]{0,3}");
  /** {@code ?bijdrage=}: a story or knelpunt a link points at (its part is shown); longer ids are not ours. */
  private static final int MAX_POST_ID = 100;

  private final Auth auth;
  private final PageRenderer pages;
  private final RecordPdfs pdfs;
  private final PdfRoute pdfRoute;
  private final RecordSource source;
  private final ArchiveRecords records;
  private final FollowUpStore followups;
  private final ReadLog log;
  private final TemplateCatalog templates;
  private final RecurringKnelpunten recurring;

  public ArchivePages(Auth auth, PageRenderer pages, RecordPdfs pdfs, RecordSource source, ArchiveRecords records,
      FollowUpStore followups, ReadLog log, TemplateCatalog templates, RecurringKnelpunten recurring) {
    this.recurring = recurring;
    this.auth = auth;
    this.pages = pages;
    this.pdfs = pdfs;
    this.pdfRoute = new PdfRoute(pages, records, followups, pdfs);
    this.source = source;
    this.records = records;
    this.followups = followups;
    this.log = log;
    this.templates = templates;
  }

  /** Route handler: anyone logged in passes (what they see is decided per record); others go to /login. */
  public void requireAccount(RoutingContext ctx) {
    auth.identify(ctx).onSuccess(found -> {
      if (found.isPresent()) {
        Auth.remember(ctx, found.get());
        ctx.next();
      } else if (ctx.request().method() == io.vertx.core.http.HttpMethod.GET) {
        String uri = ctx.request().uri();
        PageReplies.redirect(ctx, "/login?next=" + PageReplies.encode(uri));
      } else {
        PageReplies.error(ctx, pages, null, 401, "login_required");
      }
    }).onFailure(e -> PageReplies.failure(ctx, pages, null, e));
  }

  /** {@code /archief/{id}}, {@code /archief/{id}.json}, {@code /archief/{id}.pdf}. */
  public void record(RoutingContext ctx) {
    String file = ctx.pathParam("file");
    String kind = file.endsWith(".json") ? "json" : file.endsWith(".pdf") ? "pdf" : "page";
    String id = kind.equals("page") ? file : file.substring(0, file.lastIndexOf('.'));
    Account account = Auth.account(ctx);
    readable(account, id).compose(session -> log.write(account.username(), id, kind).map(v -> session))
        .compose(session -> switch (kind) {
          case "json" -> exportJson(ctx, session);
          case "pdf" -> pdfRoute.download(ctx, session);
          default -> page(ctx, account, session);
        })
        .onFailure(e -> fail(ctx, account, e));
  }

  /** The session if it is in the archive and this account may read it; otherwise not_found. */
  Future<ArchivedSession> readable(Account account, String id) {
    if (!SESSION_ID.matcher(id).matches()) {
      return Future.failedFuture(Refusal.of("not_found"));
    }
    return source.session(id).compose(found -> found.filter(s -> ArchiveAccess.mayRead(account, s))
        .map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(Refusal.of("not_found"))));
  }

  private Future<Void> page(RoutingContext ctx, Account account, ArchivedSession session) {
    String lang = PageReplies.language(ctx);
    return model(ctx, account, session, lang).compose(model -> pages.page("record", lang, model))
        .map(html -> {
          PageReplies.html(ctx, 200, html);
          return null;
        });
  }

  /** {@code /archief/{id}/pdf-status}: how far the record's stored PDF is (JSON; not a view, so not logged). */
  public void pdfStatus(RoutingContext ctx) {
    Account account = Auth.account(ctx);
    readable(account, ctx.pathParam("id")).compose(session -> pdfRoute.status(ctx, session))
        .onFailure(e -> fail(ctx, account, e));
  }

  private Future<Void> exportJson(RoutingContext ctx, ArchivedSession session) {
    String id = session.info().id();
    return source.events(id).compose(events -> source.people(id, events)
            .compose(people -> pages.blocking(() -> RecordExport.of(session, events, people).encodePrettily())))
        .map(json -> {
          ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").putHeader("Cache-Control", "no-store")
              .putHeader("Content-Disposition", "attachment; filename=\"verslag-" + id + ".json\"").end(json);
          return null;
        });
  }

  /**
   * Everything the record template needs, and whether its PDF is made (if not, it is made now, in
   * the background). The similar knelpunten of other sessions are looked up only for a part that
   * shows knelpunten.
   */
  private Future<Map<String, Object>> model(RoutingContext ctx, Account account, ArchivedSession session,
      String lang) {
    Future<NarrativeRecord> record = records.narrative(session);
    Future<Map<String, FollowUp>> answers = followups.forSession(session.info().id());
    Future<List<RecordParts.Part>> parts = record.map(RecordParts::of);
    Future<RecordParts.Part> part = parts.compose(all -> chosenPart(ctx, all));
    Future<Map<String, List<RecurringKnelpunten.Similar>>> similar = part.compose(p -> p.knelpunten().isEmpty()
        ? Future.succeededFuture(Map.of()) : recurring.similarTo(account, session.info().id()));
    return Future.all(answers, part, similar).compose(all -> {
      Map<String, Object> model = RecordModel.of(account, ctx.request().path(), session, record.result(),
          answers.result(), similar.result(), lang, templates);
      RecordModel.parts(model, parts.result(), part.result());
      model.put("langUrl", PageReplies.switchLanguageUrl(ctx, lang));
      String key = pdfs.key(lang, record.result(), answers.result(), session);
      return pdfs.readyOrMake(session, lang, key).otherwise(false).map(ready -> {
        model.put("pdfReady", ready);
        return model;
      });
    });
  }

  /**
   * The part asked for with {@code ?deel=}, else the part holding {@code ?bijdrage=} (a link to a
   * knelpunt of a very large record lands on its part; its {@code #k-} anchor then scrolls there),
   * else the first. A part that does not exist is a 404 with its own sentence.
   */
  private static Future<RecordParts.Part> chosenPart(RoutingContext ctx, List<RecordParts.Part> parts) {
    String asked = ctx.request().getParam("deel");
    if (asked != null) {
      if (!PART.matcher(asked).matches() || Integer.parseInt(asked) > parts.size()) {
        return Future.failedFuture(Refusal.of("part_not_found"));
      }
      return Future.succeededFuture(parts.get(Integer.parseInt(asked) - 1));
    }
    String post = ctx.request().getParam("bijdrage");
    if (post != null && post.length() <= MAX_POST_ID) {
      return Future.succeededFuture(RecordParts.holding(parts, post).orElse(parts.get(0)));
    }
    return Future.succeededFuture(parts.get(0));
  }

  private void fail(RoutingContext ctx, Account account, Throwable e) {
    if (e instanceof Refusal p && p.code().equals("part_not_found")) {
      PageReplies.error(ctx, pages, account, 404, "record_part_not_found");
    } else if (e instanceof Refusal p && p.code().equals("not_found")) {
      PageReplies.error(ctx, pages, account, 404, "record_not_found");
    } else {
      PageReplies.failure(ctx, pages, account, e);
    }
  }
}
