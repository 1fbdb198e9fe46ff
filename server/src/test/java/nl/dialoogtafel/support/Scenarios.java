package nl.dialoogtafel.support;

/**
 * Whole sessions that several tests read, told once. Each call runs a new session over the real
 * live protocol and the facilitator API and returns its script (ids, code, post ids by label).
 */
public final class Scenarios {

  private Scenarios() {}

  /**
   * "Dialoog Oost, maart" in Utrecht, from joining to the harvest: Fatima (named), Joost Verborgen
   * (nameless by choice) and Ilse tell stories; one is withdrawn ("geheimewoordenbrij"), one
   * hidden ("verborgenwoordenbrij", reason "Herleidbaar naar een gezin"), one recognised; two
   * connections, two knelpunten ("contracten", "vervoer"), then closed with a harvest and
   * "loketten" marked as telling. Every phone has the same contact details (12345678,
   * geheim@example.nl), which the record must never show.
   */
  public static SessionScript oostMorning(Facilitator facilitator) throws Exception {
    SessionScript session = facilitator.script().create("Dialoog Oost, maart", "Utrecht", "Werkgemeenschap Oost");
    try (Phone fatima = session.join("Fatima", "Jeugdteam Oost", "jeugdverpleegkundige", true);
        Phone joost = session.join("Joost Verborgen", "GGD", "jeugdarts", false);
        Phone ilse = session.join("Ilse", "Basisschool De Linde", "intern begeleider", true)) {
      session.phase("verhalen");
      session.post(fatima, "loketten", "story", "Drie loketten", "Een moeder belde drie loketten voordat iemand haar hielp.");
      session.post(joost, "wachtlijst", "story", "", "De wachtlijst voor de jeugd-GGZ duurde negen maanden.");
      session.post(ilse, "ingetrokken", "story", "Spijt", "Dit verhaal trek ik weer in: geheimewoordenbrij.");
      session.withdraw(ilse, "ingetrokken");
      session.post(fatima, "verborgen", "story", "Te herkenbaar", "Een verhaal met verborgenwoordenbrij erin.");
      session.hide("verborgen", "Herleidbaar naar een gezin");
      session.recognize(joost, "loketten", "Herkenbaar: bij ons precies zo.");
      session.phase("herkenning");
      session.post(ilse, "school", "story", "Samen aan tafel", "Op school zaten de ouders eindelijk met iedereen aan tafel.");
      session.connect(fatima, joost);
      session.connect(ilse, fatima);
      session.phase("knelpunten");
      session.post(ilse, "contracten", "barrier", "Contracten per wijk", "Elke wijk heeft een ander contract, dus niemand mag over de grens.");
      session.post(joost, "vervoer", "barrier", "Leerlingenvervoer", "Het vervoer naar speciaal onderwijs regelt niemand.");
      session.close();
      session.harvest("We bellen elkaar voortaan eerst.", "Elke maand een casustafel in Oost.");
      session.telling("loketten");
      // The projector frozen, then its theme changed while frozen: the freeze keeps its start.
      session.kiosk(new io.vertx.core.json.JsonObject().put("frozen", true).put("post", session.posts.get("school")));
      session.kiosk(new io.vertx.core.json.JsonObject().put("frozen", true).put("theme", "dark").put("order", "recognised"));
    }
    return session;
  }

  /**
   * A session still open that touches every fold of a screen, for comparing a snapshot with the
   * events it stands for: Fatima (named), Joost (nameless by choice), Ilse (erased at the end);
   * a withdrawn, a hidden, a spotlighted, a recognised and a telling post, two connections, a
   * phase clock extended and then held by a lock until the reopen, a harvest, and Ilse's words and recognition note gone with her.
   */
  public static SessionScript everyFold(Facilitator facilitator) throws Exception {
    SessionScript session = facilitator.script().create("Dialoog West, april", "Utrecht", null);
    try (Phone fatima = session.join("Fatima", "Jeugdteam Oost", "jeugdverpleegkundige", true);
        Phone joost = session.join("Joost Verborgen", "GGD", "jeugdarts", false);
        Phone ilse = session.join("Ilse", "Basisschool De Linde", "intern begeleider", true)) {
      session.phase("verhalen");
      session.post(fatima, "loketten", "story", "Drie loketten", "Een moeder belde drie loketten voordat iemand haar hielp.");
      session.post(joost, "wachtlijst", "story", "", "De wachtlijst voor de jeugd-GGZ duurde negen maanden.");
      session.post(ilse, "ingetrokken", "story", "Spijt", "Dit verhaal trek ik weer in: geheimewoordenbrij.");
      session.withdraw(ilse, "ingetrokken");
      session.post(fatima, "verborgen", "story", "Te herkenbaar", "Een verhaal met verborgenwoordenbrij erin.");
      session.hide("verborgen", "Herleidbaar naar een gezin");
      session.recognize(joost, "loketten", "Herkenbaar: bij ons precies zo.");
      session.post(ilse, "school", "story", "Samen aan tafel", "Op school zaten de ouders met iedereen aan tafel: ilsewoordenbrij.");
      session.recognize(ilse, "wachtlijst", "Ilse herkent dit: ilsenotitiebrij.");
      session.api("/posts/" + session.posts.get("wachtlijst") + "/spotlight", new io.vertx.core.json.JsonObject());
      session.connect(fatima, joost);
      session.connect(ilse, fatima);
      session.phase("knelpunten");
      session.post(joost, "vervoer", "barrier", "Leerlingenvervoer", "Het vervoer naar speciaal onderwijs regelt niemand.");
      // A running clock set by phase.clock, then held by the lock and run on at the reopen.
      session.api("/clock", new io.vertx.core.json.JsonObject().put("action", "extend").put("minutes", 5));
      session.api("/lock", new io.vertx.core.json.JsonObject());
      session.api("/reopen", new io.vertx.core.json.JsonObject());
      session.harvest("We bellen elkaar voortaan eerst.", "Elke maand een casustafel.");
      session.telling("loketten");
      session.api("/participants/" + ilse.participantId + "/erase", new io.vertx.core.json.JsonObject());
    }
    return session;
  }
}
