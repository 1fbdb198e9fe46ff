package nl.dialoogtafel.screens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.dialoogtafel.support.Browser;
import nl.dialoogtafel.support.Facilitator;
import nl.dialoogtafel.support.Phone;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;

/**
 * The wall for a room of 60–300, on projector-sized headless Chromium: every visible post is
 * readable whole on some page (a text taller than the wall in parts), no element of the wall
 * clips text, the pages turn by the presenter's keys, a spotlighted 1,500-character story fills
 * the stage whole, and knelpunten get their own column in their phase.
 */
@Timeout(300)
@WithServer
class KioskWallTest {

  /** Words for the stories: no digits, so the privacy guard has nothing to warn about. */
  private static final String[] WORDS = ("de moeder belde het wijkteam omdat haar zoon niet meer naar school ging en "
      + "niemand wist wie er moest beginnen; de huisarts verwees door, de school wachtte op een indicatie, "
      + "en intussen zat het kind thuis. pas toen iedereen samen aan tafel zat, lag er binnen een week een plan. "
      + "wat hielp was een vaste contactpersoon die de regie hield en de familie kende.").split(" ");

  private static TestServer server;
  private static Facilitator facilitator;
  private static Vertx vertx;
  private static final List<Phone> PHONES = new ArrayList<>();

  @AfterAll
  static void closePhones() {
    PHONES.forEach(Phone::close);
  }

  /** A story of exactly `length` characters. */
  static String story(int seed, int length) {
    StringBuilder text = new StringBuilder("Verhaal " + Character.toString('A' + seed % 26) + seed + ":");
    int i = seed;
    while (text.length() < length) {
      text.append(' ').append(WORDS[i++ % WORDS.length]);
    }
    String cut = text.substring(0, length - 1);
    return (cut.endsWith(" ") ? cut.substring(0, length - 2) + "e" : cut) + ".";
  }

