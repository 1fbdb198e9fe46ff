package nl.dialoogtafel.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import nl.dialoogtafel.dialogue.Command;
import nl.dialoogtafel.dialogue.KioskView;
import nl.dialoogtafel.dialogue.Participant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Commands travel to their session's owner in a generic form: every command, also one added later. */
class CommandCodecTest {

  @Test
  @DisplayName("every permitted command, filled with sample values, comes back equal after encoding")
  void everyCommandRoundTrips() throws Exception {
    List<String> checked = new ArrayList<>();
    for (Class<?> type : Command.class.getPermittedSubclasses()) {
      Command command = sample(type);
      JsonObject wire = new JsonObject(CommandCodec.encode(command).encode()); // as a message carries it
      assertEquals(command, CommandCodec.decode(wire), type.getSimpleName());
      checked.add(type.getSimpleName());
    }
    assertTrue(checked.contains("AddPost") && checked.contains("Join"), checked.toString());
  }

  @Test
  @DisplayName("a name that is no command, or fields it does not have, are refused")
  void onlyCommandsAreMade() {
    assertThrows(IllegalArgumentException.class,
        () -> CommandCodec.decode(new JsonObject().put("type", "ProcessBuilder").put("body", new JsonObject())));
    assertThrows(IllegalArgumentException.class, () -> CommandCodec.decode(new JsonObject().put("type", "Lock")
        .put("body", new JsonObject().put("extra", 1))));
  }

  private static Command sample(Class<?> type) throws Exception {
    return (Command) sampleRecord(type);
  }

  private static Object sampleRecord(Class<?> type) {
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      values[i] = value(types[i], components[i].getName());
    }
    try {
      return type.getDeclaredConstructor(types).newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot make a sample " + type.getSimpleName(), e);
    }
  }

  private static Object value(Class<?> type, String name) {
    if (type == String.class) {
      return name + "-é🙂";
    }
    if (type == boolean.class || type == Boolean.class) {
      return true;
    }
    if (type == long.class || type == Long.class) {
      return 42L;
    }
    if (type == int.class || type == Integer.class) {
      return 7;
    }
    if (type.isEnum()) {
      return type.getEnumConstants()[type.getEnumConstants().length - 1];
    }
    if (type == Participant.class) {
      return new Participant("u1", "Anna", "Wijkteam", "coach", false);
    }
    if (type == KioskView.class) {
      return new KioskView(false, true, true, "p1", "dark", "recognised", true);
    }
    if (type.isRecord()) {
      return sampleRecord(type); // a value a command carries, such as the clock's reading
    }
    throw new AssertionError("no sample for a component of type " + type.getName() + " (" + name + "): add one here");
  }
}
