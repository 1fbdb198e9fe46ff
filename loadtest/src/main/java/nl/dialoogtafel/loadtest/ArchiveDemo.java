package nl.dialoogtafel.loadtest;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import nl.dialoogtafel.app.Server;
import nl.dialoogtafel.app.Settings;

/**
 * A demonstration archive: starts the server (PORT, default 8080, fresh data directory), plays
 * one transformatiedialoog over the real live protocol — four professionals, stories, a
 * recognition, a contact exchange, knelpunten, the harvest — closes it, and lets a wethouder
 * answer a knelpunt; then two more sessions of Utrecht (West, and Oost again) whose knelpunten
 * come back, so /archief/knelpunten shows recurring themes (printed). Then it keeps serving until
 * stopped. Used for the README's screenshot.
 *
 * <p>Log in at /login as {@code beheer} or {@code wethouder}, password {@code demo-wachtwoord-12}.
 */
public final class ArchiveDemo {

  private static final String PASSWORD = "demo-wachtwoord-12";
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  public static void main(String[] args) throws Exception {
    EndOnFailure.install();
    Map<String, String> env = new HashMap<>();
    env.put("PORT", System.getenv().getOrDefault("PORT", "8080"));
    env.put("HOST", "127.0.0.1");
    env.put("DIALOOG_DATA_DIR", Files.createTempDirectory("dialoogtafel-demo").toString());
    env.put("DIALOOG_ADMIN", "beheer:" + PASSWORD);
    Server server = Server.start(Settings.from(env));
    String base = "http://127.0.0.1:" + server.port();
    Vertx vertx = Vertx.vertx();
    String admin = cookie(post(base, "/api/login", null, new JsonObject().put("username", "beheer").put("password", PASSWORD)));
    JsonObject session = new JsonObject(post(base, "/api/sessions", admin, new JsonObject()
        .put("template", "transformatiedialoog").put("title", "Transformatiedialoog Utrecht Oost")
        .put("municipality", "Utrecht").put("community", "Werkgemeenschap Oost")).body());
    String id = session.getString("id");
    String code = session.getString("code");
    Phone fatima = new Phone(vertx, server.port(), code, "Fatima", "Buurtteam Jeugd en Gezin Oost", "jeugdverpleegkundige", true);
    Phone joost = new Phone(vertx, server.port(), code, "Joost", "GGD regio Utrecht", "jeugdarts", false);
    Phone ilse = new Phone(vertx, server.port(), code, "Ilse", "Basisschool De Linde", "intern begeleider", true);
    Phone mo = new Phone(vertx, server.port(), code, "Mohammed", "Raad voor de Kinderbescherming", "raadsonderzoeker", true);
    post(base, "/api/sessions/" + id + "/phase", admin, new JsonObject().put("phase", "verhalen"));
    String loketten = fatima.post("story", "Drie loketten", "Een moeder met drie kinderen belde drie loketten voordat iemand "
        + "haar echt hielp. Pas toen de school, het buurtteam en de huisarts samen aan tafel zaten, kwam er rust.");
    joost.post("story", "Negen maanden wachten", "Een jongen van vijftien wachtte negen maanden op de jeugd-GGZ. "
        + "In die tijd viel hij uit op school. Niemand had het overzicht.");
    String school = ilse.post("story", "De klas als vangnet", "Op school zagen we het als eersten, maar we wisten niet wie "
        + "we moesten bellen. Nu weet ik dat.");
    joost.send("recognize", new JsonObject().put("post", loketten).put("note", "Herkenbaar: bij ons precies zo."));
    mo.send("recognize", new JsonObject().put("post", school).put("note", "Vroeg signaleren scheelt ons maanden."));
    post(base, "/api/sessions/" + id + "/phase", admin, new JsonObject().put("phase", "wie-kan-ik-bellen"));
    fatima.send("contact.request", new JsonObject().put("to", ilse.participant));
    ilse.send("contact.accept", new JsonObject().put("request", ilse.nextRequest()));
    mo.send("contact.request", new JsonObject().put("to", fatima.participant));
    fatima.send("contact.accept", new JsonObject().put("request", fatima.nextRequest()));
    post(base, "/api/sessions/" + id + "/phase", admin, new JsonObject().put("phase", "knelpunten"));
    String contracten = mo.post("barrier", "Contracten per wijk", "Elke wijk heeft een eigen contract met aanbieders. "
        + "Een gezin dat verhuist, begint opnieuw op de wachtlijst.");
    joost.post("barrier", "Privacyregels tussen organisaties", "We mogen niet bellen zonder toestemming, ook niet "
        + "als het gezin dat zelf wil. De regels zijn strenger uitgelegd dan de wet vraagt.");
    fatima.post("barrier", "Wachtlijst jeugd-GGZ", "Kinderen wachten maanden op de jeugd-GGZ. In die tijd loopt het "
        + "thuis en op school vast, en het buurtteam mag geen behandeling geven.");
    post(base, "/api/sessions/" + id + "/close", admin, new JsonObject());
    post(base, "/api/sessions/" + id + "/harvest", admin, new JsonObject()
        .put("harvest", "Korte lijnen werken: wie elkaar kent, belt eerder.\nDe school is vaak de eerste die het ziet.")
        .put("agreements", "Elke maand een casustafel in Oost.\nDe wethouder laat voor de zomer weten wat er met de "
            + "contracten per wijk gebeurt."));
    post(base, "/api/sessions/" + id + "/posts/" + loketten + "/telling", admin, new JsonObject());
    post(base, "/api/accounts", admin, new JsonObject().put("username", "wethouder").put("password", PASSWORD)
        .put("role", "reader").put("municipalities", new io.vertx.core.json.JsonArray().add("Utrecht"))
        .put("signature", "Wethouder Jeugd"));
    String wethouder = cookie(form(base, "/login", null, "username=wethouder&password=" + PASSWORD));
    form(base, "/archief/" + id + "/knelpunten/" + contracten, wethouder, "status=in_behandeling&answer="
        + URLEncoder.encode("We maken één contract voor de hele stad; het voorstel gaat in juni naar de raad.",
            StandardCharsets.UTF_8));
    // Two more sessions of Utrecht, in West and again in Oost: their knelpunten come back, so
    // /archief/knelpunten shows recurring themes.
    played(vertx, server.port(), base, admin, "Transformatiedialoog Utrecht West", "Werkgemeenschap West",
        new String[][] {
            {"Elf maanden wachten", "Een meisje van twaalf wachtte elf maanden op de jeugd-GGZ. De wachtlijst is in West "
                + "nog langer dan in Oost; het wijkteam mocht intussen alleen praten, niet behandelen."},
            {"Opnieuw op de wachtlijst na een verhuizing", "Een gezin verhuisde twee straten verder, naar een andere wijk, "
                + "en moest opnieuw op de wachtlijst: het contract met de aanbieder verschilt per wijk."}},
        "Wachtlijsten en contracten per wijk komen terug; de wethouder hoort het in Oost en West.",
        "De werkgemeenschap West sluit aan bij de casustafel van Oost.");
    played(vertx, server.port(), base, admin, "Werkgemeenschap Oost, tweede ronde", "Werkgemeenschap Oost",
        new String[][] {
            {"Niets tijdens de wachtlijst", "Tijdens de wachtlijst voor de jeugd-GGZ betaalt niemand overbruggingszorg. "
                + "De school vangt het kind op zonder hulp erbij."},
            {"Toestemming om gegevens te delen", "Zonder schriftelijke toestemming delen we geen gegevens met de school, "
                + "ook niet als ouders het aan de telefoon goedvinden. Zo verliezen we weken."}},
        "Overbrugging tijdens de wachtlijst is het grootste gat.",
        "Het buurtteam vraagt de gemeente om overbruggingszorg in het contract.");
    HttpResponse<String> themes = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/archief/knelpunten"))
        .header("Cookie", wethouder).GET().build(), HttpResponse.BodyHandlers.ofString());
    java.util.regex.Matcher theme = java.util.regex.Pattern.compile(
        "<h3 id=\"thema-\\d+\">([^<]*)</h3>\\s*<p>([^<]*)</p>\\s*<p class=\"meta\">([^<]*)</p>").matcher(themes.body());
    while (theme.find()) {
      System.out.println("Terugkerend thema: " + theme.group(1) + " — " + theme.group(2).replace("&#39;", "'")
          + " " + theme.group(3));
    }
    System.out.println("Demo-archief: " + base + "/archief/" + id + "  (login wethouder / " + PASSWORD + ")");
  }

  /** One more closed session of Utrecht: three professionals, a story, the knelpunten given, the harvest. */
  private static void played(Vertx vertx, int port, String base, String admin, String title, String community,
      String[][] knelpunten, String harvest, String agreements) throws Exception {
    JsonObject session = new JsonObject(post(base, "/api/sessions", admin, new JsonObject()
        .put("template", "transformatiedialoog").put("title", title).put("municipality", "Utrecht")
        .put("community", community)).body());
    String id = session.getString("id");
    String code = session.getString("code");
    Phone anouk = new Phone(vertx, port, code, "Anouk", "Buurtteam Jeugd en Gezin", "gezinscoach", true);
    Phone ruben = new Phone(vertx, port, code, "Ruben", "Jeugd-GGZ Utrecht", "behandelaar", false);
    Phone sanne = new Phone(vertx, port, code, "Sanne", "Samenwerkingsverband Passend Onderwijs", "schoolmaatschappelijk werker", true);
    post(base, "/api/sessions/" + id + "/phase", admin, new JsonObject().put("phase", "verhalen"));
    sanne.post("story", "Samen om tafel", "Toen ouders, school en buurtteam één keer samen aan tafel zaten, was in een "
        + "uur geregeld waar we maanden over mailden.");
    post(base, "/api/sessions/" + id + "/phase", admin, new JsonObject().put("phase", "knelpunten"));
    Phone[] who = {anouk, ruben, sanne};
    for (int i = 0; i < knelpunten.length; i++) {
      who[i % who.length].post("barrier", knelpunten[i][0], knelpunten[i][1]);
    }
    post(base, "/api/sessions/" + id + "/close", admin, new JsonObject());
    post(base, "/api/sessions/" + id + "/harvest", admin, new JsonObject().put("harvest", harvest)
        .put("agreements", agreements));
  }

  private static HttpResponse<String> post(String base, String path, String cookie, JsonObject body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Origin", base)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.encode()));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
    }
    return response;
  }

  private static HttpResponse<String> form(String base, String path, String cookie, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Origin", base)
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String cookie(HttpResponse<String> response) {
    String set = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("dt_session="))
        .findFirst().orElseThrow();
    return set.substring(0, set.indexOf(';'));
  }

  /** A phone on the live protocol, waiting for each reply before the next message. */
  private static final class Phone {
    final WebSocket socket;
    final java.util.List<JsonObject> inbox = new java.util.ArrayList<>();
    final String participant;

    Phone(Vertx vertx, int port, String code, String name, String organisation, String role, boolean showName)
        throws Exception {
      socket = vertx.createWebSocketClient(new io.vertx.core.http.WebSocketClientOptions()
          .setMaxMessageSize(1 << 24).setMaxFrameSize(1 << 24)).connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
          .setURI("/ws").setAllowOriginHeader(false)).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
      socket.textMessageHandler(text -> {
        synchronized (inbox) {
          inbox.add(new JsonObject(text));
          inbox.notifyAll();
        }
      });
      JsonObject welcome = call(new JsonObject().put("type", "join").put("code", code).put("name", name)
          .put("organisation", organisation).put("role", role).put("showName", showName));
      participant = welcome.getJsonObject("participant").getString("id");
    }

    /** Takes the first message that matches, leaving the others for later. */
    JsonObject take(java.util.function.Predicate<JsonObject> wanted) throws InterruptedException {
      long deadline = System.currentTimeMillis() + 20_000;
      synchronized (inbox) {
        while (true) {
          for (int i = 0; i < inbox.size(); i++) {
            if (wanted.test(inbox.get(i))) {
              return inbox.remove(i);
            }
          }
          long left = deadline - System.currentTimeMillis();
          if (left <= 0) {
            throw new IllegalStateException("no matching message");
          }
          inbox.wait(left);
        }
      }
    }

    String post(String kind, String title, String text) throws Exception {
      long seq = send("post", new JsonObject().put("kind", kind).put("title", title).put("text", text)).getLong("seq");
      return take(m -> "event".equals(m.getString("type")) && m.getLong("seq") == seq)
          .getJsonObject("data").getJsonObject("post").getString("id");
    }

    String nextRequest() throws Exception {
      return take(m -> "contact.requested".equals(m.getString("name"))).getJsonObject("data").getString("request");
    }

    JsonObject send(String type, JsonObject fields) throws Exception {
      return call(fields.copy().put("type", type).put("id", UUID.randomUUID().toString()));
    }

    JsonObject call(JsonObject message) throws Exception {
      String ref = UUID.randomUUID().toString();
      socket.writeTextMessage(message.put("ref", ref).encode());
      JsonObject reply = take(m -> ref.equals(m.getString("ref")));
      if (!"ack".equals(reply.getString("type")) && !"welcome".equals(reply.getString("type"))) {
        throw new IllegalStateException(reply.encode());
      }
      return reply;
    }
  }
}
