package nl.dialoogtafel.dialogue;

/**
 * A professional at the table. {@code showName} false means the record shows only organisation
 * and role; contact details are not part of the domain at all (they live with the contact store).
 */
public record Participant(String id, String name, String organisation, String role, boolean showName) {

  /** The name as the public record may show it. */
  public String publicName() {
    return showName ? name : null;
  }
}
