package org.floodready.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The board in a real headless Chromium: log in as the duty officer and run the shift from the page. */
class BoardBrowserTest {
  static TestServer server;
  static ChromeDriver driver;
  static WebDriverWait wait;

  @BeforeAll
  static void start() throws Exception {
    Browser.assumeInstalled();
    server = TestServer.start();
    driver = Browser.start(Files.createTempDirectory("fr-chromium"));
    wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    driver.get(server.anonymous.base() + "/");
    logIn("duty");
  }

  @AfterAll
  static void stop() throws Exception {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  static void logIn(String user) {
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys("Flood@2026");
    driver.findElement(By.id("login-button")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("panels")));
  }

  static WebElement panel(String id) {
    return driver.findElement(By.id("panel-" + id));
  }

  @Test
  void dutyOfficerSeesTheBoardWithAgesAndLiveState() throws Exception {
    assertTrue(driver.findElement(By.id("user-name")).getText().contains("值班员"));
    wait.until(d -> !panel("compliance").findElement(By.cssSelector("[data-role=body]")).getText().contains("Loading"));
    wait.until(d -> panel("map").findElement(By.cssSelector("[data-role=age]")).getText().contains("updated")
        || panel("map").getAttribute("class").contains("unavailable-panel"));
    String live = driver.findElement(By.id("live-status")).getAttribute("data-state");
    assertTrue(live != null, "the live state is shown");
    Path shot = Browser.screenshot(driver, "board-duty");
    assertTrue(Files.size(shot) > 10_000);
    assertEquals("zh-CN", driver.findElement(By.tagName("html")).getAttribute("lang"));
  }
}
