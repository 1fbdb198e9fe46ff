package nl.dialoogtafel.archive.pages;

import nl.dialoogtafel.http.Account;
import nl.dialoogtafel.accounts.Auth;
import nl.dialoogtafel.http.PageRenderer;
import nl.dialoogtafel.http.PageReplies;
import nl.dialoogtafel.http.TextRule;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import nl.dialoogtafel.archive.ArchiveAccess;
import nl.dialoogtafel.archive.ArchiveRecords;
import nl.dialoogtafel.archive.FollowUp;
import nl.dialoogtafel.archive.FollowUpStore;
import nl.dialoogtafel.archive.NarrativeRecord;
import nl.dialoogtafel.i18n.Messages;
import nl.dialoogtafel.http.Refusal;

/**
 * {@code POST /archief/{id}/knelpunten/{postId}}: a reader of the session's municipality answers a
 * knelpunt with a status and a written answer, signed with their role. Only a knelpunt still
 * shown in the record can be answered; anyone else gets 404, as if the record did not exist.
 */
public final class FollowUpForm {

  private final Auth auth;
  private final PageRenderer pages;
  private final ArchivePages archive;
  private final ArchiveRecords records;
  private final FollowUpStore followups;

  public FollowUpForm(Auth auth, PageRenderer pages, ArchivePages archive, ArchiveRecords records,
      FollowUpStore followups) {
    this.auth = auth;
    this.pages = pages;
    this.archive = archive;
    this.records = records;
    this.followups = followups;
  }

  public void submit(RoutingContext ctx) {
    Account account = Auth.account(ctx);
    if (!auth.sameSiteChange(ctx)) {
      PageReplies.error(ctx, pages, account, 403, "origin");
      return;
    }
    String id = ctx.pathParam("id");
    String postId = ctx.pathParam("postId");
    String status = ctx.request().getFormAttribute("status");
    String answer = ctx.request().getFormAttribute("answer");
    archive.readable(account, id)
        .compose(session -> ArchiveAccess.mayAnswer(account, session) ? Future.succeededFuture(session)
            : Future.failedFuture(Refusal.of("not_found")))
        .compose(session -> records.narrative(session).compose(record -> {
          if (!answerable(record, postId)) {
            return Future.failedFuture(Refusal.of("not_found"));
          }
          String clean = validate(status, answer);
          return followups.answer(session, postId, status, clean, signature(account), account.username());
        }))
        .onSuccess(saved -> PageReplies.redirect(ctx, "/archief/" + id + "?bijdrage=" + postId + "#k-" + postId))
        .onFailure(e -> {
          if (e instanceof Refusal p && p.code().equals("not_found")) {
            PageReplies.error(ctx, pages, account, 404, "record_not_found");
          } else if (e instanceof Refusal p) {
            PageReplies.error(ctx, pages, account, 400, p.reason());
          } else {
            PageReplies.failure(ctx, pages, account, e);
          }
        });
  }

  private static boolean answerable(NarrativeRecord record, String postId) {
    return record.knelpunten().stream().anyMatch(p -> p.id().equals(postId) && !p.removed());
  }

  /** The answer as stored (null when empty); a wrong status or a too long answer is refused. */
  static String validate(String status, String answer) {
    if (status == null || !FollowUp.STATUSES.contains(status)) {
      throw Refusal.invalid("status", "followup_status");
    }
    if (answer == null) {
      return null;
    }
    String text = TextRule.clean(answer);
    TextRule.Fault fault = TextRule.fault(text, FollowUp.MAX_ANSWER, TextRule.Shape.TEXT);
    if (fault == TextRule.Fault.CHARACTERS) {
      throw Refusal.invalid("answer", "followup_characters");
    }
    if (fault == TextRule.Fault.LENGTH) {
      throw Refusal.invalid("answer", "followup_too_long");
    }
    // A browser's textarea sends CRLF; the record keeps plain newlines.
    return text.isEmpty() ? null : text.replace("\r\n", "\n");
  }

  /** How the answer is signed: the reader's function ("Wethouder Jeugd"), or their role's name. */
  static String signature(Account account) {
    return account.signature() != null ? account.signature() : Messages.text(Messages.DUTCH, "role." + account.role());
  }
}
