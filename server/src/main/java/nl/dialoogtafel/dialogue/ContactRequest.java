package nl.dialoogtafel.dialogue;

/** One person asking another for contact; only mutual consent leads to an exchange. */
public record ContactRequest(String id, String fromId, String toId, Status status) {

  public enum Status { PENDING, ACCEPTED, DECLINED }

  ContactRequest with(Status next) {
    return new ContactRequest(id, fromId, toId, next);
  }
}
