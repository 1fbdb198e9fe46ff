package nl.dialoogtafel.facilitator;

import io.vertx.core.json.JsonObject;
import nl.dialoogtafel.http.Fields;
import nl.dialoogtafel.privacy.PrivacyPrompt;

/**
 * The facilitator's closing words (harvest, agreements): multi-line text up to 4000 characters,
 * checked by the same field rule and the same privacy prompt as the phones' posts — a BSN never,
 * the rest only after {@code confirm}.
 */
final class ClosingText {

  static final int MAX = 4000;

  private ClosingText() {}

  static String read(JsonObject body, String field, boolean confirm, String language) {
    String text = new Fields(body).optionalText(field, MAX, true);
    PrivacyPrompt.check(field, text, confirm, language);
    return text;
  }
}
