package nl.dialoogtafel.support;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's {@code chromium} + {@code chromium-driver}, installed by
 * .ci/run) with its own profile: a separate phone, kiosk or laptop. Nothing is downloaded.
 */
public final class Browser implements AutoCloseable {

  public static final Duration WAIT = Duration.ofSeconds(20);
  private static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
  private static final String CHROMEDRIVER = System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver");

  private final ChromeDriver driver;
  private final Path profile;
  private final Path downloads;
  private Map<String, Object> metrics;

  private Browser(ChromeDriver driver, Path profile, Path downloads) {
    this.driver = driver;
    this.profile = profile;
    this.downloads = downloads;
  }

  /**
   * A phone-sized browser: 360 × 740 CSS pixels. Headless Chromium will not make a window
   * narrower than 500 px, so the viewport is set through DevTools, as a phone emulation would.
   */
  public static Browser phone() throws IOException {
    Browser browser = open(500, 740);
    browser.emulate(Map.of("width", 360, "height", 740, "deviceScaleFactor", 2, "mobile", true));
    return browser;
  }

  /** A projector-sized browser: the page itself is 1280 × 720 (the window's bars are not counted). */
  public static Browser screen() throws IOException {
    Browser browser = open(1280, 800);
    browser.emulate(Map.of("width", 1280, "height", 720, "deviceScaleFactor", 1, "mobile", false));
    return browser;
  }

  /** The page's size as a device would give it (DevTools holds it per tab; {@link #forget} sets it again). */
  private void emulate(Map<String, Object> metrics) {
    this.metrics = metrics;
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", metrics);
  }

  public static Browser open(int width, int height) throws IOException {
    Path profile = Files.createTempDirectory("dialoogtafel-chromium");
    Path downloads = Files.createTempDirectory("dialoogtafel-downloads");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
        "--lang=nl-NL");
    options.setExperimentalOption("prefs", Map.of(
        "download.default_directory", downloads.toString(),
        "download.prompt_for_download", false,
        "intl.accept_languages", "nl-NL,nl"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
    return new Browser(new ChromeDriver(service, options), profile, downloads);
  }

  public ChromeDriver driver() {
    return driver;
  }

  public Path downloads() {
    return downloads;
  }

  public void go(String url) {
    driver.get(url);
  }

  public WebElement find(By by) {
    return await(d -> {
      List<WebElement> found = d.findElements(by);
      return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
    });
  }

  public <T> T await(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(condition::apply);
  }

  /** Waits until the page's visible text contains the given text. */
  public void awaitText(String text) {
    await(d -> d.findElement(By.tagName("body")).getText().contains(text) ? Boolean.TRUE : null);
  }

  /**
   * Waits until the page says it has come to rest after its last update (the kiosk sets
   * {@code <body data-settled="true">} once its layout and animations are done). Wait first for
   * what the update shows: before it arrives the page may still be at rest from the one before.
   */
  public void awaitSettled() {
    new WebDriverWait(driver, Duration.ofSeconds(60)).until(d ->
        "true".equals(script("return document.body.dataset.settled")));
  }

  public Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  /** The whole DOM as HTML, including attributes and hidden parts. */
  public String dom() {
    return String.valueOf(script("return document.documentElement.outerHTML"));
  }

  /** axe-core's WCAG 2.0/2.1 A and AA violations on the current page, as readable lines. */
  public List<String> accessibilityViolations() {
    String page = driver.getWindowHandle();
    for (int attempt = 1; ; attempt++) {
      try {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
            .analyze(driver);
        return results.getViolations().stream().map(Browser::describe).collect(Collectors.toList());
      } catch (RuntimeException e) {
        // axe-core opens about:blank in a new tab with a one-second page-load limit of its own; on a
        // loaded machine the renderer can miss it. That says nothing about the page: try again.
        if (attempt == 3 || !(e.getCause() instanceof org.openqa.selenium.TimeoutException)) {
          throw e;
        }
        for (String other : driver.getWindowHandles()) {
          if (!other.equals(page)) {
            driver.switchTo().window(other).close();
          }
        }
        driver.switchTo().window(page);
      }
    }
  }

  private static String describe(Rule rule) {
    return rule.getId() + ": " + rule.getHelp() + " → " + rule.getNodes().stream()
        .map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", "));
  }

  /**
   * Makes the browser a stranger to the origin again, as a new phone would be: its storage of every
   * kind, its cookies, its downloads gone, one new tab (online, the same size). Cheaper than a new
   * Chromium for each test (a start costs seconds on this machine).
   */
  public void forget(String origin) {
    // A new tab: sessionStorage belongs to a tab and outlives navigation within it.
    driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
    String fresh = driver.getWindowHandle();
    for (String other : driver.getWindowHandles()) {
      if (!other.equals(fresh)) {
        driver.switchTo().window(other).close();
      }
    }
    driver.switchTo().window(fresh);
    if (metrics != null) {
      driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", metrics);
    }
    driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
    driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    try (var files = Files.list(downloads)) {
      files.forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // nothing downloaded yet
    }
  }

  /** Makes the browser lose (true) or regain (false) its network, as a phone on bad Wi-Fi. */
  public void offline(boolean offline) {
    driver.executeCdpCommand("Network.enable", Map.of());
    driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of(
        "offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteQuietly(profile);
      deleteQuietly(downloads);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temp folder left behind is harmless
    }
  }
}
