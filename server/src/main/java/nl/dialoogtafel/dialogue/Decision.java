package nl.dialoogtafel.dialogue;

import java.util.List;

/** The outcome of deciding a command: the events it causes, or why it was refused. */
public sealed interface Decision {

  record Accepted(List<SessionEvent> events) implements Decision {
    public Accepted {
      events = List.copyOf(events);
    }
  }

  record Rejected(Rejection rejection) implements Decision {}

  static Decision accept(SessionEvent... events) {
    return new Accepted(List.of(events));
  }

  static Decision reject(Rejection rejection) {
    return new Rejected(rejection);
  }
}
