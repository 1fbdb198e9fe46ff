package nl.dialoogtafel.privacy;

import java.util.List;
import java.util.stream.Collectors;
import nl.dialoogtafel.http.Refusal;
import nl.dialoogtafel.i18n.Messages;

/**
 * What is said when typed text seems to identify someone (a phone's post or note, the
 * facilitator's closing words): a BSN is refused always; anything else the {@link PrivacyGuard}
 * finds is named back to the author, who may send again with {@code confirm} after looking.
 */
public final class PrivacyPrompt {

  private PrivacyPrompt() {}

  /** Passes when there is nothing to ask; otherwise a {@code privacy} refusal naming the field. */
  public static void check(String field, String text, boolean confirm, String language) {
    if (text == null) {
      return;
    }
    List<Finding> findings = PrivacyGuard.scan(text);
    if (findings.isEmpty()) {
      return;
    }
    if (findings.stream().anyMatch(finding -> finding.kind().alwaysRefused())) {
      throw new Refusal("privacy", "privacy_bsn", field);
    }
    if (!confirm) {
      String found = findings.stream()
          .map(finding -> Messages.text(language, "privacy." + finding.kind().name(), finding.excerpt()))
          .collect(Collectors.joining(", "));
      throw new Refusal("privacy", "privacy", field, found);
    }
  }
}