  /** Posts `count` stories from `phones` phones, lengths from 80 up to 4,000 characters; returns id → text. */
  private static Map<String, String> post(JsonObject session, int count, int phones, boolean longOnes) throws Exception {
    List<Phone> room = new ArrayList<>();
    for (int i = 0; i < phones; i++) {
      Phone phone = Phone.join(vertx, server.port(), session.getString("code"), "Deelnemer " + i, "Organisatie " + i);
      room.add(phone);
      PHONES.add(phone);
    }
    Map<String, String> texts = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      int length = longOnes && i % 15 == 7 ? 4000 : 80 + (i * 137) % 700;
      String text = story(i, length);
      JsonObject ack = room.get(i % phones).post("w-" + i, "story", text);
      assertEquals("ack", ack.getString("type"), ack.encode());
    }
    // The ids, as a phone saw the posts arrive.
    Phone watcher = room.get(0);
    while (texts.size() < count) {
      JsonObject post = watcher.live.nextEvent("post.added").getJsonObject("data").getJsonObject("post");
      texts.put(post.getString("id"), post.getString("text"));
    }
    return texts;
  }

  private static Browser projector(int width, int height) throws Exception {
    Browser b = Browser.open(width, height);
    size(b, width, height);
    return b;
  }

  private static void size(Browser b, int width, int height) {
    b.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
        "deviceScaleFactor", 1, "mobile", false));
  }

  /**
   * Pauses the turning, then turns through every page with the presenter's key (in the page, so a
   * wall of hundreds of pages is read in one go); on each page lists what clips text and what is shown.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> readEveryPage(Browser b) {
    return (Map<String, Object>) b.script(
        "const key = k => dispatchEvent(new KeyboardEvent('keydown', {key: k}));"
            + "const pager = document.getElementById('wall-pager');"
            + "key('p');"
            + "const shown = [], clipped = [], pages = [];"
            + "for (let turn = 0; turn < 5000; turn++) {"
            + "  const label = pager.textContent; pages.push(label);"
            + "  for (const e of document.querySelectorAll('.wall *')) {"
            + "    if (e.closest('[hidden], .visually-hidden') || !e.getClientRects().length) continue;"
            + "    const s = getComputedStyle(e);"
            + "    if (s.overflowY !== 'visible' && e.scrollHeight > e.clientHeight + 1) clipped.push(label + ' ' + e.tagName + '#' + e.id + '.' + e.className);"
            + "    if (s.overflowX !== 'visible' && e.scrollWidth > e.clientWidth + 1) clipped.push(label + ' wide ' + e.tagName + '.' + e.className);"
            + "    const r = e.getBoundingClientRect();"
            + "    if (r.bottom > innerHeight + 0.5 || r.right > innerWidth + 0.5) clipped.push(label + ' off-screen ' + e.tagName + '.' + e.className);"
            + "  }"
            + "  for (const card of document.querySelectorAll('#posts .post, #barriers .post')) {"
            + "    const text = card.querySelector('.post-text').cloneNode(true);"
            + "    text.querySelectorAll('.kind, .post-title').forEach(n => n.remove());"
            + "    shown.push({id: card.dataset.post, text: text.textContent.trim()});"
            + "  }"
            + "  if (!label) break;"
            + "  key('PageDown');"
            + "  if (/^(Pagina|Page) 1 /.test(pager.textContent)) break;"
            + "}"
            + "key('p');"
            + "return {shown, clipped, pages};");
  }

  /** Every post's whole text was on the wall: its parts, in order, give the text back. */
  @SuppressWarnings("unchecked")
  private static void assertEveryPostWhole(Map<String, String> texts, Map<String, Object> read, String where) {
    List<String> clipped = (List<String>) read.get("clipped");
    assertEquals(List.of(), clipped.stream().limit(10).toList(), where + ": elements of the wall that clip text");
    Map<String, StringBuilder> seen = new LinkedHashMap<>();
    for (Map<String, Object> card : (List<Map<String, Object>>) read.get("shown")) {
      seen.computeIfAbsent((String) card.get("id"), id -> new StringBuilder())
          .append(seen.containsKey(card.get("id")) && seen.get(card.get("id")).length() > 0 ? " " : "")
          .append((String) card.get("text"));
    }
    List<String> missing = new ArrayList<>();
    texts.forEach((id, text) -> {
      StringBuilder shown = seen.get(id);
      if (shown == null || !shown.toString().replaceAll("\\s+", " ").equals(text.replaceAll("\\s+", " "))) {
        missing.add(id + (shown == null ? " never shown" : " shown as " + shown.length() + " of " + text.length() + " chars"));
      }
    });
    assertEquals(List.of(), missing.stream().limit(10).toList(), where + ": posts not readable whole (of " + texts.size() + ")");
  }

  private static void screenshot(Browser b, String name) throws Exception {
    Path dir = Path.of("target", "kiosk-screens");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name), b.driver().getScreenshotAs(OutputType.BYTES));
  }

  private static void awaitPosts(Browser b, int atLeastPages) {
    b.await(d -> {
      Object pager = b.script("return document.getElementById('wall-pager').textContent");
      return String.valueOf(pager).matches(".* van \\d+.*") && Integer.parseInt(String.valueOf(pager)
          .replaceAll(".* van (\\d+).*", "$1")) >= atLeastPages ? Boolean.TRUE : null;
    });
    b.awaitSettled();
  }

  @Test
  @DisplayName("60 posts of up to 4,000 characters: every one readable whole at 1280×720, 1920×1080 and 3840×2160, nothing clipped")
  void sixtyPosts() throws Exception {
    JsonObject session = facilitator.storySession();
    Map<String, String> texts = post(session, 60, 12, true);
    try (Browser b = projector(1920, 1080)) {
      b.go(session.getString("kioskUrl"));
      awaitPosts(b, 2);
      screenshot(b, "kiosk-60-posts-1920x1080.png");
      assertEveryPostWhole(texts, readEveryPage(b), "1920×1080");
      double text = ((Number) b.script(
          "return parseFloat(getComputedStyle(document.querySelector('#posts .post-text')).fontSize)")).doubleValue();
      assertTrue(text >= 42, "card text at 1080p: " + text + " px (read from 8 m)");
      for (int[] screen : new int[][] {{1280, 720}, {3840, 2160}}) {
        size(b, screen[0], screen[1]);
        b.await(d -> ((Number) b.script("return innerWidth")).intValue() == screen[0] ? Boolean.TRUE : null);
        awaitPosts(b, 2);
        assertEveryPostWhole(texts, readEveryPage(b), screen[0] + "×" + screen[1]);
      }
    }
  }

  @Test
  @DisplayName("300 posts: every one readable whole at 1920×1080; the pages turn by themselves and by PageDown/PageUp")
  void threeHundredPosts() throws Exception {
    JsonObject session = facilitator.storySession();
    Map<String, String> texts = post(session, 300, 30, true);
    try (Browser b = projector(1920, 1080)) {
      b.go(session.getString("kioskUrl"));
      awaitPosts(b, 10);
      screenshot(b, "kiosk-300-posts-1920x1080.png");
      Map<String, Object> read = readEveryPage(b);
      assertEveryPostWhole(texts, read, "1920×1080, 300 posts");
      assertTrue(((List<?>) read.get("pages")).size() >= 10, "pages: " + ((List<?>) read.get("pages")).size());
      // A page shows at most eight posts at once, and only the page on screen is in the DOM.
      assertTrue(((Number) b.script("return document.querySelectorAll('#posts li').length")).intValue() <= 8);
    }
  }

  @Test
  @DisplayName("By itself the wall turns its pages after each page's reading time (the page's clock in time-lapse)")
  void pagesTurnByThemselves() throws Exception {
    JsonObject session = facilitator.storySession();
    post(session, 12, 4, false);
    try (Browser b = Browser.open(1280, 720)) {
      // Time-lapse: a wait of 8 s or more (a page's reading time) passes a hundred times faster.
      b.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
          "const nativeTimeout = setTimeout; window.setTimeout = (f, ms, ...a) => nativeTimeout(f, ms >= 8000 ? ms / 100 : ms, ...a);"));
      size(b, 1280, 720);
      b.go(session.getString("kioskUrl"));
      awaitPosts(b, 3);
      List<String> seen = new ArrayList<>();
      b.await(d -> {
        String pager = String.valueOf(b.script("return document.getElementById('wall-pager').textContent"));
        if (!seen.contains(pager)) {
          seen.add(pager);
        }
        return seen.size() >= 3 ? Boolean.TRUE : null;
      });
      assertTrue(seen.stream().allMatch(p -> p.matches("Pagina \\d+ van \\d+")), "pages seen: " + seen);
    }
  }

  @Test
  @DisplayName("A spotlighted story of 1,500 characters fills the stage and is shown whole, with what colleagues wrote; knelpunten get their own column")
  void spotlightAndKnelpunten() throws Exception {
    JsonObject session = facilitator.storySession();
    Phone anna = Phone.join(vertx, server.port(), session.getString("code"), "Anna", "Wijkteam Oost");
    Phone bram = Phone.join(vertx, server.port(), session.getString("code"), "Bram", "GGD Regio Utrecht");
    PHONES.add(anna);
    PHONES.add(bram);
    String text = story(1500, 1500);
    assertEquals(1500, text.length());
    assertEquals("ack", anna.post("long", "story", text).getString("type"));
    String id = bram.live.nextEvent("post.added").getJsonObject("data").getJsonObject("post").getString("id");
    bram.send("recognize", new JsonObject().put("post", id).put("note", "Dit herken ik van de wachtlijst bij ons."));
    try (Browser b = projector(1920, 1080)) {
      b.go(session.getString("kioskUrl"));
      b.await(d -> d.findElements(By.cssSelector("#posts .post")).isEmpty() ? null : Boolean.TRUE);
      server.post("/api/sessions/" + session.getString("id") + "/posts/" + id + "/spotlight", facilitator.cookie(), null);
      b.await(d -> Boolean.TRUE.equals(b.script("return document.body.classList.contains('spotlit')")) ? Boolean.TRUE : null);
      b.awaitText("Dit herken ik van de wachtlijst bij ons.");
      b.awaitSettled();
      screenshot(b, "kiosk-spotlight-1920x1080.png");
      @SuppressWarnings("unchecked")
      Map<String, Object> spot = (Map<String, Object>) b.script("const s = document.getElementById('spotlight');"
          + "const t = s.querySelector('.post-text').cloneNode(true); t.querySelectorAll('.kind, .post-title').forEach(n => n.remove());"
          + "return {text: t.textContent.trim(), overflow: s.scrollHeight - s.clientHeight,"
          + " size: parseFloat(getComputedStyle(s.querySelector('.post-text')).fontSize),"
          + " pager: document.getElementById('wall-pager').textContent === '', side: getComputedStyle(document.querySelector('.side')).display}");
      assertEquals(text, spot.get("text"), "the whole story at once");
      assertTrue(((Number) spot.get("overflow")).intValue() <= 1, "the spotlight clips nothing: " + spot);
      assertTrue(((Number) spot.get("size")).doubleValue() >= 30, "spotlight type (cards are 42 px) " + spot.get("size") + " px");
      assertEquals(Boolean.TRUE, spot.get("pager"), "one page, no parts");
      assertEquals("none", spot.get("side"), "the join panel and the web step aside");
      List<String> violations = b.accessibilityViolations();
      assertTrue(violations.isEmpty(), "axe-core violations:\n" + String.join("\n", violations));

      // The knelpunten phase: the spotlight ends with the phase, knelpunten in a column of their own.
      server.startPhase(facilitator.cookie(), session.getString("id"), "knelpunten");
      assertEquals("ack", bram.post("k-1", "barrier", "Twee loketten die elkaars indicaties niet erkennen.").getString("type"));
      b.await(d -> d.findElements(By.cssSelector("#barriers .post.barrier")).size() == 1 ? Boolean.TRUE : null);
      assertTrue(b.find(By.id("barriers-column")).isDisplayed());
      assertTrue(b.find(By.cssSelector("#posts .post")).getText().contains("Verhaal"), "stories stay in their column");
      b.awaitSettled();
      screenshot(b, "kiosk-knelpunten-1920x1080.png");
      violations = b.accessibilityViolations();
      assertTrue(violations.isEmpty(), "axe-core violations:\n" + String.join("\n", violations));
    }
  }
}
