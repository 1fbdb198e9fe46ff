package nl.dialoogtafel.record;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.dialoogtafel.dialogue.Participant;
import nl.dialoogtafel.dialogue.Phase;
import nl.dialoogtafel.dialogue.PostKind;
import nl.dialoogtafel.dialogue.KioskView;
import nl.dialoogtafel.dialogue.SessionEvent;
import nl.dialoogtafel.dialogue.SessionEvent.ConnectionMade;
import nl.dialoogtafel.dialogue.SessionEvent.HarvestAdded;
import nl.dialoogtafel.dialogue.SessionEvent.ParticipantErased;
import nl.dialoogtafel.dialogue.SessionEvent.ParticipantJoined;
import nl.dialoogtafel.dialogue.SessionEvent.PhaseStarted;
import nl.dialoogtafel.dialogue.SessionEvent.PostAdded;
import nl.dialoogtafel.dialogue.SessionEvent.PostHidden;
import nl.dialoogtafel.dialogue.SessionEvent.PostMarked;
import nl.dialoogtafel.dialogue.SessionEvent.KioskViewSet;
import nl.dialoogtafel.dialogue.SessionEvent.PhaseClockSet;
import nl.dialoogtafel.dialogue.SessionEvent.PostRestored;
import nl.dialoogtafel.dialogue.SessionEvent.ModerationSet;
import nl.dialoogtafel.dialogue.SessionEvent.PostSpotlighted;
import nl.dialoogtafel.dialogue.SessionEvent.PostWithdrawn;
import nl.dialoogtafel.dialogue.SessionEvent.RecognitionAdded;
import nl.dialoogtafel.dialogue.SessionEvent.SessionClosed;
import nl.dialoogtafel.dialogue.SessionEvent.SessionLocked;
import nl.dialoogtafel.dialogue.SessionEvent.SessionReopened;

/**
 * Public events to and from their stored form. People appear by id only: names live with the
 * participant, so erasing a person never touches the sealed record. Encoding is a fold over the
 * typed events ({@link EventEncoding}); decoding goes from a name to a type, which no visitor can
 * do, so it is the one table below — FoldCompletenessTest checks that every public event is in it
 * and decodes back to itself.
 */
public final class EventCodec {

  /** Rebuilds one event from its stored data; {@code people} supplies names kept outside the record. */
  @FunctionalInterface
  private interface Decoder {
    SessionEvent decode(JsonObject data, Map<String, Participant> people);
  }

  private static final Map<String, Decoder> DECODERS = new LinkedHashMap<>();
  private static final String JOINED = "participant.joined";

  static {
    DECODERS.put(JOINED, (d, people) -> {
      JsonObject p = d.getJsonObject("participant");
      Participant known = people.get(p.getString("id"));
      return new ParticipantJoined(new Participant(p.getString("id"),
          known == null ? null : known.name(), p.getString("organisation"), p.getString("role"),
          known != null && known.showName()));
    });
    DECODERS.put("phase.started", (d, people) -> new PhaseStarted(phase(d.getJsonObject("phase"))));
    DECODERS.put("post.added", (d, people) -> {
      JsonObject p = d.getJsonObject("post");
      return new PostAdded(p.getString("id"), PostKind.fromWire(p.getString("kind")).orElseThrow(),
          p.getString("title"), p.getString("text"), p.getString("phase"),
          p.getJsonObject("author").getString("id"));
    });
    DECODERS.put("post.withdrawn", (d, people) -> new PostWithdrawn(d.getString("post")));
    DECODERS.put("post.hidden", (d, people) -> new PostHidden(d.getString("post"), d.getString("reason")));
    DECODERS.put("post.spotlighted", (d, people) -> new PostSpotlighted(d.getString("post")));
    DECODERS.put("recognition.added", (d, people) ->
        new RecognitionAdded(d.getString("post"), d.getJsonObject("by").getString("id"), d.getString("note")));
    DECODERS.put("connection.made", (d, people) -> {
      JsonArray between = d.getJsonArray("between");
      return new ConnectionMade(d.getString("request"), between.getJsonObject(0).getString("id"),
          between.getJsonObject(1).getString("id"));
    });
    DECODERS.put("session.locked", (d, people) -> new SessionLocked());
    DECODERS.put("session.reopened", (d, people) -> new SessionReopened());
    DECODERS.put("session.closed", (d, people) -> new SessionClosed());
    DECODERS.put("harvest.added", (d, people) -> new HarvestAdded(d.getString("harvest"), d.getString("agreements")));
    DECODERS.put("post.marked", (d, people) -> new PostMarked(d.getString("post"), d.getBoolean("telling", true)));
    DECODERS.put("participant.erased", (d, people) ->
        new ParticipantErased(d.getJsonObject("participant").getString("id")));
    DECODERS.put("kiosk.view", (d, people) -> new KioskViewSet(new KioskView(d.getBoolean("join", true),
        d.getBoolean("counts", true), d.getBoolean("frozen", false), d.getString("post"), d.getString("theme", "light"),
        d.getString("order", "newest"), d.getBoolean("totals", false))));
    DECODERS.put("phase.clock", (d, people) -> new PhaseClockSet(d.getString("phase"), d.getString("action"),
        d.getInteger("minutes"), d.getLong("left"), d.getBoolean("running")));
    DECODERS.put("post.restored", (d, people) -> new PostRestored(d.getString("post")));
    DECODERS.put("moderation.set", (d, people) -> new ModerationSet(d.getBoolean("queue", false)));
  }

