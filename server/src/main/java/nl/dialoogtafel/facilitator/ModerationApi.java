package nl.dialoogtafel.facilitator;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import nl.dialoogtafel.accounts.Auth;
import nl.dialoogtafel.dialogue.Command;
import nl.dialoogtafel.dialogue.Moderation;
import nl.dialoogtafel.http.Account;
import nl.dialoogtafel.http.ApiReplies;
import nl.dialoogtafel.http.Bodies;
import nl.dialoogtafel.http.Fields;
import nl.dialoogtafel.http.Refusal;
import nl.dialoogtafel.live.hub.Hubs;
import nl.dialoogtafel.live.hub.SessionHub;
import nl.dialoogtafel.storage.Ids;

/**
 * The facilitator's moderation routes (extension): the pre-moderation switch, the queue of waiting
 * posts, and approving ("plaatsen") or declining ("niet plaatsen") one. The queue is read over
 * HTTP, not over the console's live socket: that socket watches with the kiosk key, which the
 * projector holds too, and words that wait must never reach the projector.
 */
public final class ModerationApi {

  private final Hubs hubs;

  public ModerationApi(Hubs hubs) {
    this.hubs = hubs;
  }

  /** {@code premoderation} on a new session: optional, a boolean, default off. */
  static boolean premoderation(JsonObject body) {
    Object value = body.getValue("premoderation", Boolean.FALSE);
    if (!(value instanceof Boolean on)) {
      throw Refusal.invalid("premoderation", "field_type", "premoderation");
    }
    return on;
  }

  /** GET: {queue, limit, waiting:[{id, kind, title, text, phase, at, author}]}, oldest first. */
  public void queue(RoutingContext ctx) {
    ownHub(ctx).compose(hub -> hub.waiting().map(waiting -> new JsonObject()
            .put("queue", hub.state().moderation().queue()).put("limit", Moderation.MAX_WAITING)
            .put("waiting", waiting)))
        .onSuccess(body -> ApiReplies.json(ctx, 200, body))
        .onFailure(e -> ApiReplies.failure(ctx, e));
  }

  /** POST {queue: true|false}: answers with the public {@code moderation.set} event. */
  public void setQueue(RoutingContext ctx) {
    JsonObject body = Bodies.object(ctx);
    if (body == null) {
      return;
    }
    Object queue = body.getValue("queue");
    if (!(queue instanceof Boolean on)) {
      ApiReplies.failure(ctx, Refusal.invalid("queue", "field_type", "queue"));
      return;
    }
    ownHub(ctx).compose(hub -> hub.submit(new Command.SetModeration(on), systemKey())
            .compose(seq -> hub.headWritten().compose(v -> hub.renderedEvent(seq))))
        .onSuccess(event -> ApiReplies.json(ctx, 200, event))
        .onFailure(e -> ApiReplies.failure(ctx, e));
  }

  /** POST: the waiting post goes on the wall; answers with its {@code post.added}. */
  public void approve(RoutingContext ctx) {
    String postId = ctx.pathParam("postId");
    ownHub(ctx).compose(hub -> hub.submit(new Command.Approve(postId), systemKey())
            .compose(seq -> hub.headWritten().compose(v -> hub.renderedEvent(seq))))
        .onSuccess(event -> ApiReplies.json(ctx, 200, event))
        .onFailure(e -> ApiReplies.failure(ctx, e));
  }

  /** POST {reason}: 1–280 characters, to the author only; answers {post, reason}. */
  public void decline(RoutingContext ctx) {
    JsonObject body = Bodies.object(ctx);
    if (body == null) {
      return;
    }
    String postId = ctx.pathParam("postId");
    String reason;
    try {
      reason = new Fields(body).text("reason", 1, 280, true);
    } catch (Refusal invalid) {
      ApiReplies.failure(ctx, invalid);
      return;
    }
    ownHub(ctx).compose(hub -> hub.submit(new Command.Decline(postId, reason), systemKey()))
        .onSuccess(seq -> ApiReplies.json(ctx, 200, new JsonObject().put("post", postId).put("reason", reason)))
        .onFailure(e -> ApiReplies.failure(ctx, e));
  }

  private Future<SessionHub> ownHub(RoutingContext ctx) {
    Account account = Auth.account(ctx);
    return hubs.byId(ctx.pathParam("id"))
        .recover(e -> Future.failedFuture(e instanceof Refusal
            ? new Refusal("not_found", "session_not_found", null) : e))
        .compose(hub -> hub.info().owner().equals(account.username()) || account.isAdmin()
            ? Future.succeededFuture(hub)
            : Future.failedFuture(new Refusal("not_found", "session_not_found", null)));
  }

  private static String systemKey() {
    return "facilitator/" + Ids.id("f");
  }
}
