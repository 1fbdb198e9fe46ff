package nl.dialoogtafel.record;

import io.vertx.core.json.JsonObject;
import nl.dialoogtafel.dialogue.Participant;

/**
 * A participant with what stays outside the sealed record: the name, the contact details (only
 * ever sent to someone they agreed to exchange with) and a hash of their resume token.
 */
public record ParticipantRecord(
    String id, String session, String name, String organisation, String role, boolean showName,
    String phone, String email, String tokenHash, String joinedAt) {

  public Participant participant() {
    return new Participant(id, name, organisation, role, showName);
  }

  /** The card handed over in a contact exchange. */
  public JsonObject card() {
    return new JsonObject().put("id", id).put("name", name).put("organisation", organisation).put("role", role)
        .put("phone", phone).put("email", email);
  }

  public JsonObject toJson() {
    return new JsonObject().put("session", session).put("name", name).put("organisation", organisation)
        .put("role", role).put("showName", showName).put("phone", phone).put("email", email)
        .put("tokenHash", tokenHash).put("joinedAt", joinedAt);
  }

  public static ParticipantRecord fromJson(String id, JsonObject json) {
    return new ParticipantRecord(id, json.getString("session"), json.getString("name"),
        json.getString("organisation"), json.getString("role"), json.getBoolean("showName", true),
        json.getString("phone"), json.getString("email"), json.getString("tokenHash"), json.getString("joinedAt"));
  }
}
