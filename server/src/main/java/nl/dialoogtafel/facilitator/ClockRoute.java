package nl.dialoogtafel.facilitator;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import nl.dialoogtafel.dialogue.Command;
import nl.dialoogtafel.dialogue.Command.SetClock.ClockAction;
import nl.dialoogtafel.http.ApiReplies;
import nl.dialoogtafel.http.Bodies;
import nl.dialoogtafel.http.Fields;
import nl.dialoogtafel.http.Refusal;

/**
 * Extension: {@code POST /api/sessions/{id}/clock} {@code {action, minutes?}} — the facilitator
 * pauses, resumes, extends or restarts the current phase's clock. Answers 200 with the
 * {@code phase.clock} event, as the session's other routes answer with theirs.
 */
public final class ClockRoute {

  /** What "+ minutes" adds when the console does not say. */
  static final int DEFAULT_EXTEND_MINUTES = 5;
  static final int MAX_EXTEND_MINUTES = 60;

  private final FacilitatorApi api;

  public ClockRoute(FacilitatorApi api) {
    this.api = api;
  }

  public void handle(RoutingContext ctx) {
    JsonObject body = Bodies.object(ctx);
    if (body == null) {
      return;
    }
    ClockAction action;
    int minutes;
    try {
      action = action(new Fields(body).text("action", 1, 16, false));
      minutes = action == ClockAction.EXTEND ? minutes(new Fields(body)) : 0;
    } catch (Refusal invalid) {
      ApiReplies.failure(ctx, invalid);
      return;
    }
    // The clock is read, and the time taken, on the session's own loop right before deciding.
    api.ownHub(ctx).compose(hub -> hub.submitWithClock(
                reading -> new Command.SetClock(action, minutes, reading, System.currentTimeMillis()),
                FacilitatorApi.systemKey())
            .compose(seq -> hub.headWritten().compose(v -> hub.renderedEvent(seq))))
        .onSuccess(event -> ApiReplies.json(ctx, 200, event))
        .onFailure(e -> ApiReplies.failure(ctx, e));
  }

  private static ClockAction action(String wire) {
    try {
      return ClockAction.valueOf(wire.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw Refusal.invalid("action", "clock_action");
    }
  }

  private static int minutes(Fields fields) {
    long minutes = fields.count("minutes");
    if (minutes == 0) {
      return DEFAULT_EXTEND_MINUTES;
    }
    if (minutes > MAX_EXTEND_MINUTES) {
      throw Refusal.invalid("minutes", "clock_minutes");
    }
    return (int) minutes;
  }
}
