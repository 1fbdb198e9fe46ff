package nl.dialoogtafel.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nl.dialoogtafel.dialogue.Command.AcceptContact;
import nl.dialoogtafel.dialogue.Command.AddPost;
import nl.dialoogtafel.dialogue.Command.Recognize;
import nl.dialoogtafel.dialogue.Command.RequestContact;
import nl.dialoogtafel.dialogue.Command.Withdraw;
import nl.dialoogtafel.dialogue.SessionEvent.ConnectionMade;
import nl.dialoogtafel.dialogue.SessionEvent.ContactDeclined;
import nl.dialoogtafel.dialogue.SessionEvent.ContactRequested;
import nl.dialoogtafel.dialogue.SessionEvent.ParticipantErased;
import nl.dialoogtafel.dialogue.SessionEvent.ParticipantJoined;
import nl.dialoogtafel.dialogue.SessionEvent.PhaseStarted;
import nl.dialoogtafel.dialogue.SessionEvent.PostAdded;
import nl.dialoogtafel.dialogue.SessionEvent.PostHidden;
import nl.dialoogtafel.dialogue.SessionEvent.PostWithdrawn;
import nl.dialoogtafel.dialogue.SessionEvent.RecognitionAdded;
import nl.dialoogtafel.dialogue.SessionEvent.SessionClosed;
import nl.dialoogtafel.dialogue.SessionEvent.SessionLocked;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The rules, proven by folding event lists: no server, no database. */
class DialogueTest {

  private static final Phase STORIES = new Phase("verhalen", "Verhalen", "Vertel.", List.of(PostKind.STORY), 30);
  private static final Phase BARRIERS = new Phase("knelpunten", "Knelpunten", "Wat zit in de weg?",
      List.of(PostKind.BARRIER), 20);
  private static final Participant FATIMA = new Participant("u1", "Fatima", "Jeugdteam Oost", "verpleegkundige", true);
  private static final Participant JOOST = new Participant("u2", "Joost", "GGD", "jeugdarts", false);

  private static SessionState given(SessionEvent... events) {
    return Dialogue.fold(SessionState.initial("s1", List.of(STORIES, BARRIERS)), List.of(events));
  }

  private static SessionState room() {
    return given(new PhaseStarted(STORIES), new ParticipantJoined(FATIMA), new ParticipantJoined(JOOST));
  }

  private static Rejection rejected(Decision decision) {
    return assertInstanceOf(Decision.Rejected.class, decision).rejection();
  }

  private static SessionEvent accepted(Decision decision) {
    List<SessionEvent> events = assertInstanceOf(Decision.Accepted.class, decision).events();
    assertEquals(1, events.size());
    return events.get(0);
  }

  @Test
  @DisplayName("Folding counts only public events in seq; contact requests do not advance it")
  void seqCountsPublicEvents() {
    SessionState state = Dialogue.fold(room(), List.of(new ContactRequested("c1", "u1", "u2", null)));
    assertEquals(3, state.seq());
    assertEquals(ContactRequest.Status.PENDING, state.requests().get("c1").status());
  }

  @Test
  @DisplayName("A story is accepted in a story phase and lands in that phase")
  void storyInStoryPhase() {
    SessionEvent event = accepted(Dialogue.decide(new AddPost("p1", "u1", PostKind.STORY, null, "Verhaal"), room()));
    assertEquals(new PostAdded("p1", PostKind.STORY, null, "Verhaal", "verhalen", "u1"), event);
  }

  @Test
  @DisplayName("A knelpunt in a phase that only invites stories is refused on the field kind")
  void barrierOutsideItsPhase() {
    Rejection rejection = rejected(Dialogue.decide(new AddPost("p1", "u1", PostKind.BARRIER, null, "x"), room()));
    assertEquals("invalid", rejection.code());
    assertEquals("kind", rejection.field());
    SessionState barrierPhase = Dialogue.evolve(room(), new PhaseStarted(BARRIERS));
    accepted(Dialogue.decide(new AddPost("p1", "u1", PostKind.BARRIER, null, "x"), barrierPhase));
  }

  @Test
  @DisplayName("A locked session refuses posts and recognitions but still lets an author withdraw")
  void lockedSession() {
    SessionState locked = Dialogue.fold(room(), List.of(
        new PostAdded("p1", PostKind.STORY, null, "x", "verhalen", "u1"), new SessionLocked()));
    assertEquals(SessionStatus.LOCKED, locked.status());
    assertEquals("session_locked", rejected(Dialogue.decide(
        new AddPost("p2", "u1", PostKind.STORY, null, "y"), locked)).code());
    assertEquals("session_locked", rejected(Dialogue.decide(new Recognize("u2", "p1", null), locked)).code());
    assertInstanceOf(PostWithdrawn.class, accepted(Dialogue.decide(new Withdraw("u1", "p1"), locked)));
  }

