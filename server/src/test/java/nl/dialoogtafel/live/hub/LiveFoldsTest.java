package nl.dialoogtafel.live.hub;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import nl.dialoogtafel.dialogue.SessionEvent;
import nl.dialoogtafel.support.EventSamples;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The head writer's fold answers for every event (null is an answer: most events set no status).
 * It is package-private; the hub's public folds are walked in record.FoldCompletenessTest.
 */
class LiveFoldsTest {

  @Test
  @DisplayName("Every event goes through the head writer")
  void everyEventIsFolded() {
    for (SessionEvent event : EventSamples.all()) {
      assertDoesNotThrow(() -> HeadWriter.statusSetBy(event), event.name());
    }
  }
}
