package nl.dialoogtafel.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import nl.dialoogtafel.dialogue.Command.SetKioskView;
import nl.dialoogtafel.dialogue.SessionEvent.KioskViewSet;
import nl.dialoogtafel.dialogue.SessionEvent.ParticipantJoined;
import nl.dialoogtafel.dialogue.SessionEvent.PhaseStarted;
import nl.dialoogtafel.dialogue.SessionEvent.PostAdded;
import nl.dialoogtafel.dialogue.SessionEvent.PostHidden;
import nl.dialoogtafel.dialogue.SessionEvent.PostWithdrawn;
import nl.dialoogtafel.dialogue.SessionEvent.SessionClosed;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The projector's view as a rule: decided against the state, folded as a public event that changes no rule. */
class KioskViewTest {

  private static final Phase STORIES = new Phase("verhalen", "Verhalen", "Vertel.", List.of(PostKind.STORY), 30);
  private static final Participant FATIMA = new Participant("u1", "Fatima", "Jeugdteam Oost", "verpleegkundige", true);

  private static SessionState wall() {
    return Dialogue.fold(SessionState.initial("s1", List.of(STORIES)), List.of(new PhaseStarted(STORIES),
        new ParticipantJoined(FATIMA),
        new PostAdded("p1", PostKind.STORY, null, "Drie loketten.", "verhalen", "u1"),
        new PostAdded("p2", PostKind.STORY, null, "Weg.", "verhalen", "u1"),
        new PostAdded("p3", PostKind.STORY, null, "Ingetrokken.", "verhalen", "u1"),
        new PostHidden("p2", "herleidbaar"), new PostWithdrawn("p3")));
  }

  private static KioskView showing(String post) {
    return new KioskView(false, false, true, post, "dark", "recognised", false);
  }

  @Test
  @DisplayName("Any visible post may go full-screen, not only the spotlighted one; a hidden, withdrawn or unknown one may not")
  void fullScreenPost() {
    SessionEvent event = assertInstanceOf(Decision.Accepted.class,
        Dialogue.decide(new SetKioskView(showing("p1")), wall())).events().get(0);
    assertEquals(new KioskViewSet(showing("p1")), event);
    assertEquals("kiosk.view", event.name());
    for (String gone : List.of("p2", "p3", "p9")) {
      Rejection refused = assertInstanceOf(Decision.Rejected.class,
          Dialogue.decide(new SetKioskView(showing(gone)), wall())).rejection();
      assertEquals("post_not_found", refused.reason(), gone);
    }
  }

  @Test
  @DisplayName("The view is set in every state, also after closing (the totals), is counted and changes no rule")
  void everyStateAndNoRule() {
    SessionState closed = Dialogue.evolve(wall(), new SessionClosed());
    KioskView totals = new KioskView(true, true, false, null, "light", "newest", true);
    SessionEvent event = assertInstanceOf(Decision.Accepted.class,
        Dialogue.decide(new SetKioskView(totals), closed)).events().get(0);
    SessionState after = Dialogue.evolve(closed, event);
    assertEquals(closed.seq() + 1, after.seq());
    assertSame(closed.posts(), after.posts());
    assertEquals(closed.status(), after.status());
  }

  @Test
  @DisplayName("A view holds only a known theme and order")
  void knownValuesOnly() {
    assertThrows(IllegalArgumentException.class, () -> new KioskView(true, true, false, null, "neon", "newest", false));
    assertThrows(IllegalArgumentException.class, () -> new KioskView(true, true, false, null, "dark", "oldest", false));
    assertEquals(new KioskView(true, true, false, null, "light", "newest", false), KioskView.DEFAULT);
  }
}
