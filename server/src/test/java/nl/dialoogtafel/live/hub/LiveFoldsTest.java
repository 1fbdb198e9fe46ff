package nl.dialoogtafel.live.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.json.JsonObject;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import nl.dialoogtafel.dialogue.Participant;
import nl.dialoogtafel.dialogue.Phase;
import nl.dialoogtafel.dialogue.PostKind;
import nl.dialoogtafel.dialogue.SessionEvent;
import nl.dialoogtafel.dialogue.SessionState;
import nl.dialoogtafel.record.EventCodec;
import nl.dialoogtafel.record.HashChain;
import nl.dialoogtafel.record.StoredEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The hub's folds over events answer for every event there is: the compiler makes each fold name
 * every case, this walks one sample of each through them so none of them throws or answers nothing.
 */
class LiveFoldsTest {

  @Test
  @DisplayName("Every event goes through the room's view, the erasure traces and the head writer")
  void everyEventIsFolded() {
    SessionState empty = SessionState.initial("s", List.of());
    for (SessionEvent event : samples()) {
      String name = event.getClass().getSimpleName();
      assertNotNull(PersonErasure.traces(event), "PersonErasure.traces(" + name + ")");
      HeadWriter.statusSetBy(event);
      if (event.isPublic()) {
        StoredEvent stored = HashChain.seal("s", 1, "2026-01-01T00:00:00Z", event.name(), EventCodec.toData(event),
            "k", HashChain.GENESIS);
        JsonObject wire = EventView.render(stored, event, empty);
        assertEquals(event.name(), wire.getString("name"), "EventView.render(" + name + ")");
        assertNotNull(wire.getJsonObject("data"), "EventView.render(" + name + ") data");
      } else {
        StoredEvent stored = HashChain.seal("s", 1, "2026-01-01T00:00:00Z", event.name(), new JsonObject(), "k",
            HashChain.GENESIS);
        assertThrows(IllegalArgumentException.class, () -> EventView.render(stored, event, empty),
            "a private event is never part of the room's record: " + name);
      }
    }
  }

  /** One instance of every event, its fields filled by type; a new field type fails here by name. */
  private static List<SessionEvent> samples() {
    List<SessionEvent> samples = new ArrayList<>();
    for (Class<?> type : SessionEvent.class.getPermittedSubclasses()) {
      RecordComponent[] components = type.getRecordComponents();
      Class<?>[] types = new Class<?>[components.length];
      Object[] values = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        values[i] = sample(types[i], type);
      }
      try {
        Constructor<?> canonical = type.getDeclaredConstructor(types);
        samples.add((SessionEvent) canonical.newInstance(values));
      } catch (ReflectiveOperationException e) {
        fail("cannot make a sample " + type.getSimpleName() + ": " + e);
      }
    }
    return samples;
  }

  private static Object sample(Class<?> field, Class<?> event) {
    if (field == String.class) {
      return "x";
    } else if (field == boolean.class) {
      return true;
    } else if (field == PostKind.class) {
      return PostKind.STORY;
    } else if (field == Participant.class) {
      return new Participant("u1", "Fatima", "Jeugdteam", "coach", true);
    } else if (field == Phase.class) {
      return new Phase("verhalen", "Verhalen", "Vertel", List.of(PostKind.STORY), 10);
    }
    return fail("no sample for a " + field.getSimpleName() + " in " + event.getSimpleName());
  }
}
