package org.floodready.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless Chromium driven by its chromedriver; never downloads a browser or a driver. */
public final class Browser {
  public static final String CHROMIUM = "/usr/bin/chromium";
  public static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  private Browser() {
  }

  /** Skips the calling test, with the reason, when the machine has no Chromium or chromedriver. */
  public static void assumeInstalled() {
    Assumptions.assumeTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
        "Skipping the browser test: " + CHROMIUM + " or " + CHROMEDRIVER
            + " is missing (apt-get install chromium chromium-driver; .ci/run installs them)");
  }

  public static ChromeDriver start(Path profile) {
    return start(profile, false);
  }

  /** With {@code networkLog}, Chrome's performance log holds every request and response (see {@link #statuses}). */
  public static ChromeDriver start(Path profile, boolean networkLog) {
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
    // Selenium Manager must not look for or download anything: the driver and binary are given.
    System.setProperty("SE_AVOID_STATS", "true");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1920,1080", "--lang=zh-CN", "--user-data-dir=" + profile.toAbsolutePath()));
    if (networkLog) {
      options.setCapability("goog:loggingPrefs", java.util.Map.of("performance", "ALL"));
    }
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    return driver;
  }

  /** Opens the board at {@code base} and logs in with the demo password; returns once the form was sent. */
  public static void logIn(ChromeDriver driver, String base, String username) {
    driver.get(base + "/");
    new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(45)).until(
        org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(
            org.openqa.selenium.By.id("username"))).sendKeys(username);
    driver.findElement(org.openqa.selenium.By.id("password")).sendKeys("Flood@2026");
    driver.findElement(org.openqa.selenium.By.id("login-button")).click();
  }

  /** The whole page, not just the 1920x1080 viewport: the window grows to the page's height for the shot. */
  public static Path fullPage(ChromeDriver driver, String name) throws Exception {
    org.openqa.selenium.Dimension before = driver.manage().window().getSize();
    Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight;");
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(before.getWidth(),
        Math.min(6000, Math.max(before.getHeight(), height.intValue() + 140))));
    try {
      return screenshot(driver, name);
    } finally {
      driver.manage().window().setSize(before);
    }
  }

  /** The responses since the last call, as "status url" lines, from the performance log. */
  public static List<String> responses(ChromeDriver driver) {
    List<String> out = new java.util.ArrayList<>();
    for (org.openqa.selenium.logging.LogEntry e : driver.manage().logs().get("performance")) {
      io.vertx.core.json.JsonObject message = new io.vertx.core.json.JsonObject(e.getMessage()).getJsonObject("message");
      if ("Network.responseReceived".equals(message.getString("method"))) {
        io.vertx.core.json.JsonObject response = message.getJsonObject("params").getJsonObject("response");
        out.add(response.getInteger("status") + " " + response.getString("url"));
      }
    }
    return out;
  }

  /** True when no element of the page is wider than the viewport or reaches past its right edge. */
  public static List<String> tooWide(ChromeDriver driver) {
    @SuppressWarnings("unchecked")
    List<String> wide = (List<String>) driver.executeScript("""
        const vw = document.documentElement.clientWidth;
        const out = [];
        if (document.documentElement.scrollWidth > vw) out.push('document ' + document.documentElement.scrollWidth + ' > ' + vw);
        document.querySelectorAll('body *').forEach((el) => {
          const r = el.getBoundingClientRect();
          if (r.width === 0 || getComputedStyle(el).visibility === 'hidden') return;
          let clipped = false;
          for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
            const ox = getComputedStyle(p).overflowX;
            if (ox === 'auto' || ox === 'scroll' || ox === 'hidden') { const pr = p.getBoundingClientRect(); if (pr.right <= vw + 1) { clipped = true; break; } }
          }
          if (!clipped && (r.width > vw + 1 || r.right > vw + 1)) out.push(el.tagName + '#' + el.id + '.' + el.className + ' ' + Math.round(r.width) + '/' + Math.round(r.right));
        });
        return out.slice(0, 20);""");
    return wide;
  }

  /** Ends a browser test class: the browser first, then its server, also when one of them fails. */
  public static void quit(ChromeDriver driver, AutoCloseable server) throws Exception {
    try {
      if (driver != null) {
        driver.quit();
      }
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  /** A wait that names what it waited for and looks again when a live update replaced the element. */
  public static org.openqa.selenium.support.ui.WebDriverWait waitFor(ChromeDriver driver, String what) {
    org.openqa.selenium.support.ui.WebDriverWait w = new org.openqa.selenium.support.ui.WebDriverWait(driver,
        Duration.ofSeconds(60));
    w.withMessage(what);
    w.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    return w;
  }

  /** Finds and clicks in one step, again if the page re-rendered the element in between. */
  public static void click(ChromeDriver driver, String what, org.openqa.selenium.By by) {
    waitFor(driver, what).until(d -> {
      org.openqa.selenium.WebElement e = d.findElement(by);
      if (!e.isDisplayed() || !e.isEnabled()) {
        return false;
      }
      e.click();
      return true;
    });
  }

  public static Path screenshot(ChromeDriver driver, String name) throws Exception {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Path out = dir.resolve(name + ".png");
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), out, StandardCopyOption.REPLACE_EXISTING);
    return out;
  }
}
