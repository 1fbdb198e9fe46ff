package nl.dialoogtafel.archive.pages;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Optional;
import nl.dialoogtafel.archive.ArchiveRecords;
import nl.dialoogtafel.archive.ArchivedSession;
import nl.dialoogtafel.archive.FollowUp;
import nl.dialoogtafel.archive.FollowUpStore;
import nl.dialoogtafel.archive.NarrativeRecord;
import nl.dialoogtafel.http.PageRenderer;
import nl.dialoogtafel.http.PageReplies;
import nl.dialoogtafel.i18n.Messages;

/**
 * The record's PDF over HTTP, for a session the caller may read (checked before, as for the page):
 * {@code /archief/{id}.pdf} sends the stored PDF when it was made at the record's current key;
 * otherwise it puts the PDF first in line and waits up to {@link #WAIT_MS} for it, then answers 503
 * with {@code Retry-After} and a sentence ("probeer het zo opnieuw"), so the link works without
 * script. {@code /archief/{id}/pdf-status} tells the record page how far it is (JSON).
 */
final class PdfRoute {

  static final long WAIT_MS = 20_000;
  static final int RETRY_AFTER_SECONDS = 5;

  private final PageRenderer pages;
  private final ArchiveRecords records;
  private final FollowUpStore followups;
  private final RecordPdfs pdfs;

  PdfRoute(PageRenderer pages, ArchiveRecords records, FollowUpStore followups, RecordPdfs pdfs) {
    this.pages = pages;
    this.records = records;
    this.followups = followups;
    this.pdfs = pdfs;
  }

  /** The key of the PDF as the record stands now (the record and the answers read fresh). */
  Future<String> key(ArchivedSession session, String lang) {
    Future<NarrativeRecord> record = records.narrative(session);
    Future<Map<String, FollowUp>> answers = followups.forSession(session.info().id());
    return Future.all(record, answers).map(all -> pdfs.key(lang, record.result(), answers.result(), session));
  }

  Future<Void> download(RoutingContext ctx, ArchivedSession session) {
    String lang = PageReplies.language(ctx);
    String id = session.info().id();
    return key(session, lang).compose(key -> pdfs.stored(id, lang, key).compose(found -> {
      if (found.isPresent()) {
        send(ctx, id, found.get());
        return Future.succeededFuture();
      }
      Promise<Void> answered = Promise.promise();
      long timer = ctx.vertx().setTimer(WAIT_MS, t -> {
        if (!ctx.response().ended()) {
          later(ctx, "pdf_making");
        }
        answered.tryComplete();
      });
      awaitMade(ctx, Vertx.currentContext(), id, lang, key, answered, timer);
      return answered.future();
    }));
  }

  /** Puts the PDF first in line and sends it once one made at {@code key} (or later) is there. */
  private void awaitMade(RoutingContext ctx, Context here, String id, String lang, String key, Promise<Void> answered,
      long timer) {
    Optional<RecordPdfs.Job> job = pdfs.offer(id, lang, true);
    if (job.isEmpty()) {
      ctx.vertx().cancelTimer(timer);
      later(ctx, "pdf_busy");
      answered.tryComplete();
      return;
    }
    job.get().done().onComplete(made -> here.runOnContext(v -> {
      if (ctx.response().ended() || answered.future().isComplete()) {
        return;
      }
      if (made.failed()) {
        ctx.vertx().cancelTimer(timer);
        answered.fail(made.cause());
      } else if (!made.result().key().equals(key)) {
        // A job that read the record or its answers before this request: wait for the next one.
        awaitMade(ctx, here, id, lang, key, answered, timer);
      } else if (made.result().pdf().length > 0) {
        ctx.vertx().cancelTimer(timer);
        send(ctx, id, made.result().pdf());
        answered.complete();
      } else {
        pdfs.stored(id, lang, key).onComplete(again -> {
          ctx.vertx().cancelTimer(timer);
          if (again.succeeded() && again.result().isPresent()) {
            send(ctx, id, again.result().get());
          } else {
            later(ctx, "pdf_making");
          }
          answered.tryComplete();
        });
      }
    }));
  }

  /** {@code {"state": "ready" | "making" | "waiting" | "busy", "percent", "ahead", "text"}}. */
  Future<Void> status(RoutingContext ctx, ArchivedSession session) {
    String lang = PageReplies.language(ctx);
    String id = session.info().id();
    boolean urgent = "1".equals(ctx.request().getParam("nu"));
    Optional<RecordPdfs.Job> making = pdfs.making(id, lang);
    if (making.isPresent()) {
      if (urgent) {
        pdfs.offer(id, lang, true);
      }
      json(ctx, lang, making.get());
      return Future.succeededFuture();
    }
    return key(session, lang).compose(key -> pdfs.readyOrMake(session, lang, key)).map(ready -> {
      if (ready) {
        json(ctx, new JsonObject().put("state", "ready").put("percent", 100)
            .put("text", Messages.text(lang, "record.pdf_ready")));
      } else {
        Optional<RecordPdfs.Job> job = pdfs.offer(id, lang, urgent);
        if (job.isPresent()) {
          json(ctx, lang, job.get());
        } else {
          json(ctx, new JsonObject().put("state", "busy").put("text", Messages.text(lang, "page.error.pdf_busy")));
        }
      }
      return null;
    });
  }

  private static void json(RoutingContext ctx, String lang, RecordPdfs.Job job) {
    if (job.running()) {
      int percent = job.percent();
      json(ctx, new JsonObject().put("state", "making").put("percent", percent)
          .put("text", Messages.text(lang, "record.pdf_making", percent)));
    } else {
      int ahead = job.ahead();
      json(ctx, new JsonObject().put("state", "waiting").put("ahead", ahead)
          .put("text", Messages.text(lang, "record.pdf_waiting", ahead)));
    }
  }

  private static void json(RoutingContext ctx, JsonObject body) {
    ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").putHeader("Cache-Control", "no-store")
        .end(body.encode());
  }

  private static void send(RoutingContext ctx, String id, byte[] pdf) {
    ctx.response().putHeader("Content-Type", "application/pdf").putHeader("Cache-Control", "no-store")
        .putHeader("Content-Disposition", "attachment; filename=\"verslag-" + id + ".pdf\"")
        .end(Buffer.buffer(pdf));
  }

  /** 503 with Retry-After: the PDF is being made (or the line is full); the page says to try again shortly. */
  private void later(RoutingContext ctx, String reason) {
    ctx.response().putHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
    PageReplies.error(ctx, pages, nl.dialoogtafel.accounts.Auth.account(ctx), 503, reason);
  }
}
