package nl.dialoogtafel.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.dialoogtafel.dialogue.Dialogue;
import nl.dialoogtafel.dialogue.Participant;
import nl.dialoogtafel.dialogue.Phase;
import nl.dialoogtafel.dialogue.PostKind;
import nl.dialoogtafel.dialogue.SessionEvent;
import nl.dialoogtafel.dialogue.SessionEvent.ConnectionMade;
import nl.dialoogtafel.dialogue.SessionEvent.ContactDeclined;
import nl.dialoogtafel.dialogue.SessionEvent.ContactRequested;
import nl.dialoogtafel.dialogue.SessionEvent.HarvestAdded;
import nl.dialoogtafel.dialogue.SessionEvent.ParticipantErased;
import nl.dialoogtafel.dialogue.SessionEvent.ParticipantJoined;
import nl.dialoogtafel.dialogue.SessionEvent.PhaseStarted;
import nl.dialoogtafel.dialogue.SessionEvent.PostAdded;
import nl.dialoogtafel.dialogue.SessionEvent.PostHidden;
import nl.dialoogtafel.dialogue.SessionEvent.PostMarked;
import nl.dialoogtafel.dialogue.SessionEvent.KioskViewSet;
import nl.dialoogtafel.dialogue.KioskView;
import nl.dialoogtafel.dialogue.SessionEvent.PhaseClockSet;
import nl.dialoogtafel.dialogue.SessionEvent.PostRestored;
import nl.dialoogtafel.dialogue.SessionEvent.ModerationSet;
import nl.dialoogtafel.dialogue.SessionEvent.PostQueued;
import nl.dialoogtafel.dialogue.SessionEvent.PostDeclined;
import nl.dialoogtafel.dialogue.SessionEvent.PostUnqueued;
import nl.dialoogtafel.dialogue.SessionEvent.PostSpotlighted;
import nl.dialoogtafel.dialogue.SessionEvent.PostWithdrawn;
import nl.dialoogtafel.dialogue.SessionEvent.RecognitionAdded;
import nl.dialoogtafel.dialogue.SessionEvent.SessionClosed;
import nl.dialoogtafel.dialogue.SessionEvent.SessionLocked;
import nl.dialoogtafel.dialogue.SessionEvent.SessionReopened;
import nl.dialoogtafel.dialogue.SessionState;

/**
 * One sample of every {@link SessionEvent}, each of which applies to {@link #before()}: a session
 * where u1 and u2 joined, the first phase started, u1 posted p1 and u2 asked u1 for contact (c1).
 * Every sample that carries someone's words was written by {@link #WRITER}. {@link #all()} fails
 * naming the event types that have no sample yet, so a new event cannot slip past the fold tests.
 */
public final class EventSamples {

  public static final String SESSION = "s-folds";
  public static final String WRITER = "u2";
  public static final Phase STORIES =
      new Phase("verhalen", "Verhalen", "Vertel.", List.of(PostKind.STORY, PostKind.BARRIER), 30);
  public static final Phase NEXT = new Phase("vooruit", "Vooruit", "Wat nu?", List.of(PostKind.BARRIER), 20);
  public static final Participant U1 = new Participant("u1", "Joost", "GGD", "jeugdarts", false);
  public static final Participant U2 = new Participant("u2", "Fatima", "Wijkteam", "hulpverlener", true);
  public static final Participant U3 = new Participant("u3", "Kees", "School", "mentor", true);

  private static final Map<Class<?>, SessionEvent> SAMPLES = new LinkedHashMap<>();

  static {
    sample(new ParticipantJoined(U3));
    sample(new PhaseStarted(NEXT));
    sample(new PostAdded("p2", PostKind.BARRIER, "Wachtlijst", "Maanden wachten op hulp.", "verhalen", WRITER));
    sample(new PostWithdrawn("p1"));
    sample(new PostHidden("p1", "herleidbaar"));
    sample(new PostSpotlighted("p1"));
    sample(new RecognitionAdded("p1", WRITER, "Herkenbaar"));
    sample(new ConnectionMade("c1", "u2", "u1"));
    sample(new SessionLocked());
    sample(new SessionReopened());
    sample(new SessionClosed());
    sample(new HarvestAdded("Samen optrekken", "Maandelijks overleg"));
    sample(new ParticipantErased("u1"));
    sample(new PostMarked("p1", true));
    sample(new KioskViewSet(new KioskView(false, true, true, "p1", "dark", "recognised", false)));
    sample(new PhaseClockSet("verhalen", "extended", 5, 1500, true));
    sample(new ContactRequested("c2", "u1", "u3", "Koffie?"));
    sample(new ContactDeclined("c1"));
    sample(new PostRestored("p1"));
    sample(new ModerationSet(true));
    sample(new PostQueued("p3", PostKind.STORY, "Wacht", "Eerst langs de gespreksleider.", "verhalen", WRITER));
    sample(new PostDeclined("p3", "Herleidbaar"));
    sample(new PostUnqueued("p3"));
  }

  private EventSamples() {}

  private static void sample(SessionEvent event) {
    SAMPLES.put(event.getClass(), event);
  }

  /** One sample per permitted subtype of {@link SessionEvent}, in declaration order. */
  public static List<SessionEvent> all() {
    List<String> missing = new ArrayList<>();
    List<SessionEvent> out = new ArrayList<>();
    for (Class<?> type : SessionEvent.class.getPermittedSubclasses()) {
      SessionEvent sample = SAMPLES.get(type);
      if (sample == null) {
        missing.add(type.getSimpleName());
      } else {
        out.add(sample);
      }
    }
    if (!missing.isEmpty()) {
      throw new AssertionError("no sample in EventSamples for " + missing
          + ": add one that applies to EventSamples.before()");
    }
    return out;
  }

  /** The public events the samples apply after, in record order. */
  public static List<SessionEvent> history() {
    return List.of(new ParticipantJoined(U1), new ParticipantJoined(U2), new PhaseStarted(STORIES),
        new PostAdded("p1", PostKind.STORY, "Eerste", "Een verhaal uit de praktijk.", "verhalen", "u1"));
  }

  /** The state every sample applies to: {@link #history()} plus u2's pending request to u1. */
  public static SessionState before() {
    List<SessionEvent> all = new ArrayList<>(history());
    all.add(new ContactRequested("c1", "u2", "u1", "Even bellen?"));
    return Dialogue.fold(SessionState.initial(SESSION, List.of(STORIES, NEXT)), all);
  }

  /** The people behind the ids, as the participant store keeps them. */
  public static Map<String, Participant> people() {
    Map<String, Participant> people = new LinkedHashMap<>();
    Arrays.asList(U1, U2, U3).forEach(p -> people.put(p.id(), p));
    return people;
  }
}
