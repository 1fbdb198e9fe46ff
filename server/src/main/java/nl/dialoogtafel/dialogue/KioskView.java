package nl.dialoogtafel.dialogue;

import java.util.List;

/**
 * What the facilitator has the projector show, set as a whole each time (the last setting wins):
 * the join panel, the counts and recognitions, a frozen wall, one post full-screen ({@code post},
 * any visible post, or null), the theme, the order of the wall, and the closing totals. The rules
 * of the session do not depend on it; the screens fold it.
 */
public record KioskView(boolean join, boolean counts, boolean frozen, String post, String theme, String order,
    boolean totals) {

  public static final List<String> THEMES = List.of("light", "dark");
  public static final List<String> ORDERS = List.of("newest", "recognised");

  /** What a kiosk shows before the facilitator says otherwise. */
  public static final KioskView DEFAULT = new KioskView(true, true, false, null, "light", "newest", false);

  public KioskView {
    if (!THEMES.contains(theme) || !ORDERS.contains(order)) {
      throw new IllegalArgumentException("kiosk view theme " + theme + ", order " + order);
    }
  }
}