  @Test
  @DisplayName("A closed session refuses joining, posting and reopening")
  void closedSession() {
    SessionState closed = Dialogue.evolve(room(), new SessionClosed());
    assertEquals("session_closed", rejected(Dialogue.decide(new Command.Join(
        new Participant("u3", "Ali", "School", "maatschappelijk werker", true)), closed)).code());
    assertEquals("session_closed", rejected(Dialogue.decide(
        new AddPost("p1", "u1", PostKind.STORY, null, "x"), closed)).code());
    assertEquals("session_closed", rejected(Dialogue.decide(new Command.Reopen(), closed)).code());
  }

  @Test
  @DisplayName("Only the author may withdraw a post, and a withdrawn post cannot be withdrawn again")
  void withdrawOwnOnly() {
    SessionState state = Dialogue.evolve(room(), new PostAdded("p1", PostKind.STORY, null, "x", "verhalen", "u1"));
    assertEquals("forbidden", rejected(Dialogue.decide(new Withdraw("u2", "p1"), state)).code());
    SessionState withdrawn = Dialogue.evolve(state, accepted(Dialogue.decide(new Withdraw("u1", "p1"), state)));
    assertFalse(withdrawn.posts().get("p1").visible());
    assertEquals("not_found", rejected(Dialogue.decide(new Withdraw("u1", "p1"), withdrawn)).code());
  }

  @Test
  @DisplayName("One recognition per person per post, never of one's own post, never of a hidden post")
  void recognitionRules() {
    SessionState state = Dialogue.evolve(room(), new PostAdded("p1", PostKind.STORY, null, "x", "verhalen", "u1"));
    assertEquals("own_post", rejected(Dialogue.decide(new Recognize("u1", "p1", null), state)).reason());
    SessionState recognised = Dialogue.evolve(state,
        accepted(Dialogue.decide(new Recognize("u2", "p1", "Herkenbaar!"), state)));
    assertEquals(java.util.Set.of("u2"), recognised.posts().get("p1").recognizedBy());
    assertEquals("already_recognized", rejected(Dialogue.decide(new Recognize("u2", "p1", null), recognised)).reason());
    SessionState hidden = Dialogue.evolve(state, new PostHidden("p1", "privacy"));
    assertEquals("not_found", rejected(Dialogue.decide(new Recognize("u2", "p1", null), hidden)).code());
  }

  @Test
  @DisplayName("Contact: only the asked person can accept; acceptance connects both; no second request meanwhile")
  void contactExchange() {
    SessionState asked = Dialogue.evolve(room(),
        accepted(Dialogue.decide(new RequestContact("c1", "u1", "u2", "Bel je me?"), room())));
    assertEquals("request_pending", rejected(Dialogue.decide(new RequestContact("c2", "u1", "u2", null), asked)).reason());
    assertEquals("not_found", rejected(Dialogue.decide(new AcceptContact("u1", "c1"), asked)).code());
    SessionEvent made = accepted(Dialogue.decide(new AcceptContact("u2", "c1"), asked));
    assertEquals(new ConnectionMade("c1", "u1", "u2"), made);
    SessionState connected = Dialogue.evolve(asked, made);
    assertTrue(connected.connected("u2", "u1"));
    assertEquals("already_connected", rejected(Dialogue.decide(new RequestContact("c3", "u2", "u1", null), connected)).reason());
    assertEquals("request_answered", rejected(Dialogue.decide(new AcceptContact("u2", "c1"), connected)).reason());
  }

  @Test
  @DisplayName("A declined request can be followed by a new one; asking yourself is refused")
  void declineAndSelf() {
    SessionState declined = Dialogue.fold(room(), List.of(
        new ContactRequested("c1", "u1", "u2", null), new ContactDeclined("c1")));
    assertEquals(ContactRequest.Status.DECLINED, declined.requests().get("c1").status());
    accepted(Dialogue.decide(new RequestContact("c2", "u1", "u2", null), declined));
    assertEquals("contact_self", rejected(Dialogue.decide(new RequestContact("c3", "u1", "u1", null), declined)).reason());
  }

  @Test
  @DisplayName("Facilitator: a phase can start once at a time; lock and reopen alternate; close is final")
  void facilitatorCommands() {
    assertEquals("phase_current", rejected(Dialogue.decide(new Command.StartPhase("verhalen"), room())).reason());
    assertEquals("phase_unknown", rejected(Dialogue.decide(new Command.StartPhase("pauze"), room())).reason());
    assertEquals("not_locked", rejected(Dialogue.decide(new Command.Reopen(), room())).reason());
    SessionState locked = Dialogue.evolve(room(), accepted(Dialogue.decide(new Command.Lock(), room())));
    assertEquals("not_open", rejected(Dialogue.decide(new Command.Lock(), locked)).reason());
    SessionState closed = Dialogue.evolve(locked, accepted(Dialogue.decide(new Command.Close(), locked)));
    assertEquals(SessionStatus.CLOSED, closed.status());
    assertEquals("session_closed", rejected(Dialogue.decide(new Command.Close(), closed)).code());
  }

