package nl.dialoogtafel.dialogue;

import org.pcollections.HashTreePSet;
import org.pcollections.PSet;

/**
 * A post as the session knows it: who wrote it, where, and what became of it. Immutable; who
 * recognised it is a persistent set, so one more recognition does not copy the others.
 */
public record PostState(
    String id, PostKind kind, String authorId, String phaseId, boolean withdrawn, boolean hidden,
    PSet<String> recognizedBy, boolean telling) {

  /** A post just added: on the wall, recognised by nobody yet. */
  static PostState added(String id, PostKind kind, String authorId, String phaseId) {
    return new PostState(id, kind, authorId, phaseId, false, false, HashTreePSet.empty(), false);
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

  /** Back on the wall after a hide; a withdrawal is never undone. */
  PostState restore() {
    return new PostState(id, kind, authorId, phaseId, withdrawn, false, recognizedBy, telling);
  }

  PostState recognizedBy(String participantId) {
    return new PostState(id, kind, authorId, phaseId, withdrawn, hidden, recognizedBy.plus(participantId), telling);
  }
}
