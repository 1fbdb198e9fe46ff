package nl.dialoogtafel.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.dialoogtafel.dialogue.Command;

/**
 * A command as it travels to its session's owner: the record's simple name and its components as
 * JSON (Jackson reads records by their components). Generic, so a command added to
 * {@link Command} travels without a line here; only the permitted records of the sealed
 * interface are ever made from a message.
 */
public final class CommandCodec {

  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
  private static final Map<String, Class<?>> TYPES = Arrays.stream(Command.class.getPermittedSubclasses())
      .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

  private CommandCodec() {}

  public static JsonObject encode(Command command) {
    try {
      return new JsonObject().put("type", command.getClass().getSimpleName())
          .put("body", new JsonObject(JSON.writeValueAsString(command)));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("command not encodable: " + command.getClass().getSimpleName(), e);
    }
  }

  public static Command decode(JsonObject json) {
    Class<?> type = TYPES.get(json.getString("type"));
    if (type == null) {
      throw new IllegalArgumentException("not a command: " + json.getString("type"));
    }
    try {
      return (Command) JSON.readValue(json.getJsonObject("body").encode(), type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("command not readable: " + type.getSimpleName(), e);
    }
  }
}
