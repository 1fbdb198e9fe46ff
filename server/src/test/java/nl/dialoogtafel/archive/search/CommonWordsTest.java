package nl.dialoogtafel.archive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Words that say nothing about a knelpunt ("per", "mag", "elke", "ander", "niemand") never name a
 * recurring theme nor count as a word two similar knelpunten share; the words of the field still do.
 */
class CommonWordsTest {

  private static final List<String> COMMON = List.of("per", "mag", "elke", "ander", "niemand");

  @TempDir
  Path folder;

  private static SessionDoc session(String id, String... knelpunten) {
    List<SessionDoc.Knelpunt> kp = new ArrayList<>();
    for (int i = 0; i < knelpunten.length; i++) {
      kp.add(new SessionDoc.Knelpunt(id + "p" + i, null, knelpunten[i]));
    }
    return new SessionDoc(id, 1, 0, "utrecht", "oost", "transformatiedialoog", "beheer", 0, 0, "Sessie " + id,
        List.of(knelpunten), kp, "{}");
  }

  @Test
  @DisplayName("Themes and similar knelpunten are formed on the field's words, never on per, mag, elke, ander, niemand")
  void commonWordsFormNoTheme() throws Exception {
    try (SearchIndex index = SearchIndex.open(Files.createDirectories(folder.resolve("index")))) {
      index.replace(List.of(
          session("sa", "Per gezin mag elke ander niemand bellen over de wachtlijst van de jeugdzorg",
              "De school mag per week niemand anders sturen"),
          session("sb", "Niemand mag per maand elke ander wachtlijst jeugdzorg melden",
              "Elke ander per huisarts mag niemand verwijzen"),
          session("sc", "Per aanvraag mag elke ander niemand helpen met schulden")));
      index.commit(null, false);
      List<Themes.Theme> themes = index.read(s -> Themes.of(s, Scope.everything().query(), 10));
      assertFalse(themes.isEmpty(), "the field's words still form a theme");
      Set<String> commonStems = Set.copyOf(COMMON.stream().flatMap(w -> DutchText.stems(w).stream()).toList());
      for (Themes.Theme theme : themes) {
        for (String word : theme.shared()) {
          assertFalse(commonStems.contains(word), "theme " + theme.shared() + " names a common word: " + word);
        }
      }
      assertTrue(themes.get(0).shared().contains(DutchText.stems("wachtlijst").get(0)), themes.toString());
      assertEquals(2, themes.get(0).members().size(), themes.toString());

      Map<String, List<SimilarKnelpunten.Match>> similar = index.read(s -> SimilarKnelpunten.of(s, "sa",
          Scope.everything().without("sa").query(), 5));
      for (List<SimilarKnelpunten.Match> matches : similar.values()) {
        for (SimilarKnelpunten.Match m : matches) {
          for (String word : m.shared()) {
            assertFalse(commonStems.contains(word), "similar knelpunt shares a common word: " + m);
          }
        }
      }
      assertEquals(List.of("sb"), similar.getOrDefault("sap0", List.of()).stream().map(SimilarKnelpunten.Match::session)
          .toList(), "the knelpunt about the wachtlijst of jeugdzorg is like sb's, and only that: " + similar);
    }
  }
}
