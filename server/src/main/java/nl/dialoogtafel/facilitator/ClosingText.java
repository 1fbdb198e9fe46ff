package nl.dialoogtafel.facilitator;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.Collectors;
import nl.dialoogtafel.http.Fields;
import nl.dialoogtafel.i18n.Messages;
import nl.dialoogtafel.http.Refusal;
import nl.dialoogtafel.privacy.Finding;
import nl.dialoogtafel.privacy.PrivacyGuard;

/**
 * The facilitator's closing words (harvest, agreements): multi-line Dutch text up to 4000
 * characters, checked by the same privacy guard as the phones' posts — a BSN never, the rest
 * only after {@code confirm}.
 */
final class ClosingText {

  static final int MAX = 4000;

  private ClosingText() {}

  static String read(JsonObject body, String field, boolean confirm, String language) {
    String text = new Fields(body).optionalText(field, MAX, true);
    if (text == null) {
      return null;
    }
    List<Finding> findings = PrivacyGuard.scan(text);
    if (findings.stream().anyMatch(f -> f.kind().alwaysRefused())) {
      throw new Refusal("privacy", "privacy_bsn", field);
    }
    if (!findings.isEmpty() && !confirm) {
      String found = findings.stream()
          .map(f -> Messages.text(language, "privacy." + f.kind().name(), f.excerpt()))
          .collect(Collectors.joining(", "));
      throw new Refusal("privacy", "privacy", field, found);
    }
    return text;
  }
}
