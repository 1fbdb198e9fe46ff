package nl.dialoogtafel.record;

import io.vertx.core.json.JsonObject;

/**
 * A contact request as stored: who asked whom, the answer, and which of the private messages it
 * causes have reached their person. These messages are made from this note when delivered, so
 * contact details are read from the participant at that moment and never copied here.
 */
public record ContactNote(
    String id, String session, String from, String to, String note, String requestKey, long requestSeq,
    String status, String answerKey, long answerSeq,
    boolean requestDelivered, boolean answerDeliveredToRequester, boolean answerDeliveredToAccepter) {

  public static final String PENDING = "pending";
  public static final String ACCEPTED = "accepted";
  public static final String DECLINED = "declined";

  public static ContactNote requested(String id, String session, String from, String to, String note,
      String requestKey, long requestSeq) {
    return new ContactNote(id, session, from, to, note, requestKey, requestSeq, PENDING, null, 0,
        false, false, false);
  }

  public ContactNote answered(String newStatus, String key, long seq) {
    return new ContactNote(id, session, from, to, note, requestKey, requestSeq, newStatus, key, seq,
        requestDelivered, false, false);
  }

  /** The same request without its words (its writer or reader was erased on request). */
  public ContactNote withoutNote() {
    return new ContactNote(id, session, from, to, null, requestKey, requestSeq, status, answerKey, answerSeq,
        requestDelivered, answerDeliveredToRequester, answerDeliveredToAccepter);
  }

  public ContactNote delivered(String field) {
    return new ContactNote(id, session, from, to, note, requestKey, requestSeq, status, answerKey, answerSeq,
        requestDelivered || field.equals("requestDelivered"),
        answerDeliveredToRequester || field.equals("answerDeliveredToRequester"),
        answerDeliveredToAccepter || field.equals("answerDeliveredToAccepter"));
  }

  public JsonObject toJson() {
    return new JsonObject().put("session", session).put("from", from).put("to", to).put("note", note)
        .put("requestKey", requestKey).put("requestSeq", requestSeq).put("status", status)
        .put("answerKey", answerKey).put("answerSeq", answerSeq)
        .put("requestDelivered", requestDelivered)
        .put("answerDeliveredToRequester", answerDeliveredToRequester)
        .put("answerDeliveredToAccepter", answerDeliveredToAccepter);
  }

  public static ContactNote fromJson(String id, JsonObject j) {
    return new ContactNote(id, j.getString("session"), j.getString("from"), j.getString("to"), j.getString("note"),
        j.getString("requestKey"), j.getLong("requestSeq", 0L), j.getString("status"), j.getString("answerKey"),
        j.getLong("answerSeq", 0L), j.getBoolean("requestDelivered", false),
        j.getBoolean("answerDeliveredToRequester", false), j.getBoolean("answerDeliveredToAccepter", false));
  }
}
