package org.floodready.board;

import org.floodready.support.Api;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.floodready.support.Resp;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * #17 on the board: two pumps issued to an incident that is then closed show in the still-out panel; the
 * keeper books one back needing repair and one good from the row, and the row leaves the panel.
 */
@FloodReadyTest(browser = true)
class ReturnsBoardBrowserTest {
  static TestServer server;
  static ChromeDriver driver;

  @BeforeAll
  static void start(TestServer node, ChromeDriver browser) {
    server = node;
    driver = browser;
  }

  @Test
  void theKeeperBooksTheReturnOfAClosedIncidentsPumpsFromTheBoard() throws Exception {
    Api keeper = server.as("keeper");
    long base = keeper.get("/api/bases?mine=true").json().getJsonArray("items").getJsonObject(0).getLong("id");
    long pump = keeper.get("/api/items?q=E-DSL").json().getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(i -> i.getString("code").equals("E-DSL")).findFirst().orElseThrow().getLong("id");
    Resp received = keeper.post("/api/bases/" + base + "/receipts", new JsonObject().put("itemId", pump)
        .put("quantity", 2).put("lotCode", "PUMP-RET-1"), UUID.randomUUID().toString());
    assertEquals(201, received.status(), received.toString());
    long lot = received.json().getLong("lotId");
    long incident = sql("INSERT INTO incidents (kind, title, unit_id, lat, lon, severity, status, reported_by,"
        + " reported_at) SELECT 'waterlogging', $1, b.unit_id, 34.69, 113.70, 'high', 'responding', u.id, now()"
        + " FROM bases b, users u WHERE b.id = $2 AND u.username = 'duty' RETURNING id", "小魏庄积水抢排", base);
    Resp issued = keeper.post("/api/lots/" + lot + "/issues", new JsonObject().put("quantity", 2)
        .put("incidentId", incident), UUID.randomUUID().toString());
    assertEquals(201, issued.status(), issued.toString());
    sql("UPDATE incidents SET status = 'closed', closed_at = now() WHERE id = $1 RETURNING id", incident);

    driver.manage().window().setSize(new Dimension(1600, 1000));
    // A keeper's login goes to the field app unless he asks for the board.
    driver.get(server.anonymous.base() + "/?board");
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(45));
    wait.until(d -> d.findElement(By.id("username")).isDisplayed());
    driver.findElement(By.id("username")).sendKeys("keeper");
    driver.findElement(By.id("password")).sendKeys("Flood@2026");
    driver.findElement(By.id("login-button")).click();
    By row = By.cssSelector("#panel-returns-out tr[data-id='" + incident + "-" + lot + "']");
    WebElement tr;
    try {
      tr = wait.until(d -> d.findElements(row).isEmpty() ? null : d.findElement(row));
    } catch (RuntimeException e) {
      Browser.fullPage(driver, "board-returns-failed");
      throw e;
    }
    assertTrue(tr.getText().contains("小魏庄积水抢排") && tr.getText().contains("柴油泵"), tr.getText());
    assertEquals("2", tr.findElement(By.cssSelector("td[data-key=out]")).getText());
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", driver.findElement(By.id("panel-returns-out")));
    Browser.screenshot(driver, "board-returns-still-out");
    driver.manage().window().setSize(new Dimension(390, 844));
    Thread.sleep(500);
    List<String> wide = Browser.tooWide(driver);
    assertTrue(wide.isEmpty(), "wider than the 390 px screen: " + wide);
    driver.executeScript("document.querySelector(\"#panel-returns-out tr[data-id='" + incident + "-" + lot
        + "']\").scrollIntoView({block: 'center'});");
    Browser.screenshot(driver, "board-returns-phone-390");
    driver.manage().window().setSize(new Dimension(1600, 1000));
    Thread.sleep(500);
    tr = driver.findElement(row);

    tr.findElement(By.cssSelector(".return-form input")).clear();
    tr.findElement(By.cssSelector(".return-form input")).sendKeys("1");
    new Select(tr.findElement(By.cssSelector(".return-form select"))).selectByValue("needs_repair");
    tr.findElement(By.cssSelector("button.return")).click();
    wait.until(d -> !d.findElements(row).isEmpty()
        && d.findElement(row).findElement(By.cssSelector("td[data-key=out]")).getText().equals("1"));
    WebElement after = driver.findElement(row);
    new Select(after.findElement(By.cssSelector(".return-form select"))).selectByValue("good");
    after.findElement(By.cssSelector("button.return")).click();
    wait.until(d -> d.findElements(row).isEmpty());
    Browser.screenshot(driver, "board-returns-all-back");

    JsonObject summary = server.as("duty").get("/api/incidents/" + incident + "/summary").json();
    JsonObject line = summary.getJsonArray("lines").getJsonObject(0);
    assertEquals(2, line.getInteger("returned"));
    assertEquals(1, line.getInteger("needsRepair"));
    assertEquals(0, line.getInteger("stillOut"));
    JsonArray usable = keeper.get("/api/lots?baseId=" + base + "&itemId=" + pump + "&usable=false").json()
        .getJsonArray("items");
    assertTrue(usable.stream().map(JsonObject.class::cast).anyMatch(l -> "needs_repair".equals(l.getString("condition"))
        && l.getString("lotCode").startsWith("PUMP-RET-1-R")), usable.encode());
  }

  static long sql(String statement, Object... args) throws Exception {
    return server.server.app().pool().preparedQuery(statement).execute(Tuple.wrap(args)).toCompletionStage()
        .toCompletableFuture().get(30, TimeUnit.SECONDS).iterator().next().getLong("id");
  }
}
