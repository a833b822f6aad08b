package org.floodready.board;

import org.floodready.support.Browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.floodready.support.Api;
import org.floodready.support.As;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The board in a real headless Chromium: the duty officer logs in, sees the panels filled, watches the
 * coverage panel follow a stock receipt posted through the API without a reload, and acknowledges an
 * alert from the page. Screenshots go to target/screenshots/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@FloodReadyTest(browser = true)
class BoardBrowserTest {
  static ChromeDriver driver;
  static WebDriverWait wait;

  @BeforeAll
  static void start(ChromeDriver browser, Api anonymous) throws Exception {
    driver = browser;
    wait = new WebDriverWait(driver, Duration.ofSeconds(45));
    driver.get(anonymous.base() + "/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("duty");
    driver.findElement(By.id("password")).sendKeys("Flood@2026");
    driver.findElement(By.id("login-button")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("panels")));
    // Survives only as long as the page is not reloaded.
    driver.executeScript("window.__sameDocument = 'yes';");
  }

  @AfterAll
  static void lastLook() throws Exception {
    Browser.screenshot(driver, "board-final");
  }

  /** A wait that names what it waited for (withMessage would change the shared wait). */
  static WebDriverWait waitFor(String what) {
    WebDriverWait w = new WebDriverWait(driver, Duration.ofSeconds(45));
    w.withMessage(what);
    return w;
  }

  static WebElement panel(String id) {
    return driver.findElement(By.id("panel-" + id));
  }

  static int rows(String panel) {
    return panel(panel).findElements(By.cssSelector("[data-role=body] tr[data-id], [data-role=body] li[data-id]")).size();
  }

  @Test
  @Order(1)
  void dutyOfficerSeesThePanelsFilledWithTheirAge() throws Exception {
    assertTrue(driver.findElement(By.id("user-name")).getText().contains("值班员"));
    for (String p : new String[] {"coverage", "checkpoints", "alerts", "expiring", "tests-overdue", "compliance",
        "hazards"}) {
      waitFor("panel " + p + " shows rows").until(d -> rows(p) > 0);
    }
    wait.until(d -> panel("map").findElements(By.cssSelector("svg [data-kind=base]")).size() > 0
        && panel("map").findElements(By.cssSelector("svg [data-kind=checkpoint]")).size() > 0
        && panel("map").findElements(By.cssSelector("svg [data-kind=reach]")).size() > 0);
    wait.until(d -> panel("coverage").findElement(By.cssSelector("[data-role=age]")).getText().contains("updated"));
    wait.until(d -> !driver.findElement(By.id("response-level")).getText().equals("—"));
    wait.until(d -> panel("coverage").findElement(By.cssSelector("img.chart")).isDisplayed());
    assertTrue(driver.findElement(By.id("live-status")).getAttribute("data-state") != null);
    Path shot = Browser.screenshot(driver, "board-duty");
    assertTrue(Files.size(shot) > 20_000);
    Browser.fullPage(driver, "board-duty-full-page");
  }

  @Test
  @Order(2)
  void aStockReceiptPostedThroughTheApiShowsOnTheBoardWithoutReload(@As("duty") Api duty, @As("admin") Api admin) {
    JsonObject worst = duty.get("/api/dashboard/panels/coverage").json().getJsonArray("items").getJsonObject(0);
    String rowId = worst.getString("key");
    By row = By.cssSelector("#panel-coverage tr[data-id='" + rowId + "']");
    wait.until(ExpectedConditions.presenceOfElementLocated(row));
    long baseId = worst.getLong("baseId");
    Resp receipt = admin.post("/api/bases/" + baseId + "/receipts", new JsonObject()
        .put("itemId", worst.getLong("itemId")).put("quantity", worst.getDouble("shortfall"))
        .put("note", "browser test"), UUID.randomUUID().toString());
    assertEquals(201, receipt.status(), receipt.toString());
    waitFor("the covered shortfall leaves the coverage panel").until(d -> d.findElements(row).isEmpty());
    assertEquals("yes", driver.executeScript("return window.__sameDocument;"), "the page was not reloaded");
  }

  @Test
  @Order(3)
  void theDutyOfficerAcknowledgesAnAlertFromThePage(@As("duty") Api duty) throws Exception {
    By button = By.cssSelector("#panel-alerts li[data-status=raised] button.ack, "
        + "#panel-alerts li[data-status=escalated] button.ack");
    WebElement ack = wait.until(ExpectedConditions.elementToBeClickable(button));
    String alertId = ack.findElement(By.xpath("./ancestor::li")).getAttribute("data-id");
    ack.click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ack-comment")))
        .sendKeys("已通知市政排水抢险队 Drainage crew on the way");
    driver.findElement(By.id("ack-submit")).click();
    By acknowledged = By.cssSelector("#panel-alerts li[data-id='" + alertId + "'][data-status=acknowledged]");
    waitFor("the alert shows as acknowledged").until(ExpectedConditions.presenceOfElementLocated(acknowledged));
    JsonObject alert = duty.get("/api/alerts/" + alertId).json();
    assertEquals("acknowledged", alert.getString("status"), alert.encode());
    Browser.screenshot(driver, "board-after-ack");
  }

  @Test
  @Order(4)
  void aBaseKeeperSeesHisOwnBasesAndNotTheDutyPanels(@As("keeper") Api keeper, Api anonymous) throws Exception {
    driver.findElement(By.id("logout")).click();
    // A keeper's login goes to the field app unless he asks for the board.
    driver.get(anonymous.base() + "/?board");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("keeper");
    driver.findElement(By.id("password")).sendKeys("Flood@2026");
    driver.executeScript("""
        new MutationObserver((changes, observer) => {
          const table = document.querySelector('#panel-coverage [data-role=body] table');
          if (!table) return;
          window.__ageWithFirstData = document.querySelector('#panel-coverage [data-role=age]').textContent;
          observer.disconnect();
        }).observe(document.body, { childList: true, subtree: true });""");
    driver.findElement(By.id("login-button")).click();
    wait.until(d -> driver.findElement(By.id("user-name")).getText().contains("仓库管理员"));
    // The definition holds only the panels a keeper may see: the duty panels are not even asked for.
    wait.until(d -> !d.findElements(By.id("panel-coverage")).isEmpty());
    assertTrue(driver.findElements(By.id("panel-alerts")).isEmpty(), "no alerts panel for a keeper");
    JsonObject mine = keeper.get("/api/dashboard/panels/coverage").json();
    java.util.Set<String> myBases = new java.util.HashSet<>();
    mine.getJsonArray("items").forEach(o -> myBases.add(((JsonObject) o).getString("baseNameZh")));
    wait.until(d -> rows("coverage") == mine.getJsonArray("items").size());
    // the data's age is shown with the data, not with the next clock tick
    Object age = driver.executeScript("return window.__ageWithFirstData;");
    assertTrue(String.valueOf(age).startsWith("更新于"), "the panel shows its data age with its data: " + age);
    for (WebElement cell : panel("coverage").findElements(By.cssSelector("td[data-key=baseNameZh]"))) {
      assertTrue(myBases.contains(cell.getText()), cell.getText() + " is one of the keeper's bases");
    }
    Browser.screenshot(driver, "board-keeper");
  }
}
