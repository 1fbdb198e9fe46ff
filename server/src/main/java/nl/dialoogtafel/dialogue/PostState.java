package nl.dialoogtafel.dialogue;

import java.util.HashSet;
import java.util.Set;

/** A post as the session knows it: who wrote it, where, and what became of it. */
public record PostState(
    String id, PostKind kind, String authorId, String phaseId, boolean withdrawn, boolean hidden,
    Set<String> recognizedBy, boolean telling) {

  public PostState {
    recognizedBy = Set.copyOf(recognizedBy);
  }

  /** Still on the wall: neither withdrawn by its author nor hidden by the facilitator. */
  public boolean visible() {
    return !withdrawn && !hidden;
  }

  PostState withdraw() {
    return new PostState(id, kind, authorId, phaseId, true, hidden, recognizedBy, telling);
  }

  PostState markTelling(boolean marked) {
    return new PostState(id, kind, authorId, phaseId, withdrawn, hidden, recognizedBy, marked);
  }

  PostState hide() {
    return new PostState(id, kind, authorId, phaseId, withdrawn, true, recognizedBy, telling);
  }

  PostState recognizedBy(String participantId) {
    Set<String> by = new HashSet<>(recognizedBy);
    by.add(participantId);
    return new PostState(id, kind, authorId, phaseId, withdrawn, hidden, by, telling);
  }
}
