package org.floodready.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.floodready.support.Browser;
import org.floodready.support.TestServer;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The shared headless Chromium ({@link Browser}) made into a 390×844 phone through the DevTools protocol:
 * mobile viewport and touch, network on/off, GPS positions. Also the checks every field page must pass.
 */
final class Phone implements AutoCloseable {
  static final int WIDTH = 390;
  static final int HEIGHT = 844;
  final ChromeDriver driver;
  final String base;
  /** Requests of documents left behind (login, reload), kept for {@link #assertNoForbidden}. */
  private final java.util.List<String> earlier = new java.util.ArrayList<>();

  /** A phone on the test's node: {@link org.floodready.support.FloodReadyExtension} hands one per class. */
  Phone(TestServer server) throws Exception {
    this(server.anonymous.base());
  }

  Phone(String base) throws Exception {
    this.base = base;
    this.driver = Browser.start(Files.createTempDirectory("fr-phone"));
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", WIDTH, "height", HEIGHT,
        "deviceScaleFactor", 1, "mobile", true));
    driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 5));
    driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", base, "permissions", List.of("geolocation")));
    driver.executeCdpCommand("Network.enable", Map.of());
    driver.executeCdpCommand("Emulation.setLocaleOverride", Map.of("locale", "zh-CN"));
    driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Asia/Shanghai"));
  }

  WebDriverWait waitFor(String what) {
    WebDriverWait w = new WebDriverWait(driver, Duration.ofSeconds(60));
    w.withMessage(what);
    w.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    return w;
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** Opens the field app with no one logged in and logs in through its form. */
  void login(String username) {
    collect();
    driver.get(base + "/field/");
    js("localStorage.clear(); sessionStorage.clear();");
    driver.get(base + "/field/");
    waitFor("login form").until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys("Flood@2026");
    driver.findElement(By.id("login-button")).click();
    waitFor("home of " + username).until(d -> Boolean.TRUE.equals(js(
        "return document.getElementById('view').dataset.ready === '1';")));
    keepAllTimings();
  }

  /** Resource timings of this document are the record of every request the page made, with its status. */
  void keepAllTimings() {
    js("performance.setResourceTimingBufferSize(10000); window.__errors = [];"
        + " addEventListener('error', (e) => __errors.push(e.message));"
        + " addEventListener('unhandledrejection', (e) => __errors.push(String(e.reason && (e.reason.stack || e.reason))));");
  }

  private void keepAllTimingsIfNew() {
    if (!Boolean.TRUE.equals(js("return Array.isArray(window.__errors);"))) {
      keepAllTimings();
    }
  }

  /** Script errors the page met since it was loaded (shown when a wait fails). */
  Object errors() {
    return js("return window.__errors || [];");
  }

  /** Clicks like a thumb: the element is first scrolled to the middle, clear of the fixed tab bar. */
  void click(String css) {
    WebElement el = $(css);
    js("arguments[0].scrollIntoView({block: 'center'});", el);
    el.click();
  }

  void click(WebElement el) {
    js("arguments[0].scrollIntoView({block: 'center'});", el);
    el.click();
  }

  void go(String hash) {
    js("location.hash = arguments[0];", hash);
    ready(hash);
  }

  /** Waits until the page for this hash has drawn (the app marks its view ready). */
  void ready(String hash) {
    keepAllTimingsIfNew();
    waitFor("view " + hash).until(d -> Boolean.TRUE.equals(js("const v = document.getElementById('view');"
        + " return v.dataset.hash === arguments[0] && v.dataset.ready === '1';", hash)));
  }

  WebElement $(String css) {
    return waitFor(css).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  void type(String css, String text) {
    WebElement el = $(css);
    el.clear();
    el.sendKeys(text);
  }

  /** Waits for a form's result line to be filled and returns it. */
  String result(String formCss) {
    By out = By.cssSelector(formCss + " .result");
    try {
      return waitFor("result of " + formCss).until(d -> {
        String text = d.findElement(out).getText();
        return text.isBlank() || !"1".equals(js("return document.getElementById('view').dataset.ready;")) ? null : text;
      });
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError("no result in " + formCss + "; page errors: " + errors(), e);
    }
  }

  /** Reloads the page as a user would (pull to refresh), keeping the record of the requests made so far. */
  void reload(String hash) {
    collect();
    driver.navigate().refresh();
    ready(hash);
  }

  private void collect() {
    try {
      earlier.addAll(requests());
    } catch (RuntimeException e) {
      // no page yet
    }
  }

  void offline(boolean off) {
    driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", off, "latency", 0,
        "downloadThroughput", -1, "uploadThroughput", -1));
  }

  void position(double lat, double lon) {
    driver.executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude", lat, "longitude", lon,
        "accuracy", 5));
  }

  /** Nothing may stick out of a 390 px screen: neither the page nor any visible element. */
  void assertFitsScreen(String page) {
    @SuppressWarnings("unchecked")
    List<String> wide = (List<String>) js("""
        const w = window.innerWidth;
        const out = [];
        if (document.documentElement.scrollWidth > w) out.push('page scrollWidth ' + document.documentElement.scrollWidth);
        document.querySelectorAll('body *').forEach((el) => {
          const r = el.getBoundingClientRect();
          // Inside an SVG the drawing is clipped to the SVG's own box, which is checked itself.
          if (el.ownerSVGElement) return;
          if (r.width > 0 && (r.right > w + 0.5 || r.left < -0.5) && getComputedStyle(el).position !== 'fixed') {
            out.push(el.tagName + (el.id ? '#' + el.id : '') + '.' + el.className + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
          }
        });
        return out.slice(0, 10);""");
    assertEquals(WIDTH, ((Number) js("return window.innerWidth;")).intValue(), "phone viewport");
    assertTrue(wide.isEmpty(), page + ": elements wider than the 390 px screen: " + wide);
  }

  /** Touch targets: every visible button, link-button, input and select is at least 44 px high. */
  void assertTouchTargets(String page) {
    @SuppressWarnings("unchecked")
    List<String> small = (List<String>) js("""
        const out = [];
        document.querySelectorAll('#view button, #view .button, #view input:not([type=hidden]), #view select, .tabs a').forEach((el) => {
          const r = el.getBoundingClientRect();
          if (r.width > 0 && r.height < 43.5) out.push(el.tagName + ' ' + (el.name || el.textContent.trim()).slice(0, 20) + ' ' + Math.round(r.height));
        });
        return out.slice(0, 10);""");
    assertTrue(small.isEmpty(), page + ": touch targets under 44 px: " + small);
  }

  /** Every request this document made, as "status url"; the app must never ask for what the role is refused. */
  @SuppressWarnings("unchecked")
  List<String> requests() {
    return (List<String>) js("return performance.getEntriesByType('resource')"
        + ".map((e) => e.responseStatus + ' ' + e.name.replace(location.origin, ''));");
  }

  void assertNoForbidden(String who) {
    List<String> all = new java.util.ArrayList<>(earlier);
    all.addAll(requests());
    assertTrue(all.stream().anyMatch(r -> r.contains("/api/")), who + ": the browser recorded the API calls " + all);
    List<String> refused = all.stream().filter(r -> r.startsWith("403 ") || r.startsWith("401 ")
        || r.startsWith("5")).toList();
    assertTrue(refused.isEmpty(), who + ": requests refused or failed: " + refused);
  }

  /** A screenshot of the page from its top, as a user opening it sees it. */
  Path shot(String name) throws Exception {
    js("window.scrollTo(0, 0);");
    return Browser.screenshot(driver, name);
  }

  @Override
  public void close() {
    driver.quit();
  }
}
