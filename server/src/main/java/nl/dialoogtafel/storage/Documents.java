package nl.dialoogtafel.storage;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import io.vertx.core.json.JsonObject;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/** Moves JSON between Vert.x and the driver, and reads the driver's error categories. */
public final class Documents {

  private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

  private Documents() {}

  public static Document toDocument(JsonObject json) {
    return Document.parse(json.encode());
  }

  /** The document as JSON, without the database's own {@code _id}. */
  public static JsonObject toJson(Document document) {
    JsonObject json = new JsonObject(document.toJson(RELAXED));
    json.remove("_id");
    return json;
  }

  /** True when the write failed only because the key already exists (a re-send, or a lost race). */
  public static boolean isDuplicateKey(Throwable failure) {
    if (failure instanceof MongoWriteException write) {
      return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
    if (failure instanceof MongoBulkWriteException bulk) {
      return !bulk.getWriteErrors().isEmpty() && bulk.getWriteErrors().stream()
          .allMatch(e -> ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY);
    }
    return false;
  }
}
