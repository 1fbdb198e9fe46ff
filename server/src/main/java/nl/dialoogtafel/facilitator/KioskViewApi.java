package nl.dialoogtafel.facilitator;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Set;
import nl.dialoogtafel.dialogue.Command;
import nl.dialoogtafel.dialogue.KioskView;
import nl.dialoogtafel.http.Bodies;
import nl.dialoogtafel.http.Refusal;

/**
 * Extension: {@code PUT /api/sessions/{id}/kiosk} — the facilitator sets what the projector shows.
 * The body is the whole view (a field left out takes its default), so the {@code kiosk.view} event
 * always carries the whole setting and the last one wins; the session's owner or an admin only,
 * as every session route.
 */
public final class KioskViewApi {

  private static final Set<String> FIELDS = Set.of("join", "counts", "frozen", "post", "theme", "order", "totals");
  /** Post ids are ours (a letter and random characters); anything longer is no post of this session. */
  private static final int POST_ID_MAX = 64;

  private final FacilitatorApi api;

  public KioskViewApi(FacilitatorApi api) {
    this.api = api;
  }

  public void put(RoutingContext ctx) {
    JsonObject body = Bodies.object(ctx);
    if (body != null) {
      api.act(ctx, () -> new Command.SetKioskView(read(body)));
    }
  }

  /** The view in the body, checked field by field; each refusal names its field in Dutch (or English). */
  static KioskView read(JsonObject body) {
    for (String name : body.fieldNames()) {
      if (!FIELDS.contains(name)) {
        throw Refusal.invalid(name, "kiosk_field_unknown", name);
      }
    }
    KioskView defaults = KioskView.DEFAULT;
    return new KioskView(flag(body, "join", defaults.join()), flag(body, "counts", defaults.counts()),
        flag(body, "frozen", defaults.frozen()), post(body), choice(body, "theme", KioskView.THEMES, defaults.theme()),
        choice(body, "order", KioskView.ORDERS, defaults.order()), flag(body, "totals", defaults.totals()));
  }

  private static boolean flag(JsonObject body, String field, boolean otherwise) {
    Object value = body.getValue(field);
    if (value == null) {
      return otherwise;
    }
    if (!(value instanceof Boolean on)) {
      throw Refusal.invalid(field, "field_type", field);
    }
    return on;
  }

  private static String choice(JsonObject body, String field, List<String> allowed, String otherwise) {
    Object value = body.getValue(field);
    if (value == null) {
      return otherwise;
    }
    if (!(value instanceof String chosen) || !allowed.contains(chosen)) {
      throw Refusal.invalid(field, "kiosk_" + field + "_unknown", field);
    }
    return chosen;
  }

  /** A post is named by its id; an id that cannot be ours is a post that does not exist. */
  private static String post(JsonObject body) {
    Object value = body.getValue("post");
    if (value == null) {
      return null;
    }
    if (!(value instanceof String id)) {
      throw Refusal.invalid("post", "field_type", "post");
    }
    if (id.isEmpty() || id.length() > POST_ID_MAX || !id.matches("[A-Za-z0-9_-]+")) {
      throw new Refusal("not_found", "post_not_found", "post");
    }
    return id;
  }
}
