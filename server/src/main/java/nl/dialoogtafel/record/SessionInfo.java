package nl.dialoogtafel.record;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import nl.dialoogtafel.dialogue.Phase;
import nl.dialoogtafel.dialogue.SessionStatus;

/**
 * What a session is, apart from what happened in it: its code, its kiosk key, who runs it, and
 * the phases copied from the template when it was created (a later template edit changes nothing).
 */
public record SessionInfo(
    String id, String code, String kioskKey, String title, String municipality, String community,
    String templateId, List<Phase> phases, String owner, String createdAt, SessionStatus status) {

  public SessionInfo {
    phases = List.copyOf(phases);
  }

  public JsonObject toJson() {
    JsonArray phaseList = new JsonArray();
    phases.forEach(p -> phaseList.add(EventCodec.phase(p)));
    return new JsonObject().put("id", id).put("code", code).put("kioskKey", kioskKey).put("title", title)
        .put("municipality", municipality).put("community", community).put("template", templateId)
        .put("phases", phaseList).put("owner", owner).put("createdAt", createdAt).put("status", status.wire());
  }

  /** The status a session document lists; a document written before statuses were kept is open. */
  public static SessionStatus status(String wire) {
    return wire == null ? SessionStatus.OPEN : SessionStatus.fromWire(wire);
  }

  public static SessionInfo fromJson(JsonObject json) {
    List<Phase> phases = new ArrayList<>();
    for (Object p : json.getJsonArray("phases")) {
      phases.add(EventCodec.phase((JsonObject) p));
    }
    return new SessionInfo(json.getString("id"), json.getString("code"), json.getString("kioskKey"),
        json.getString("title"), json.getString("municipality"), json.getString("community"),
        json.getString("template"), phases, json.getString("owner"), json.getString("createdAt"),
        status(json.getString("status")));
  }
}
