package nl.dialoogtafel.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nl.dialoogtafel.dialogue.Command.AddPost;
import nl.dialoogtafel.dialogue.Command.Approve;
import nl.dialoogtafel.dialogue.Command.Decline;
import nl.dialoogtafel.dialogue.Command.Restore;
import nl.dialoogtafel.dialogue.Command.SetModeration;
import nl.dialoogtafel.dialogue.Command.Withdraw;
import nl.dialoogtafel.dialogue.SessionEvent.ModerationSet;
import nl.dialoogtafel.dialogue.SessionEvent.ParticipantErased;
import nl.dialoogtafel.dialogue.SessionEvent.ParticipantJoined;
import nl.dialoogtafel.dialogue.SessionEvent.PhaseStarted;
import nl.dialoogtafel.dialogue.SessionEvent.PostAdded;
import nl.dialoogtafel.dialogue.SessionEvent.PostDeclined;
import nl.dialoogtafel.dialogue.SessionEvent.PostHidden;
import nl.dialoogtafel.dialogue.SessionEvent.PostQueued;
import nl.dialoogtafel.dialogue.SessionEvent.PostRestored;
import nl.dialoogtafel.dialogue.SessionEvent.PostUnqueued;
import nl.dialoogtafel.dialogue.SessionEvent.PostWithdrawn;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The rules of pre-moderation and of restoring a hidden post, decided and folded without I/O. */
class ModerationRulesTest {

  private static final Phase STORIES = new Phase("verhalen", "Verhalen", "Vertel.", List.of(PostKind.STORY), 30);
  private static final Phase NEXT = new Phase("vooruit", "Vooruit", "Wat nu?", List.of(PostKind.STORY), 20);
  private static final Participant NOOR = new Participant("u1", "Noor", "Wijkteam", "hulpverlener", false);
  private static final Participant BRAM = new Participant("u2", "Bram", "GGD", "jeugdarts", true);

  private static SessionState room() {
    return Dialogue.fold(SessionState.initial("s", List.of(STORIES, NEXT)),
        List.of(new PhaseStarted(STORIES), new ParticipantJoined(NOOR), new ParticipantJoined(BRAM)));
  }

  private static SessionEvent accepted(Command command, SessionState state) {
    Decision decision = Dialogue.decide(command, state);
    assertInstanceOf(Decision.Accepted.class, decision, () -> decision.toString());
    return ((Decision.Accepted) decision).events().get(0);
  }

  private static Rejection rejected(Command command, SessionState state) {
    Decision decision = Dialogue.decide(command, state);
    assertInstanceOf(Decision.Rejected.class, decision, () -> decision.toString());
    return ((Decision.Rejected) decision).rejection();
  }

  @Test
  @DisplayName("With the queue on a post waits (private, seq unchanged); approval adds it with the phase it was written in")
  void queuedThenApproved() {
    SessionState on = Dialogue.evolve(room(), accepted(new SetModeration(true), room()));
    assertTrue(on.moderation().queue());
    AddPost post = new AddPost("p1", "u1", PostKind.STORY, "", "Mijn verhaal");
    assertTrue(Dialogue.isPrivate(post, on));
    SessionEvent queued = accepted(post, on);
    assertInstanceOf(PostQueued.class, queued);
    assertFalse(queued.isPublic());
    SessionState waiting = Dialogue.evolve(on, queued);
    assertEquals(on.seq(), waiting.seq(), "a waiting post is not in the record");
    assertFalse(waiting.posts().containsKey("p1"));
    // The phase moves on before the facilitator answers: the post keeps the phase it was written in.
    SessionState later = Dialogue.evolve(waiting, new PhaseStarted(NEXT));
    PostAdded added = (PostAdded) accepted(new Approve("p1"), later);
    assertEquals("verhalen", added.phaseId());
    assertEquals("Mijn verhaal", added.text());
    SessionState approved = Dialogue.evolve(later, added);
    assertTrue(approved.moderation().waiting().isEmpty());
    assertEquals("not_found", rejected(new Approve("p1"), approved).code());
  }

  @Test
  @DisplayName("Decline and withdrawal empty the queue; only the author withdraws; 50 at most; a locked session approves nothing")
  void declineWithdrawLimit() {
    SessionState on = Dialogue.evolve(room(), new ModerationSet(true));
    SessionState two = Dialogue.fold(on, List.of(
        new PostQueued("p1", PostKind.STORY, "", "Een", "verhalen", "u1"),
        new PostQueued("p2", PostKind.STORY, "", "Twee", "verhalen", "u1")));
    assertInstanceOf(PostDeclined.class, accepted(new Decline("p1", "Herleidbaar"), two));
    assertEquals("forbidden", rejected(new Withdraw("u2", "p2"), two).code());
    assertInstanceOf(PostUnqueued.class, accepted(new Withdraw("u1", "p2"), two));
    SessionState none = Dialogue.fold(two, List.of(new PostDeclined("p1", "Herleidbaar"), new PostUnqueued("p2")));
    assertTrue(none.moderation().waiting().isEmpty());

    SessionState full = on;
    for (int i = 0; i < Moderation.MAX_WAITING; i++) {
      full = Dialogue.evolve(full, new PostQueued("q" + i, PostKind.STORY, "", "Tekst", "verhalen", "u1"));
    }
    assertEquals("rate_limited", rejected(new AddPost("q-x", "u1", PostKind.STORY, "", "Nog een"), full).code());

    SessionState locked = Dialogue.evolve(two, new SessionEvent.SessionLocked());
    assertEquals("session_locked", rejected(new Approve("p2"), locked).code());
    assertEquals("invalid", rejected(new SetModeration(true), on).code());
  }

  @Test
  @DisplayName("An erased author's waiting posts leave the queue")
  void erasureEmptiesTheirQueue() {
    SessionState waiting = Dialogue.fold(Dialogue.evolve(room(), new ModerationSet(true)),
        List.of(new PostQueued("p1", PostKind.STORY, "", "Een", "verhalen", "u1")));
    SessionState erased = Dialogue.evolve(waiting, new ParticipantErased("u1"));
    assertTrue(erased.moderation().waiting().isEmpty());
  }

  @Test
  @DisplayName("Only a hidden post is restored: not a visible one, not a withdrawn one, not an erased author's")
  void restoreOnlyHidden() {
    SessionState posted = Dialogue.evolve(room(), new PostAdded("p1", PostKind.STORY, "", "Tekst", "verhalen", "u1"));
    assertEquals("post_not_hidden", rejected(new Restore("p1"), posted).reason());
    SessionState hidden = Dialogue.evolve(posted, new PostHidden("p1", "Herleidbaar"));
    SessionState restored = Dialogue.evolve(hidden, accepted(new Restore("p1"), hidden));
    assertTrue(restored.posts().get("p1").visible());
    assertInstanceOf(PostRestored.class, accepted(new Restore("p1"), hidden));
    SessionState withdrawn = Dialogue.evolve(hidden, new PostWithdrawn("p1"));
    assertEquals("conflict", rejected(new Restore("p1"), withdrawn).code());
    SessionState erased = Dialogue.evolve(hidden, new ParticipantErased("u1"));
    assertEquals("post_not_restorable", rejected(new Restore("p1"), erased).reason());
    assertEquals("not_found", rejected(new Restore("nope"), hidden).code());
  }
}
