package nl.dialoogtafel.dialogue;

import java.util.List;

/**
 * One step of a session: what the room talks about, which kinds of post it invites and how
 * long the facilitator plans for it. A phase with no kinds is for talking only.
 */
public record Phase(String id, String title, String prompt, List<PostKind> kinds, int minutes) {
  public Phase {
    kinds = List.copyOf(kinds);
  }

  public boolean allows(PostKind kind) {
    return kinds.contains(kind);
  }
}