  private EventCodec() {}

  /** The names of the events a record can hold, in the order the table lists them. */
  public static Set<String> names() {
    return DECODERS.keySet();
  }

  /** The stored data of a public event; a private one is refused, it never enters the record. */
  public static JsonObject toData(SessionEvent event) {
    return event.accept(EventEncoding.INSTANCE);
  }

  /**
   * Everyone who joined, by id, in the order they joined: whose names a fold of these events may
   * need ({@code participant.joined} keeps the id, never the name).
   */
  public static List<String> joinedIds(List<StoredEvent> events) {
    List<String> ids = new ArrayList<>();
    for (StoredEvent stored : events) {
      if (JOINED.equals(stored.name()) && stored.data().getValue("participant") instanceof JsonObject p
          && p.getValue("id") instanceof String id) {
        ids.add(id);
      }
    }
    return ids;
  }

  /** Rebuilds the domain event; {@code people} supplies names kept outside the record. */
  public static SessionEvent fromStored(StoredEvent stored, Map<String, Participant> people) {
    return decode(stored.name(), stored.data(), people);
  }

  /** Rebuilds the event stored under {@code name}; fails on a name the record does not know. */
  public static SessionEvent decode(String name, JsonObject data, Map<String, Participant> people) {
    Decoder decoder = DECODERS.get(name);
    if (decoder == null) {
      throw new IllegalArgumentException("unknown stored event " + name);
    }
    return decoder.decode(data, people);
  }

  /**
   * The event as the archive reads it: empty when the name is unknown or the data is not in its
   * stored form. A damaged record must still be shown and checked, not fail to open; the integrity
   * check is what tells the reader about the damage.
   */
  public static Optional<SessionEvent> read(StoredEvent stored, Map<String, Participant> people) {
    Decoder decoder = DECODERS.get(stored.name());
    if (decoder == null || stored.data() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(decoder.decode(stored.data(), people));
    } catch (RuntimeException damaged) {
      return Optional.empty();
    }
  }

  public static JsonObject phase(Phase phase) {
    JsonArray kinds = new JsonArray();
    phase.kinds().forEach(k -> kinds.add(k.wire()));
    return new JsonObject().put("id", phase.id()).put("title", phase.title()).put("prompt", phase.prompt())
        .put("kinds", kinds).put("minutes", phase.minutes());
  }

  public static Phase phase(JsonObject json) {
    List<PostKind> kinds = new ArrayList<>();
    for (Object k : json.getJsonArray("kinds", new JsonArray())) {
      PostKind.fromWire(String.valueOf(k)).ifPresent(kinds::add);
    }
    return new Phase(json.getString("id"), json.getString("title"), json.getString("prompt"), kinds,
        json.getInteger("minutes", 0));
  }
}