  @Test
  @DisplayName("A participant who chose not to show their name has no public name")
  void publicName() {
    assertEquals(null, JOOST.publicName());
    assertEquals("Fatima", FATIMA.publicName());
    assertInstanceOf(RecognitionAdded.class, accepted(Dialogue.decide(new Recognize("u2", "p1", null),
        Dialogue.evolve(room(), new PostAdded("p1", PostKind.STORY, null, "x", "verhalen", "u1")))));
  }

  @Test
  @DisplayName("The harvest is accepted in every state, also after closing, and counts as a public event")
  void harvestInEveryState() {
    SessionState closed = given(new PhaseStarted(STORIES), new SessionClosed());
    SessionEvent harvest = accepted(Dialogue.decide(new Command.AddHarvest("We bellen elkaar.", null), closed));
    assertEquals(new SessionEvent.HarvestAdded("We bellen elkaar.", null), harvest);
    assertEquals("harvest.added", harvest.name());
    assertEquals(closed.seq() + 1, Dialogue.evolve(closed, harvest).seq());
    assertInstanceOf(SessionEvent.HarvestAdded.class,
        accepted(Dialogue.decide(new Command.AddHarvest(null, "Elke maand overleg."), room())));
  }

  @Test
  @DisplayName("A visible story can be marked telling once and unmarked once, also after closing; a hidden one cannot")
  void tellingMarks() {
    SessionState withPost = Dialogue.fold(room(), List.of(
        new PostAdded("p1", PostKind.STORY, null, "Het lukte toch.", "verhalen", "u1"), new SessionClosed()));
    SessionEvent marked = accepted(Dialogue.decide(new Command.MarkTelling("p1", true), withPost));
    assertEquals(new SessionEvent.PostMarked("p1", true), marked);
    SessionState after = Dialogue.evolve(withPost, marked);
    assertTrue(after.posts().get("p1").telling());
    assertEquals("already_telling", rejected(Dialogue.decide(new Command.MarkTelling("p1", true), after)).reason());
    SessionState unmarked = Dialogue.evolve(after, accepted(Dialogue.decide(new Command.MarkTelling("p1", false), after)));
    assertFalse(unmarked.posts().get("p1").telling());
    assertEquals("not_telling", rejected(Dialogue.decide(new Command.MarkTelling("p1", false), unmarked)).reason());
    assertEquals("post_not_found", rejected(Dialogue.decide(new Command.MarkTelling("p9", true), after)).reason());
    SessionState hidden = Dialogue.evolve(Dialogue.fold(room(), List.of(
        new PostAdded("p2", PostKind.STORY, null, "Weg.", "verhalen", "u1"))), new PostHidden("p2", "naam genoemd"));
    assertEquals("not_found", rejected(Dialogue.decide(new Command.MarkTelling("p2", true), hidden)).code());
  }

  @Test
  @DisplayName("Evolving leaves the state it started from as it was: a dropped speculative batch changes nothing")
  void oldStatesStayValid() {
    SessionState before = room();
    for (int i = 0; i < 500; i++) {
      before = Dialogue.evolve(before, new PostAdded("p" + i, PostKind.STORY, "", "Verhaal " + i, "verhalen", "u1"));
    }
    SessionState speculative = Dialogue.fold(before, List.of(
        new RecognitionAdded("p1", "u2", null),
        new PostWithdrawn("p2"),
        new ContactRequested("c1", "u1", "u2", null),
        new ConnectionMade("c1", "u1", "u2"),
        new ParticipantErased("u1")));

    assertEquals(503, before.seq());
    assertEquals(500, before.posts().size());
    assertTrue(before.posts().get("p1").recognizedBy().isEmpty());
    assertTrue(before.posts().values().stream().allMatch(PostState::visible), "no post of the old state withdrawn");
    assertEquals("Fatima", before.participants().get("u1").name());
    assertFalse(before.isErased("u1"));
    assertFalse(before.connected("u1", "u2"));
    assertTrue(before.requests().isEmpty());

    assertEquals(507, speculative.seq());
    assertTrue(speculative.posts().values().stream().noneMatch(PostState::visible), "all of Fatima's posts off");
    assertNull(speculative.participants().get("u1").name());
    assertTrue(speculative.connected("u1", "u2"));
  }

  @Test
  @DisplayName("A new post shares everything else with the state before: nothing is copied per event")
  void aPostSharesTheRest() {
    SessionState before = Dialogue.fold(room(), List.of(new ContactRequested("c1", "u1", "u2", null),
        new PostAdded("p1", PostKind.STORY, "", "Eerste", "verhalen", "u1")));
    SessionState after = Dialogue.evolve(before, new PostAdded("p2", PostKind.STORY, "", "Tweede", "verhalen", "u2"));
    assertSame(before.participants(), after.participants());
    assertSame(before.requests(), after.requests());
    assertSame(before.connections(), after.connections());
    assertSame(before.erased(), after.erased());
    assertSame(before.phases(), after.phases());
    assertSame(before.posts().get("p1"), after.posts().get("p1"));
    assertEquals(2, after.posts().size());
  }
}
