package nl.dialoogtafel.templates;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import nl.dialoogtafel.dialogue.Phase;

/** A ready-made running order for a session: the phases a facilitator leads the room through. */
public record SessionTemplate(String id, String title, String description, List<Phase> phases) {
  public SessionTemplate {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    phases = List.copyOf(phases);
    // a session always starts in some phase, so an empty template cannot be run
    if (phases.isEmpty()) {
      throw new IllegalArgumentException("template " + id + " has no phases");
    }
  }

  public Optional<Phase> phase(String id) {
    return phases.stream().filter(phase -> phase.id().equals(id)).findFirst();
  }

  /** The phase a new session opens with. */
  public Phase first() {
    return phases.get(0);
  }
}
