package org.floodready.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.floodready.support.Api;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Browser;
import org.floodready.support.Resp;
import org.floodready.support.TestServer;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In a real Chromium: an admin changes the notification rules on /admin/notify.html (on a 390 px phone and
 * on a desktop), a bad value is shown at its field, and a duty officer withdraws an alert's CAP messages from
 * the board's alert list.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@FloodReadyTest(browser = true)
class NotifyRulesBrowserTest {
  static TestServer server;
  static ChromeDriver driver;
  static Api admin;

  @BeforeAll
  static void start(TestServer node, ChromeDriver browser) {
    server = node;
    admin = server.as("admin");
    driver = browser;
  }

  static WebDriverWait waitFor(String what) {
    return DutyBoardBrowserTest.waitFor(driver, what);
  }

  static void logIn(String path, String user) {
    DutyBoardBrowserTest.logIn(driver, server, path, user);
  }

  static void type(String id, String value) {
    WebElement input = driver.findElement(By.id(id));
    input.clear();
    input.sendKeys(value);
  }

  static JsonObject callDown(String level) {
    return NotifyRulesTest.callDown(admin.get("/api/admin/notify-rules").json(), level);
  }

  @Test
  @Order(1)
  void anAdminChangesTheRulesOnAPhoneAndSeesBadValuesAtTheirField() throws Exception {
    driver.manage().window().setSize(new Dimension(390, 844));
    logIn("/admin/notify.html", "admin");
    waitFor("the rules").until(ExpectedConditions.visibilityOfElementLocated(By.id("minutes-red")));
    assertEquals("10", driver.findElement(By.id("minutes-red")).getAttribute("value"));
    String page = driver.findElement(By.tagName("body")).getText();
    for (String words : List.of("逐级呼叫", "带班领导", "监测点巡查员", "预警发布或升级", "红色预警 Red")) {
      assertTrue(page.contains(words), words);
    }
    assertTrue(!page.contains("leader_on_call") && !page.contains("alert.raised"), "no raw names: " + page);
    assertEquals(List.of(), Browser.tooWide(driver), "nothing wider than a 390 px phone");
    Browser.fullPage(driver, "notify-rules-390");

    type("minutes-red", "5");
    WebElement inspectors = driver.findElement(By.cssSelector("[data-rule='alert.raised:red'] input[value=inspectors]"));
    assertTrue(inspectors.isSelected());
    driver.executeScript("arguments[0].click();", inspectors);
    driver.executeScript("arguments[0].click();", driver.findElement(By.id("save")));
    waitFor("saved").until(d -> d.findElement(By.id("status")).getText().contains("已保存"));
    assertEquals(5.0, callDown("red").getDouble("minutes"));
    assertEquals(List.of("duty_officers", "responsibles", "leader_on_call"), NotifyRulesTest.rule(
        admin.get("/api/admin/notify-rules").json(), "alert.raised", "red").getJsonArray("recipients").getList());

    type("minutes-orange", "0");
    driver.executeScript("arguments[0].click();", driver.findElement(By.id("save")));
    WebElement error = waitFor("the error at the minutes").until(d -> d.findElement(
        By.cssSelector("[data-error-for='callDown[orange].minutes']")));
    waitFor("its text").until(d -> !error.getText().isEmpty());
    assertTrue(error.getText().contains("须大于 0"), error.getText());
    assertEquals(15.0, callDown("orange").getDouble("minutes"), "nothing saved");
    Browser.screenshot(driver, "notify-rules-390-error");
    driver.navigate().refresh();
    waitFor("the rules again").until(ExpectedConditions.visibilityOfElementLocated(By.id("minutes-red")));
    assertEquals("5", driver.findElement(By.id("minutes-red")).getAttribute("value"));
  }

  @Test
  @Order(2)
  void theRulesPageOnADesktopAndReadOnlyForTheDutyRoom() throws Exception {
    driver.manage().window().setSize(new Dimension(1440, 900));
    logIn("/admin/notify.html", "admin");
    waitFor("the rules").until(ExpectedConditions.visibilityOfElementLocated(By.id("minutes-red")));
    assertEquals(List.of(), Browser.tooWide(driver));
    Browser.fullPage(driver, "notify-rules-desktop");

    logIn("/admin/notify.html", "duty");
    waitFor("the rules, read only").until(ExpectedConditions.visibilityOfElementLocated(By.id("read-only")));
    // The note shows at login, the form once the rules are read.
    waitFor("the rules read").until(ExpectedConditions.visibilityOfElementLocated(By.id("minutes-red")));
    assertTrue(!driver.findElement(By.id("minutes-red")).isEnabled());
    assertTrue(!driver.findElement(By.id("save")).isDisplayed());
  }

  @Test
  @Order(3)
  void aDutyOfficerWithdrawsAnAlertsCapMessagesFromTheBoard() throws Exception {
    long alertId = NotifyMailTest.redAlertAtTheCulvert(server, admin);

    driver.manage().window().setSize(new Dimension(390, 844));
    logIn("/", "duty");
    By button = By.cssSelector("#panel-alerts li[data-id='" + alertId + "'] button.withdraw");
    WebElement withdraw = waitFor("the withdraw button").until(ExpectedConditions.presenceOfElementLocated(button));
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", withdraw);
    assertEquals(List.of(), Browser.tooWide(driver));
    Browser.screenshot(driver, "board-alert-withdraw-390");
    driver.executeScript("arguments[0].click();", withdraw);
    waitFor("the dialog").until(ExpectedConditions.visibilityOfElementLocated(By.id("withdraw-reason")))
        .sendKeys("测试数据误发 test reading sent in error");
    Browser.screenshot(driver, "board-withdraw-dialog-390");
    driver.findElement(By.id("withdraw-submit")).click();
    waitFor("the dialog closed").until(ExpectedConditions.invisibilityOfElementLocated(By.id("withdraw-dialog")));
    Resp cap = admin.get("/api/alerts/" + alertId + "/cap");
    assertTrue(cap.body().contains("<msgType>Cancel</msgType>"), cap.body());

    By item = By.cssSelector("#panel-alerts li[data-id='" + alertId + "']");
    waitFor("the alert marked withdrawn").until(d -> d.findElement(item).getText().contains("已撤回发布 Withdrawn"));
    assertTrue(driver.findElements(button).isEmpty(), "no second withdrawal offered");
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", driver.findElement(item));
    Browser.screenshot(driver, "board-alert-withdrawn-390");
    Resp again = server.as("duty").post("/api/alerts/" + alertId + "/cap/withdraw",
        new JsonObject().put("reason", "again"));
    assertEquals(409, again.status(), "the API refuses a second withdrawal, whatever a stale board offers");
  }
}
