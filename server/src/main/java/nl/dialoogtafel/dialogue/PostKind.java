package nl.dialoogtafel.dialogue;

import java.util.Optional;

/** What a post is: an experience from practice, or a structural problem put to the wethouder. */
public enum PostKind {
  STORY("story"),
  BARRIER("barrier");

  private final String wire;

  PostKind(String wire) {
    this.wire = wire;
  }

  /** The name used on the wire and in stored records. */
  public String wire() {
    return wire;
  }

  public static Optional<PostKind> fromWire(String value) {
    for (PostKind kind : values()) {
      if (kind.wire.equals(value)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
