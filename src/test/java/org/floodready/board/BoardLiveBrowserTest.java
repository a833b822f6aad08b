package org.floodready.board;

import org.floodready.support.FloodReadyTest;
import org.floodready.support.Browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import org.floodready.support.Resp;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The board on the live stream: a change arrives as an event, and a dropped stream is shown as such. */
@FloodReadyTest(browser = true)
class BoardLiveBrowserTest {
  static TestServer server;
  static ChromeDriver driver;

  @BeforeAll
  static void start(TestServer node, ChromeDriver browser) {
    server = node;
    driver = browser;
  }

  @Test
  void aReceiptArrivesThroughTheStreamAndADropIsShown() throws Exception {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    driver.get(server.anonymous.base() + "/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("duty");
    driver.findElement(By.id("password")).sendKeys("Flood@2026");
    driver.findElement(By.id("login-button")).click();
    wait.until(d -> "ok".equals(d.findElement(By.id("live-status")).getAttribute("data-state")));

    JsonObject worst = server.as("duty").get("/api/dashboard/panels/coverage").json().getJsonArray("items")
        .getJsonObject(0);
    By row = By.cssSelector("#panel-coverage tr[data-id='" + worst.getString("key") + "']");
    wait.until(ExpectedConditions.presenceOfElementLocated(row));
    Resp receipt = server.as("admin").post("/api/bases/" + worst.getLong("baseId") + "/receipts", new JsonObject()
        .put("itemId", worst.getLong("itemId")).put("quantity", worst.getDouble("shortfall")),
        UUID.randomUUID().toString());
    assertEquals(201, receipt.status(), receipt.toString());
    // Polling would take 15 s (the panel's refreshSeconds, and 60 s while live); the event is faster.
    new WebDriverWait(driver, Duration.ofSeconds(8)).withMessage("the stock.changed event refreshed the panel")
        .until(d -> d.findElements(row).isEmpty());

    server.close();
    server = null;
    new WebDriverWait(driver, Duration.ofSeconds(30)).withMessage("the board says the stream is lost")
        .until(d -> "lost".equals(d.findElement(By.id("live-status")).getAttribute("data-state")));
    Browser.screenshot(driver, "board-stream-lost");
  }
}
