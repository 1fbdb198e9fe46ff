package nl.dialoogtafel.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import nl.dialoogtafel.archive.ArchivedSession;
import nl.dialoogtafel.archive.NarrativeRecord;
import nl.dialoogtafel.archive.RecordExport;
import nl.dialoogtafel.archive.RecordFolder;
import nl.dialoogtafel.dialogue.Dialogue;
import nl.dialoogtafel.dialogue.SessionEvent;
import nl.dialoogtafel.dialogue.SessionEvent.ParticipantErased;
import nl.dialoogtafel.dialogue.SessionStatus;
import nl.dialoogtafel.live.hub.EventView;
import nl.dialoogtafel.live.hub.PersonErasure;
import nl.dialoogtafel.support.EventSamples;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every event through every fold over events. The compiler already makes each fold name every
 * event ({@link SessionEvent.Cases}); this makes each answer for it at run time — no "unknown
 * event", no missing answer — including the two folds the compiler cannot follow: decoding from
 * a stored name back to a type, and the screens' fold in record.js ({@code RecordJsEventsTest}).
 * A failure names the fold and the event.
 */
class FoldCompletenessTest {

  private static final Map<String, nl.dialoogtafel.dialogue.Participant> PEOPLE = EventSamples.people();

  /** A fold over events, given one event; it answers (not null) or throws. */
  private record Fold(String name, boolean recordOnly, Function<SessionEvent, Object> apply) {}

  /**
   * The folds. {@code recordOnly}: the fold reads the stored record, which never holds a private
   * event ({@link #privateEventsStayOutOfTheRecord} checks that they are refused there).
   */
  private static List<Fold> folds() {
    List<Fold> folds = new ArrayList<>(List.of(
        new Fold("Dialogue.evolve", false, e -> Dialogue.evolve(EventSamples.before(), e)),
        new Fold("EventCodec round trip", true, FoldCompletenessTest::roundTrip),
        new Fold("Redaction.remaining", false, Redaction::remaining),
        new Fold("RecordCheck grounds", false, e -> e.accept(new RemovalGrounds())),
        new Fold("RecordCheck.check", true, FoldCompletenessTest::checked),
        new Fold("RecordCheck.check, words erased", true, FoldCompletenessTest::checkedErased),
        new Fold("RecordFolder.fold", true, FoldCompletenessTest::folded),
        new Fold("RecordExport.of, then ExportVerifier", true, FoldCompletenessTest::exported),
        new Fold("EventView.render (the room)", true, FoldCompletenessTest::shownToTheRoom),
        new Fold("PersonErasure.traces", false, PersonErasure::traces)));
    // HeadWriter.statusSetBy is package-private: live.hub.LiveFoldsTest walks the same samples through it.
    return folds;
  }

  @TestFactory
  @DisplayName("Every event answers in every fold")
  Stream<DynamicTest> everyEventThroughEveryFold() {
    List<SessionEvent> events = EventSamples.all();
    return folds().stream().flatMap(fold -> events.stream()
        .filter(e -> e.isPublic() || !fold.recordOnly())
        .map(e -> DynamicTest.dynamicTest(fold.name() + " / " + e.name(), () -> {
          Object answer;
          try {
            answer = fold.apply().apply(e);
          } catch (RuntimeException | AssertionError failed) {
            throw new AssertionError(fold.name() + " fails on " + e.name() + ": " + failed, failed);
          }
          assertNotNull(answer, fold.name() + " returns nothing for " + e.name());
        })));
  }

  @Test
  @DisplayName("Every event type has a name of its own, and the record's names are exactly the public events'")
  void namesAreOneToOne() {
    List<String> names = EventSamples.all().stream().map(SessionEvent::name).toList();
    assertEquals(names.size(), names.stream().distinct().count(), "two event types share a name: " + names);
    List<String> publicNames = EventSamples.all().stream().filter(SessionEvent::isPublic).map(SessionEvent::name)
        .sorted().toList();
    assertEquals(publicNames, EventCodec.names().stream().sorted().toList(),
        "the decoding table must hold every public event, and only those");
  }

