package nl.dialoogtafel.archive.pages;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import nl.dialoogtafel.accounts.Auth;
import nl.dialoogtafel.archive.ArchivedSession;
import nl.dialoogtafel.archive.Dates;
import nl.dialoogtafel.archive.PostsCsv;
import nl.dialoogtafel.archive.ReadLog;
import nl.dialoogtafel.archive.RecordExport;
import nl.dialoogtafel.archive.RecordSource;
import nl.dialoogtafel.http.Account;
import nl.dialoogtafel.http.ApiReplies;
import nl.dialoogtafel.http.PageRenderer;
import nl.dialoogtafel.http.Refusal;
import nl.dialoogtafel.record.RecordCheck;
import nl.dialoogtafel.record.StoredEvent;

/**
 * The facilitator's downloads during the session, from the console: the record so far in the
 * archive's export format, and the visible posts as a spreadsheet. Read from the store, as the
 * archive reads (every event is stored before it is acknowledged, so the store holds the record
 * so far); the same rules leave withdrawn, hidden and erased words out. Only the session's
 * facilitator and admins get them: for anyone else the session does not exist (404). Every
 * download is written to the read log first, as the archive's are.
 */
public final class LiveExports {

  private static final Pattern SESSION_ID = Pattern.compile("s[a-z0-9]{1,40}");

  private final RecordSource source;
  private final PageRenderer pages;
  private final ReadLog log;

  public LiveExports(RecordSource source, PageRenderer pages, ReadLog log) {
    this.source = source;
    this.pages = pages;
    this.log = log;
  }

  /** {@code GET /api/sessions/{id}/export.json}. */
  public void record(RoutingContext ctx) {
    Account account = Auth.account(ctx);
    runnable(account, ctx.pathParam("id"), "live-json").compose(session -> {
      String id = session.info().id();
      return source.events(id).compose(events -> source.people(id, events).compose(people -> pages.blocking(() -> {
        var export = RecordExport.of(new ArchivedSession(session.info(), headSoFar(session, events)), events, people);
        // The record may still grow: the state says so (a closed record's head is the session's).
        export.getJsonObject("session").put("state", session.info().status().wire());
        return export.encodePrettily();
      }))).map(json -> {
        download(ctx, "application/json; charset=utf-8", fileName("verslag", session, "json")).end(json);
        return null;
      });
    }).onFailure(e -> ApiReplies.failure(ctx, e));
  }

  /** {@code GET /api/sessions/{id}/posts.csv}. */
  public void posts(RoutingContext ctx) {
    Account account = Auth.account(ctx);
    String language = ApiReplies.language(ctx);
    runnable(account, ctx.pathParam("id"), "live-csv")
        .compose(session -> source.narrative(session)
            .compose(record -> pages.blocking(() -> PostsCsv.of(record, language)))
            .map(csv -> {
              download(ctx, "text/csv; charset=utf-8; header=present", fileName("berichten", session, "csv")).end(csv);
              return null;
            }))
        .onFailure(e -> ApiReplies.failure(ctx, e));
  }

  /**
   * A closed record ends at the head kept in the session document (as in the archive); an open or
   * locked one at its last stored event, which is where the record stands at this moment.
   */
  private static RecordCheck.Head headSoFar(ArchivedSession session, List<StoredEvent> events) {
    if (session.closed() || events.isEmpty()) {
      return session.head();
    }
    StoredEvent last = events.get(events.size() - 1);
    return new RecordCheck.Head(last.seq(), last.hash());
  }

  /** The session if this account runs it (or is an admin), logged as read; otherwise not_found. */
  private Future<ArchivedSession> runnable(Account account, String id, String what) {
    if (id == null || !SESSION_ID.matcher(id).matches()) {
      return Future.failedFuture(new Refusal("not_found", "session_not_found", null));
    }
    return source.session(id)
        .compose(found -> found.filter(s -> account.isAdmin() || account.username().equals(s.info().owner()))
            .map(Future::succeededFuture)
            .orElseGet(() -> Future.failedFuture(new Refusal("not_found", "session_not_found", null))))
        .compose(session -> log.write(account.username(), id, what).map(v -> session));
  }

  /** "verslag-2026-05-12-s1a2b3.json": the session's day (Dutch time) and id; nothing typed. */
  static String fileName(String what, ArchivedSession session, String extension) {
    LocalDate day = Dates.localDay(session.info().createdAt());
    return what + "-" + (day == null ? "" : day + "-") + session.info().id() + "." + extension;
  }

  private static io.vertx.core.http.HttpServerResponse download(RoutingContext ctx, String type, String file) {
    return ctx.response().putHeader("Content-Type", type).putHeader("Cache-Control", "no-store")
        .putHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
  }
}
