package nl.dialoogtafel.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import nl.dialoogtafel.support.AdminCookie;
import nl.dialoogtafel.support.ArchiveClient;
import nl.dialoogtafel.support.Facilitator;
import nl.dialoogtafel.support.Scenarios;
import nl.dialoogtafel.support.SessionScript;
import nl.dialoogtafel.support.WithServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A real session, driven over the live protocol, read back as its narrative record. */
@Timeout(180)
@WithServer
class RecordPageTest {

  private static Facilitator facilitator;
  @AdminCookie
  private static String admin;
  private static ArchiveClient archive;
  private static SessionScript session;
  private static String page;

  @BeforeAll
  static void runASession() throws Exception {
    session = Scenarios.oostMorning(facilitator);
    HttpResponse<String> response = archive.get("/archief/" + session.id, admin);
    assertEquals(200, response.statusCode(), response.body());
    page = response.body();
  }

  private static int at(String text) {
    int index = page.indexOf(text);
    assertTrue(index >= 0, "the record page shows: " + text);
    return index;
  }

  @Test
  @DisplayName("The record tells the phases in order, each with its prompt and its stories in the order they were told")
  void storiesInPhaseOrder() {
    int verhalen = at("Verhalen uit de praktijk");
    int loketten = at("Een moeder belde drie loketten voordat iemand haar hielp.");
    int wachtlijst = at("De wachtlijst voor de jeugd-GGZ duurde negen maanden.");
    int herkenning = at("Herkenning: loop jij daar ook tegenaan?");
    int school = at("Op school zaten de ouders eindelijk met iedereen aan tafel.");
    assertTrue(verhalen < loketten && loketten < wachtlijst && wachtlijst < herkenning && herkenning < school,
        "phase, its stories, next phase, its story");
    assertTrue(at("Vertel over een jongere of gezin") < loketten, "the phase prompt comes before its stories");
    at("Herkenbaar: bij ons precies zo.");
    at("sprekend verhaal");
  }

  @Test
  @DisplayName("The knelpunten have their own section, after the conversation")
  void knelpunten() {
    int section = at("Knelpunten voor de gemeente");
    int barrier = page.indexOf("Elke wijk heeft een ander contract, dus niemand mag over de grens.", section);
    assertTrue(barrier > section, "the knelpunt is told in the knelpunten section");
    assertTrue(page.contains("Contracten per wijk"));
  }

  @Test
  @DisplayName("The connections between organisations and the harvest are in the record")
  void connectionsAndHarvest() {
    int section = at("Nieuwe verbindingen");
    assertTrue(page.indexOf("GGD — Jeugdteam Oost", section) > section, "the web lists the pair of organisations");
    assertTrue(page.contains("<svg"), "the web is drawn");
    int harvest = at("Oogst en afspraken");
    assertTrue(page.indexOf("We bellen elkaar voortaan eerst.", harvest) > harvest);
    assertTrue(page.indexOf("Elke maand een casustafel in Oost.", harvest) > harvest);
  }

  @Test
  @DisplayName("Withdrawn and hidden posts show a marker with when and why, never their words")
  void removalsAreMarkers() {
    assertFalse(page.contains("geheimewoordenbrij"), "withdrawn words are gone");
    assertFalse(page.contains("verborgenwoordenbrij"), "hidden words are not shown");
    assertFalse(page.contains("Spijt"), "nor the withdrawn title");
    at("ingetrokken door de auteur");
    at("verborgen door de gespreksleider");
    at("Herleidbaar naar een gezin");
  }

  @Test
  @DisplayName("Who was at the table by organisation and role; a name only when the person agreed; never contact details")
  void table() {
    at("Basisschool De Linde");
    at("jeugdarts");
    at("Fatima");
    assertFalse(page.contains("Joost Verborgen"), "a person who chose showName false stays nameless");
    assertFalse(page.contains("12345678"), "no phone number");
    assertFalse(page.contains("geheim@example.nl"), "no e-mail address");
  }

  @Test
  @DisplayName("The page says the record's hash chain verifies and shows its fingerprint")
  void integrity() {
    at("Ja, het verslag klopt.");
    at("Vingerafdruk van het verslag");
    assertTrue(page.startsWith("<!DOCTYPE html>") && page.contains("<html lang=\"nl\">"), "a Dutch HTML page");
  }

  @Test
  @DisplayName("?lang=en shows the same record in English")
  void english() throws Exception {
    HttpResponse<String> english = archive.get("/archief/" + session.id + "?lang=en", admin);
    assertEquals(200, english.statusCode());
    assertTrue(english.body().contains("<html lang=\"en\">"));
    assertTrue(english.body().contains("Yes, the record is intact."), english.body());
    assertTrue(english.body().contains("Een moeder belde drie loketten"), "the words stay as they were said");
  }
}
