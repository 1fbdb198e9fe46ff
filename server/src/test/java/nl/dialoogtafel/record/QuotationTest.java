package nl.dialoogtafel.record;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nl.dialoogtafel.dialogue.PostKind;
import nl.dialoogtafel.dialogue.SessionEvent.PostAdded;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** When a contact note quotes a post: four words in a row, or a whole short title; never one word. */
class QuotationTest {

  private static Quotation of(String title, String text) {
    return Quotation.of(List.of(new PostAdded("p1", PostKind.STORY, title, text, "verhalen", "u1")));
  }

  @Test
  @DisplayName("Four words of the text in a row quote it, whatever the case, accents or punctuation")
  void fourWordsInARow() {
    Quotation quoted = of(null, "De wachtlijst bij de kinderarts duurde een half jaar.");
    assertTrue(quoted.quotedIn("Zag jouw: 'wachtlijst, bij DE Kinderarts' — bellen?"));
    assertFalse(quoted.quotedIn("De wachtlijst bij ons is kort"), "three words in a row are not a quote");
    assertFalse(quoted.quotedIn("kinderarts wachtlijst de bij"), "the words, but not in a row");
  }

  @Test
  @DisplayName("A title of two or three words quotes as a whole; a one-word title is an ordinary word")
  void shortTitles() {
    assertTrue(of("Één wachtlijst", "x y").quotedIn("over een wachtlijst gesproken"));
    assertFalse(of("Wachtlijst", "x").quotedIn("over de wachtlijst gesproken"));
    assertFalse(of(null, null).quotedIn("wat dan ook"));
    assertTrue(Quotation.NOTHING.isEmpty());
    assertFalse(Quotation.NOTHING.quotedIn("wat dan ook"));
  }
}
