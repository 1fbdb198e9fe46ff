package nl.dialoogtafel.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.dialoogtafel.support.AdminCookie;
import nl.dialoogtafel.support.ArchiveClient;
import nl.dialoogtafel.support.Facilitator;
import nl.dialoogtafel.support.Phone;
import nl.dialoogtafel.support.SessionScript;
import nl.dialoogtafel.support.WithServer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A time in the record's PDF is never split over two lines: the PDF renderer's line breaker (the
 * JDK's) allows a break after the colon of "20:06", so a time at the end of a full line printed as
 * "20:" and "06". Authors whose organisation grows one letter at a time put the time of their
 * story's "told by" line at every position of a line end.
 */
@Timeout(240)
@WithServer
@DisplayName("The record's PDF keeps a time on one line")
class PdfTimeWrapTest {

  private static Facilitator facilitator;
  private static ArchiveClient archive;
  @AdminCookie
  private static String admin;

  private static final Pattern SPLIT_TIME = Pattern.compile("\\d:[ \\t]*\\R[ \\t]*\\d\\d");
  private static final Pattern TIME = Pattern.compile("\\b\\d\\d:\\d\\d\\b");

  @Test
  @DisplayName("No 'told by' line breaks a time after its colon, wherever the line ends")
  void timesStayWhole() throws Exception {
    SessionScript session = facilitator.script().create("Dialoog Tijd", "Utrecht", null);
    List<Phone> phones = new ArrayList<>();
    int authors = 60;
    try {
      session.phase("verhalen");
      for (int i = 0; i < authors; i++) {
        Phone phone = session.join("Deelnemer", "Wijkteam Utrecht " + "o".repeat(30 + i), "jeugdarts", false);
        phones.add(phone);
        session.post(phone, "v" + i, "story", "Verhaal " + i, "Een kort verhaal.");
      }
      session.close();
    } finally {
      phones.forEach(Phone::close);
    }
    HttpResponse<byte[]> pdf = archive.bytes("/archief/" + session.id + ".pdf", admin);
    assertEquals(200, pdf.statusCode());
    String text;
    try (PDDocument document = Loader.loadPDF(pdf.body())) {
      text = new PDFTextStripper().getText(document);
    }
    Matcher split = SPLIT_TIME.matcher(text);
    assertFalse(split.find(), () -> "a time split over two lines: '" + split.group() + "' in:\n" + text);
    Matcher times = TIME.matcher(text);
    int whole = 0;
    while (times.find()) {
      whole++;
    }
    assertTrue(whole >= authors, "every story's time, whole: " + whole);
  }
}
