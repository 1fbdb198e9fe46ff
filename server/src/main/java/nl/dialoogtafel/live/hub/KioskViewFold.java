package nl.dialoogtafel.live.hub;

import io.vertx.core.json.JsonObject;

/**
 * The kiosk view as the screens fold it (as {@code web-assets/shared/record.js} does): the last
 * {@code kiosk.view} event's setting, plus {@code frozenAt}, the seq up to which a frozen wall
 * shows posts. The freeze starts at the event that first froze it and lasts while later settings
 * keep it frozen, so changing the theme of a frozen wall lets no new post on.
 */
final class KioskViewFold {

  private KioskViewFold() {}

  static JsonObject next(JsonObject previous, JsonObject data, long seq) {
    JsonObject view = data.copy();
    if (Boolean.TRUE.equals(data.getValue("frozen"))) {
      Long since = previous == null ? null : previous.getLong("frozenAt");
      view.put("frozenAt", since != null ? since : seq);
    } else {
      view.putNull("frozenAt");
    }
    return view;
  }
}
