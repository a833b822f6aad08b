package org.floodready.board;

import org.floodready.support.Browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.floodready.support.Api;
import org.floodready.support.As;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.floodready.support.TestServer;
import org.floodready.support.Users;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The duty officer runs a shift from the board in a real Chromium: words instead of raw values, one fetch
 * per panel, the response level set, a transfer ordered from a shortfall's suggestion and received, a
 * hazard assigned, rectified through the API and closed on the board, a unit's readiness explained, the
 * phone layout, the scoped users without a refused request, and the server going away.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@FloodReadyTest(browser = true, browserNetworkLog = true)
class BoardDutyBrowserTest {
  static final byte[] PNG = HexFormat.of().parseHex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
      + "0000000d4944415478da63f8cfc0f01f0005000201a5f8b9d80000000049454e44ae426082");

  static ChromeDriver driver;

  @BeforeAll
  static void start(ChromeDriver browser, Api anonymous) throws Exception {
    driver = browser;
    driver.manage().window().setSize(new Dimension(1600, 1000));
    logIn(anonymous, "duty");
  }

  /** A wait that names what it waited for and looks again when a live update replaced the element. */
  static WebDriverWait waitFor(String what) {
    WebDriverWait w = new WebDriverWait(driver, Duration.ofSeconds(45));
    w.withMessage(what);
    w.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    return w;
  }

  static void logIn(Api anonymous, String user) {
    driver.get(anonymous.base() + "/?board"); // keepers, chiefs and inspectors would be sent to the field app
    driver.executeScript("sessionStorage.clear();");
    driver.navigate().refresh();
    waitFor("the login form").until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys("Flood@2026");
    driver.findElement(By.id("login-button")).click();
    waitFor("the board of " + user).until(ExpectedConditions.visibilityOfElementLocated(By.id("panels")));
  }

  /** Finds and clicks in one step, again if the panel re-rendered in between (live updates). */
  static void click(String what, By by) {
    waitFor(what).until(d -> {
      WebElement e = d.findElement(by);
      if (!e.isDisplayed() || !e.isEnabled()) {
        return false;
      }
      e.click();
      return true;
    });
  }

  static WebElement panel(String id) {
    return driver.findElement(By.id("panel-" + id));
  }

  static String text(String panel) {
    return panel(panel).findElement(By.cssSelector("[data-role=body]")).getText();
  }

  @Test
  @Order(1)
  void theBoardSpeaksInWordsAndFetchesEachPanelOnce() throws Exception {
    waitFor("the live stream").until(d -> "ok".equals(d.findElement(By.id("live-status")).getAttribute("data-state")));
    waitFor("every panel filled").until(d -> !text("checkpoints").contains("Loading") && !text("hazards").contains("Loading")
        && !text("coverage").contains("Loading") && !text("readiness").contains("Loading"));
    // The ranking: one table per level, each with its own ranks.
    assertEquals(1, panel("readiness").findElements(By.cssSelector("[data-level=district]")).size());
    assertEquals(1, panel("readiness").findElements(By.cssSelector("[data-level=street]")).size());
    // A checkpoint that never reported is unknown, not normal.
    WebElement never = panel("checkpoints").findElement(By.cssSelector("tr.unknown"));
    assertTrue(never.getText().contains("未知 never reported"), never.getText());
    assertFalse(never.getText().contains("正常"), never.getText());
    // Enum values in Chinese with English, timestamps for people, expired lots named so.
    assertTrue(text("hazards").contains("高 high") && text("hazards").contains("已交办 assigned"), text("hazards"));
    assertTrue(text("expiring").contains("已过期 expired"), text("expiring"));
    for (WebElement left : panel("expiring").findElements(By.cssSelector("td[data-key=daysLeft]"))) {
      assertFalse(left.getText().startsWith("-") || left.getText().startsWith("−"), left.getText());
    }
    assertTrue(text("alerts").matches("(?s).*20\\d\\d-\\d\\d-\\d\\d \\d\\d:\\d\\d.*"), text("alerts"));
    assertFalse(driver.findElement(By.tagName("body")).getText().contains("T23:"), "no raw ISO timestamps");
    Thread.sleep(2000); // a late second round would show up in the log within this time
    List<String> log = Browser.responses(driver);
    for (String source : List.of("/api/dashboard/panels/coverage", "/api/dashboard/panels/checkpoints", "/api/readiness",
        "/api/charts/readiness.png")) {
      long fetched = log.stream().filter(l -> l.contains(source)).count();
      assertEquals(1, fetched, source + " fetched once on load: " + log);
    }
    assertTrue(log.stream().noneMatch(l -> l.startsWith("403") || l.startsWith("500")), log.toString());
    assertTrue(Browser.tooWide(driver).isEmpty(), "wider than 1600 px: " + Browser.tooWide(driver));
    Browser.screenshot(driver, "board-duty-desktop");
    driver.executeScript("document.getElementById('panel-map').scrollIntoView();");
    Browser.screenshot(driver, "board-duty-map");
    // The map: reaches are named, colliding labels hidden, zoom works, a pop-up speaks in words.
    assertTrue(panel("map").findElements(By.cssSelector("text.label.reach")).size() > 0);
    driver.findElement(By.cssSelector("#panel-map button.zoom")).click();
    waitFor("zoomed in").until(d -> String.valueOf(d.findElement(By.cssSelector("#panel-map svg > g"))
        .getAttribute("transform")).contains("scale(1.5)"));
    driver.findElements(By.cssSelector("#panel-map button.zoom")).get(2).click();
    driver.executeScript("document.querySelector('#panel-map [data-kind=checkpoint]')"
        + ".dispatchEvent(new MouseEvent('click', {bubbles: true}));");
    waitFor("the pop-up").until(ExpectedConditions.visibilityOfElementLocated(By.id("detail")));
    String detail = driver.findElement(By.id("detail-body")).getText();
    assertTrue(detail.contains("类型 Kind") && detail.contains("状态 State"), detail);
    for (String raw : List.of("checkpointId", "detailPath", "lastReadingAt", "unitId", "/api/")) {
      assertFalse(detail.contains(raw), raw + " in " + detail);
    }
    Browser.screenshot(driver, "board-map-detail");
    driver.findElement(By.id("detail-close")).click();
  }

  @Test
  @Order(2)
  void theDutyOfficerRaisesTheResponseLevelWithAReason(@As("admin") Api admin, @As("duty") Api duty) throws Exception {
    String before = duty.get("/api/settings/response-level").json().getString("level");
    assertEquals("IV", before);
    double requiredBefore = duty.get("/api/dashboard/panels/coverage").json().getJsonArray("items").getJsonObject(0)
        .getDouble("required");
    driver.findElement(By.id("response-level")).click();
    waitFor("the level dialog").until(ExpectedConditions.visibilityOfElementLocated(By.id("level-select")));
    new Select(driver.findElement(By.id("level-select"))).selectByValue("III");
    driver.findElement(By.id("level-submit")).click();
    assertTrue(driver.findElement(By.id("level-error")).getText().contains("reason"), "a reason is required");
    driver.findElement(By.id("level-reason")).sendKeys("气象台发布暴雨橙色预警 Orange rainstorm warning");
    Browser.screenshot(driver, "board-level-dialog");
    Browser.responses(driver);
    driver.findElement(By.id("level-submit")).click();
    waitFor("the badge follows").until(d -> "III".equals(d.findElement(By.id("response-level")).getAttribute("data-level")));
    assertEquals("III", duty.get("/api/settings/response-level").json().getString("level"));
    JsonObject audit = admin.get("/api/audit?action=response_level.change").json();
    assertTrue(audit.encode().contains("Orange rainstorm warning"), audit.encode());
    // Quotas follow the multiplier (1.2 at III), rounded up to whole pieces for counted items.
    JsonObject worst = duty.get("/api/dashboard/panels/coverage").json().getJsonArray("items").getJsonObject(0);
    assertEquals(Math.floor(worst.getDouble("required")), worst.getDouble("required"), 0.0, worst.encode());
    assertTrue(requiredBefore > 0);
    waitFor("the coverage panel shows the new quota").until(d -> panel("coverage").findElement(
        By.cssSelector("tr[data-id='" + worst.getString("key") + "'] td[data-key=required]")).getText()
        .equals(String.valueOf(Math.round(worst.getDouble("required")))));
    Thread.sleep(4000); // past the board's 3 s fallback, which must not fetch again
    long fetched = Browser.responses(driver).stream().filter(l -> l.contains("/api/dashboard/panels/coverage")).count();
    assertEquals(1, fetched, "the coverage panel is fetched once for one change of level");
  }

  @Test
  @Order(3)
  void aTransferOrderedFromASuggestionIsFollowedToReceipt(@As("duty") Api duty) throws Exception {
    String key = waitFor("an order button on a shortfall").until(d -> d.findElement(By.cssSelector("#panel-coverage button.order")).findElement(By.xpath("./ancestor::tr"))
            .getAttribute("data-id"));
    click("the order button", By.cssSelector("#panel-coverage tr[data-id='" + key + "'] button.order"));
    waitFor("lots of the source base").until(d -> d.findElements(By.cssSelector("#transfer-lot option[value]:not([value=''])"))
        .size() > 0);
    assertTrue(driver.findElement(By.id("transfer-tracked")).isSelected(), "tracked by default");
    String suggested = driver.findElement(By.id("transfer-quantity")).getAttribute("value");
    assertTrue(Double.parseDouble(suggested) > 0, suggested);
    WebElement quantity = driver.findElement(By.id("transfer-quantity"));
    quantity.clear();
    quantity.sendKeys("1");
    Browser.screenshot(driver, "board-transfer-dialog");
    driver.findElement(By.id("transfer-submit")).click();
    By dispatched = By.cssSelector("#panel-transfers li[data-status=dispatched]");
    WebElement li = waitFor("the transfer in the transfers panel").until(ExpectedConditions.visibilityOfElementLocated(dispatched));
    String id = li.getAttribute("data-id");
    JsonObject t = duty.get("/api/transfers/" + id).json();
    assertEquals("dispatched", t.getString("status"));
    assertEquals(1.0, t.getDouble("quantity"), 1e-9);
    assertEquals(Long.parseLong(key.split("-")[0]), t.getLong("toBaseId"));
    // The panel re-renders on every change, so each button is looked up afresh.
    click("the depart button", By.cssSelector(
        "#panel-transfers li[data-id='" + id + "'] button.depart"));
    By inTransit = By.cssSelector("#panel-transfers li[data-id='" + id + "'][data-status=in_transit]");
    click("departed", By.cssSelector(
        "#panel-transfers li[data-id='" + id + "'][data-status=in_transit] button.receive"));
    waitFor("received").until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("#panel-transfers li[data-id='" + id + "'][data-status=received]")));
    assertTrue(driver.findElements(inTransit).isEmpty());
    assertEquals("received", duty.get("/api/transfers/" + id).json().getString("status"));
    Browser.screenshot(driver, "board-transfer-received");
  }

  @Test
  @Order(4)
  void aHazardIsAssignedRectifiedThroughTheApiAndClosedOnTheBoard(Users users,
      @As("duty") Api duty) throws Exception {
    // One a river chief reported: the duty officer may close it (a reporter may not close his own).
    JsonObject hazard = duty.get("/api/hazards?open=true&status=assigned&size=50").json().getJsonArray("items").stream()
        .map(o -> (JsonObject) o).filter(h -> h.getString("reporterName").contains("River chief")).findFirst().orElseThrow();
    long id = hazard.getLong("id");
    By row = By.cssSelector("#panel-hazards tr[data-id='" + id + "']");
    click("the hazard row", By.cssSelector("#panel-hazards tr[data-id='" + id + "'] button.assign"));
    waitFor("the assign dialog").until(ExpectedConditions.visibilityOfElementLocated(By.id("assign-unit")));
    driver.findElement(By.id("assign-comment")).sendKeys("请三日内清淤 Clear it within three days");
    Browser.screenshot(driver, "board-hazard-assign");
    driver.findElement(By.id("assign-submit")).click();
    waitFor("assigned with a new deadline").until(d -> !duty.get("/api/hazards/" + id).json().getString("deadline")
        .equals(hazard.getString("deadline")));

    // The reach's chief reported it (the demo's first event); he rectifies it.
    String chiefName = duty.get("/api/hazards/" + id).json().getJsonArray("events").getJsonObject(0).getString("actorName");
    Api chief = users.as(chiefName);
    assertEquals(200, chief.post("/api/hazards/" + id + "/start", new JsonObject()).status());
    Resp photo = chief.raw("POST", "/api/hazards/" + id + "/photos?kind=evidence", "image/png", PNG);
    assertEquals(201, photo.status(), photo.toString());
    Resp rectified = chief.post("/api/hazards/" + id + "/rectify", new JsonObject().put("note", "已清淤 Silt removed"));
    assertEquals(200, rectified.status(), rectified.toString());

    click("the verify button", By.cssSelector("#panel-hazards tr[data-id='" + id + "'] button.verify"));
    waitFor("the evidence photo in full").until(d -> d.findElements(By.cssSelector("#hazard-photos img")).size() == 1
        && ((Number) driver.executeScript("return document.querySelector('#hazard-photos img').naturalWidth;")).intValue() > 0);
    Browser.screenshot(driver, "board-hazard-verify");
    driver.findElement(By.id("hazard-reason")).sendKeys("现场核查合格 Checked on site");
    driver.findElement(By.id("hazard-submit")).click();
    waitFor("the closed hazard leaves the open list").until(d -> d.findElements(row).isEmpty());
    assertEquals("closed", duty.get("/api/hazards/" + id).json().getString("status"));

    // Another rectified one goes back, with the reason the board asks for.
    JsonObject other = duty.get("/api/hazards?status=rectified&size=50").json().getJsonArray("items").stream()
        .map(o -> (JsonObject) o).filter(h -> h.getString("reporterName").contains("River chief")).findFirst().orElseThrow();
    click("the reopen button", By.cssSelector("#panel-hazards tr[data-id='" + other.getLong("id") + "'] button.reopen"));
    waitFor("the reopen dialog").until(ExpectedConditions.visibilityOfElementLocated(By.id("hazard-reason")));
    driver.findElement(By.id("hazard-submit")).click();
    assertTrue(driver.findElement(By.id("hazard-error")).getText().contains("reason"), "a reason is required");
    driver.findElement(By.id("hazard-reason")).sendKeys("照片未见清理 The photo shows no clean-up");
    driver.findElement(By.id("hazard-submit")).click();
    waitFor("reopened").until(d -> "rectifying".equals(duty.get("/api/hazards/" + other.getLong("id")).json()
        .getString("status")));
  }

  @Test
  @Order(5)
  void anAlertThatRoseNeedsANewAcknowledgementAndShowsTheEarlierOne(@As("admin") Api admin,
      @As("duty") Api duty) throws Exception {
    JsonObject alert = duty.get("/api/dashboard/panels/alerts").json().getJsonArray("items").getJsonObject(0);
    long id = alert.getLong("id");
    Resp ack = duty.post("/api/alerts/" + id + "/acknowledge", new JsonObject().put("comment", "已派人值守 Crew sent"));
    assertEquals(200, ack.status(), ack.toString());
    By li = By.cssSelector("#panel-alerts li[data-id='" + id + "']");
    waitFor("the acknowledgement with its comment and who").until(d -> {
      String t = d.findElement(li).getText();
      return t.contains("Crew sent") && t.contains("值班员") && d.findElement(li).findElements(By.cssSelector("button.ack")).isEmpty();
    });
    // A jump is suspect until the next reading confirms it: two readings of a real rise to the severe depth.
    for (int ago : new int[] {60, 0}) {
      Resp reading = admin.post("/api/checkpoints/" + alert.getLong("checkpointId") + "/readings", new JsonObject()
          .put("value", 45.0).put("measuredAt", java.time.OffsetDateTime.now().minusSeconds(ago).toString()));
      assertEquals(201, reading.status(), reading.toString());
    }
    waitFor("the risen alert asks for a new acknowledgement").until(d -> {
      WebElement e = d.findElement(li);
      return "raised".equals(e.getAttribute("data-status")) && e.getText().contains("rose to")
          && !e.findElements(By.cssSelector("button.ack")).isEmpty();
    });
    String shown = waitFor("the alert's text").until(d -> d.findElement(li).getText());
    assertFalse(shown.contains("已确认 acknowledged by"), shown);
    assertTrue(shown.contains("Earlier acknowledged") && shown.contains("Crew sent"), shown);
    String csv = duty.get("/api/alerts.csv?status=all").body();
    assertTrue(csv.contains("acknowledgementComment") && csv.contains("Crew sent"), csv);
    Browser.screenshot(driver, "board-alert-rose");
  }

  @Test
  @Order(6)
  void aUnitsRankingIsExplainedByItsComponents() throws Exception {
    click("a street row", By.cssSelector("#panel-readiness [data-level=street] tbody tr"));
    waitFor("the components").until(d -> d.findElements(By.cssSelector("#detail-body .component")).size() == 5);
    waitFor("the lines behind them").until(d -> d.findElements(By.cssSelector("#detail-body li.muted")).stream()
        .noneMatch(li -> li.getText().contains("Loading")));
    String why = driver.findElement(By.id("detail-body")).getText();
    for (String part : List.of("物资满足指数", "机具完好", "巡河达标", "隐患按期", "监测在线")) {
      assertTrue(why.contains(part), why);
    }
    assertTrue(driver.findElements(By.cssSelector("#detail-body a.to-list")).size() >= 3, why);
    Browser.screenshot(driver, "board-why");
    driver.findElement(By.id("detail-close")).click();
  }

  @Test
  @Order(7)
  void onAPhoneTheBoardIsOneColumnAndNothingIsWiderThanTheScreen() throws Exception {
    driver.manage().window().setSize(new Dimension(390, 844));
    waitFor("one column").until(d -> {
      Number a = (Number) driver.executeScript("return document.getElementById('panel-coverage').getBoundingClientRect().left;");
      Number b = (Number) driver.executeScript("return document.getElementById('panel-alerts').getBoundingClientRect().left;");
      return Math.abs(a.doubleValue() - b.doubleValue()) < 1;
    });
    driver.executeScript("window.scrollTo(0, 0);");
    Thread.sleep(500);
    List<String> wide = Browser.tooWide(driver);
    assertTrue(wide.isEmpty(), "wider than the 390 px screen: " + wide);
    assertTrue(driver.findElement(By.id("logout")).isDisplayed());
    Browser.screenshot(driver, "board-phone-390");
    Browser.fullPage(driver, "board-phone-390-full");
    driver.manage().window().setSize(new Dimension(900, 1000));
    Thread.sleep(500);
    assertTrue(Browser.tooWide(driver).isEmpty(), "wider than a 900 px tablet: " + Browser.tooWide(driver));
    Browser.screenshot(driver, "board-tablet-900");
    driver.manage().window().setSize(new Dimension(1600, 1000));
  }

  @Test
  @Order(8)
  void scopedUsersNeverAskForWhatTheyMayNotSee(Api anonymous) throws Exception {
    for (String user : List.of("keeper", "chief", "inspector")) {
      driver.findElement(By.id("logout")).click();
      Browser.responses(driver);
      logIn(anonymous, user);
      waitFor(user + "'s panels filled").until(d -> d.findElements(By.cssSelector("#panels .panel [data-role=body]")).stream()
          .noneMatch(b -> b.getText().contains("Loading")));
      Thread.sleep(1500);
      List<String> log = Browser.responses(driver);
      assertTrue(log.stream().noneMatch(l -> l.startsWith("403")), user + ": " + log);
      assertTrue(driver.findElements(By.cssSelector("#panels .panel[data-scope=outside]")).isEmpty());
      Browser.screenshot(driver, "board-" + user);
    }
    assertTrue(driver.findElements(By.id("panel-coverage")).isEmpty(), "an inspector has no stock panel");
    assertFalse(driver.findElements(By.id("panel-checkpoints")).isEmpty());
  }

  @Test
  @Order(9)
  void whileTheServerIsUnreachableOneLineSaysSoAndActionsAreDisabled(TestServer server,
      Api anonymous) throws Exception {
    driver.findElement(By.id("logout")).click();
    logIn(anonymous, "duty");
    waitFor("action buttons").until(ExpectedConditions.elementToBeClickable(By.cssSelector("#panels button.action")));
    server.close();
    waitFor("the status line").until(ExpectedConditions.visibilityOfElementLocated(By.id("net-status")));
    waitFor("actions disabled").until(d -> d.findElements(By.cssSelector("button.action")).stream().noneMatch(WebElement::isEnabled));
    String page = driver.findElement(By.tagName("body")).getText();
    assertFalse(page.contains("Failed to fetch"), page);
    assertEquals(1, driver.findElements(By.cssSelector("#net-status:not([hidden])")).size());
    Browser.screenshot(driver, "board-server-down");
  }
}
