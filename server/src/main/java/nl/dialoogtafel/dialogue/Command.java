package nl.dialoogtafel.dialogue;

/** What someone asks of a session. Ids and clock readings come in with the command: decide stays pure. */
public sealed interface Command {

  record Join(Participant participant) implements Command {}

  record StartPhase(String phaseId) implements Command {}

  record AddPost(String postId, String authorId, PostKind kind, String title, String text) implements Command {}

  record Withdraw(String byId, String postId) implements Command {}

  record Hide(String postId, String reason) implements Command {}

  record Spotlight(String postId) implements Command {}

  record Recognize(String byId, String postId, String note) implements Command {}

  record RequestContact(String requestId, String fromId, String toId, String note) implements Command {}

  record AcceptContact(String byId, String requestId) implements Command {}

  record DeclineContact(String byId, String requestId) implements Command {}

  record Lock() implements Command {}

  record Reopen() implements Command {}

  record Close() implements Command {}

  /** Extension: what the group takes away, written by the facilitator, also after closing. */
  record AddHarvest(String harvest, String agreements) implements Command {}

  /** Extension: a person's name, contact details and words are erased on their request (AVG). */
  record EraseParticipant(String participantId) implements Command {}

  /** Extension: the facilitator marks (or unmarks) a story as telling, for the half-year account. */
  record MarkTelling(String postId, boolean telling) implements Command {}

  /** Extension: what the projector shows (join panel, counts, freeze, one post, theme, order, totals). */
  record SetKioskView(KioskView view) implements Command {}
  /**
   * Extension: the facilitator pauses, resumes, extends ({@code minutes}) or restarts the current
   * phase's clock. {@code reading} is the clock as the room was shown it and {@code now} the time of
   * asking: the clock reading comes in with the command, so deciding stays pure.
   */
  record SetClock(ClockAction action, int minutes, PhaseClock reading, long now) implements Command {
    public enum ClockAction { PAUSE, RESUME, EXTEND, RESTART }
  }
  /** Extension: the facilitator brings a hidden post back ("terugzetten"). */
  record Restore(String postId) implements Command {}

  /** Extension: pre-moderation on or off, from the console or at creation. */
  record SetModeration(boolean queue) implements Command {}

  /** Extension: the facilitator lets a waiting post through ("plaatsen"). */
  record Approve(String postId) implements Command {}

  /** Extension: the facilitator does not let a waiting post through ("niet plaatsen"), with a reason. */
  record Decline(String postId, String reason) implements Command {}
}
