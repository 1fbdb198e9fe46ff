package nl.dialoogtafel.archive.search;

import java.util.List;

/**
 * What the search index holds of one closed session: the facts it is filtered on, its readable
 * words (title, visible stories and knelpunten, harvest, agreements, the municipality's answers)
 * as passages, each visible knelpunt on its own (for similar knelpunten and themes), the state it
 * was built at ({@code seq}, {@code revision}) and an opaque {@code payload} the archive keeps.
 * Municipality and community are keys: trimmed, lower case.
 */
public record SessionDoc(String id, long seq, long revision, String municipality, String community, String template,
    String owner, long closedMillis, long closedDay, String title, List<String> passages, List<Knelpunt> knelpunten,
    String payload) {

  public record Knelpunt(String post, String title, String text) {}

  public SessionDoc {
    passages = List.copyOf(passages);
    knelpunten = List.copyOf(knelpunten);
  }
}
