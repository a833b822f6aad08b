package org.floodready.board;

import org.floodready.support.Browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.floodready.support.Api;
import org.floodready.support.FloodReadyTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The board under its Content-Security-Policy in real Chromium: every panel, the map and a chart work and
 * the page reports no violation; an inline script and an outside image are blocked (so the policy is on).
 */
@FloodReadyTest(browser = true)
class CspBrowserTest {
  /** Installed before any page script by DevTools, which the page's policy does not govern. */
  private static final String RECORD_VIOLATIONS = "window.__csp = [];"
      + "document.addEventListener('securitypolicyviolation',"
      + " e => window.__csp.push(e.effectiveDirective + ' ' + e.blockedURI));";

  @BeforeAll
  static void recordPolicyViolations(ChromeDriver driver) {
    driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_VIOLATIONS));
  }

  @Test
  void theBoardWorksUnderItsPolicyAndThePolicyBlocksWhatItShould(ChromeDriver driver, Api anonymous) throws Exception {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(45));
    Browser.logIn(driver, anonymous.base(), "duty");
    for (String p : List.of("coverage", "checkpoints", "alerts", "hazards")) {
      wait.until(d -> !d.findElement(By.id("panel-" + p))
          .findElements(By.cssSelector("[data-role=body] tr[data-id], [data-role=body] li[data-id]")).isEmpty());
    }
    wait.until(d -> !d.findElement(By.id("panel-map")).findElements(By.cssSelector("svg [data-kind=base]")).isEmpty());
    wait.until(d -> d.findElement(By.id("panel-coverage")).findElement(By.cssSelector("img.chart")).isDisplayed());
    Number chartWidth = (Number) driver.executeScript(
        "return document.querySelector('#panel-coverage img.chart').naturalWidth;");
    assertTrue(chartWidth.intValue() > 0, "the chart image loaded");
    wait.until(d -> !"—".equals(d.findElement(By.id("response-level")).getText()));
    assertEquals(List.of(), driver.executeScript("return window.__csp;"), "the board broke its own policy");
    Browser.screenshot(driver, "board-under-csp");

    driver.executeScript("const s = document.createElement('script'); s.textContent = 'window.__inline = 1;';"
        + " document.body.appendChild(s);"
        + " const i = document.createElement('img'); i.src = 'https://example.invalid/tracker.png';"
        + " document.body.appendChild(i);");
    wait.until(d -> ((List<?>) driver.executeScript("return window.__csp;")).size() >= 2);
    assertNull(driver.executeScript("return window.__inline;"), "an inline script ran");
    String violations = driver.executeScript("return window.__csp.join('|');").toString();
    assertTrue(violations.contains("script-src") && violations.contains("img-src https://example.invalid"), violations);
  }
}