  @Test
  @DisplayName("A private event is refused by the record's codec: it is kept with the contact notes")
  void privateEventsStayOutOfTheRecord() {
    for (SessionEvent e : EventSamples.all()) {
      if (!e.isPublic()) {
        assertFalse(EventCodec.names().contains(e.name()), e.name() + " must not decode from the record");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> EventCodec.toData(e),
            e.name() + " must not encode into the record");
        assertTrue(refused.getMessage().contains("not a public event"), refused.getMessage());
      }
    }
  }

  /** The event's name decodes its data back to the same event. */
  private static Object roundTrip(SessionEvent e) {
    JsonObject data = EventCodec.toData(e);
    SessionEvent back = EventCodec.decode(e.name(), data, PEOPLE);
    assertEquals(e, back, "stored as " + e.name() + " " + data.encode());
    return back;
  }

  /** The history and the event, sealed into a chain. */
  private static List<StoredEvent> sealed(SessionEvent e, SessionEvent... after) {
    List<SessionEvent> events = new ArrayList<>(EventSamples.history());
    events.add(e);
    events.addAll(List.of(after));
    List<StoredEvent> out = new ArrayList<>();
    String previous = HashChain.GENESIS;
    for (SessionEvent event : events) {
      String at = String.format("2025-03-01T10:%02d:00Z", out.size());
      StoredEvent s = HashChain.seal(EventSamples.SESSION, out.size() + 1, at, event.name(), EventCodec.toData(event),
          "k" + out.size(), previous);
      previous = s.hash();
      out.add(s);
    }
    return out;
  }

  private static RecordCheck.Head head(List<StoredEvent> events) {
    StoredEvent last = events.get(events.size() - 1);
    return new RecordCheck.Head(last.seq(), last.hash());
  }

  private static Object checked(SessionEvent e) {
    List<StoredEvent> events = sealed(e);
    RecordCheck.Result result = RecordCheck.check(EventSamples.SESSION, events, head(events));
    assertTrue(result.valid() && result.complete(), "verdict " + result);
    return result;
  }

  /** Where the event carries words, they are erased with their writer; the record must still verify. */
  private static Object checkedErased(SessionEvent e) {
    List<StoredEvent> events = sealed(e, new ParticipantErased(EventSamples.WRITER));
    Optional<JsonObject> remaining = Redaction.remaining(e);
    if (remaining.isPresent()) {
      int at = EventSamples.history().size();
      StoredEvent s = events.get(at);
      events.set(at, new StoredEvent(s.session(), s.seq(), s.at(), s.name(), remaining.get(), s.key(),
          s.contentHash(), s.hash(), Redaction.marker(s.at(), "erased")));
    }
    RecordCheck.Result result = RecordCheck.check(EventSamples.SESSION, events, head(events));
    assertTrue(result.valid() && result.complete(), "verdict " + result);
    assertEquals(remaining.isPresent() ? 1 : 0, result.redacted());
    return result;
  }

  private static final SessionInfo INFO = new SessionInfo(EventSamples.SESSION, "ABCDEF", "k", "Dialoog", "Utrecht",
      "Oost", "transformatiedialoog", List.of(EventSamples.STORIES, EventSamples.NEXT), "gl", "2025-03-01T09:00:00Z",
      SessionStatus.CLOSED);

  private static Object exported(SessionEvent e) {
    List<StoredEvent> events = sealed(e);
    JsonObject export = RecordExport.of(new ArchivedSession(INFO, head(events)), events, List.copyOf(PEOPLE.values()));
    RecordCheck.Result result = ExportVerifier.verify(export);
    assertTrue(result.valid() && result.complete(), "verdict " + result);
    return export;
  }

  private static Object shownToTheRoom(SessionEvent e) {
    List<StoredEvent> events = sealed(e);
    JsonObject wire = EventView.render(events.get(events.size() - 1), e, EventSamples.before());
    assertEquals(e.name(), wire.getString("name"));
    return wire.getJsonObject("data");
  }

  private static Object folded(SessionEvent e) {
    List<StoredEvent> events = sealed(e);
    NarrativeRecord told = RecordFolder.fold(INFO, head(events), events, PEOPLE);
    if (!told.integrity().valid()) {
      fail("verdict " + told.integrity());
    }
    return told;
  }
}
