package nl.dialoogtafel.facilitator;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.Collectors;
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
    Object raw = body.getValue(field);
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof String value)) {
      throw Refusal.invalid(field, "field_type", field);
    }
    String text = value.strip();
    if (text.codePointCount(0, text.length()) > MAX) {
      throw Refusal.invalid(field, "field_length", field, 0, MAX);
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
        throw Refusal.invalid(field, "field_characters", field);
      }
    }
    if (text.isEmpty()) {
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
