package org.floodready.requests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Browser;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In a real Chromium: the duty officer approves a street's request partly, edits the proposed allocation and
 * dispatches it from the board (desktop); the street confirms the delivery with a shortage in the field app on
 * a 390×844 phone, as the dispatch note's QR code opens it; scanning it again shows it received once.
 */
@FloodReadyTest(browser = true)
class RequestBrowserTest {
  static TestServer server;
  static ChromeDriver driver;
  static RequestFixture f;

  @BeforeAll
  static void start(TestServer node, RequestFixture fixture, ChromeDriver browser) {
    server = node;
    f = fixture;
    driver = browser;
  }

  static WebDriverWait waitFor(String what) {
    return Browser.waitFor(driver, what);
  }

  static void click(String what, By by) {
    Browser.click(driver, what, by);
  }

  /** The board as the duty officer, from a clean session. */
  static void boardAsDuty() {
    driver.get(server.anonymous.base() + "/?board");
    js("sessionStorage.clear(); localStorage.clear();");
    driver.navigate().refresh();
    waitFor("login form").until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("duty");
    driver.findElement(By.id("password")).sendKeys("Flood@2026");
    driver.findElement(By.id("login-button")).click();
  }

  static Object js(String script, Object... args) {
    return driver.executeScript(script, args);
  }

  @Test
  void approvedAndDispatchedOnTheBoardThenReceivedWithAShortageOnThePhone() throws Exception {
    JsonObject request = f.fileRequest(600, 3);
    long id = request.getLong("id");
    long bagLine = RequestFixture.lineOf(request, f.bags);

    // ---- desktop board: the duty officer ----
    driver.manage().window().setSize(new Dimension(1600, 1000));
    boardAsDuty();
    By row = By.cssSelector("#panel-requests li[data-id='" + id + "'] button.open-request");
    click("the request in the requests panel", row);
    waitFor("the decision form").until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("#request-body tr[data-line='" + bagLine + "'] input.approve")));
    WebElement approve = driver.findElement(By.cssSelector("#request-body tr[data-line='" + bagLine + "'] input.approve"));
    approve.clear();
    approve.sendKeys("300");
    click("submit without a reason", By.cssSelector("#request-buttons .submit-decision"));
    waitFor("the missing reason named").until(d -> d.findElement(By.id("request-error")).getText().contains("第1项 理由"));
    driver.findElement(By.cssSelector("#request-body tr[data-line='" + bagLine + "'] input.reason")).sendKeys("库存紧张，先调 300 条");
    Browser.screenshot(driver, "requests-board-decide");
    click("submit the decision", By.cssSelector("#request-buttons .submit-decision"));
    waitFor("the approved request").until(d -> d.findElement(By.id("request-body")).getText().contains("部分批准 partly"));

    click("allocate", By.cssSelector("#request-buttons .edit-allocation"));
    waitFor("the proposed allocation").until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("#allocation-editor table.allocation tr[data-lot='" + f.nearEarly + "'] input.take")));
    assertEquals("100", driver.findElement(By.cssSelector("tr[data-lot='" + f.nearEarly + "'] input.take")).getAttribute("value"),
        "the earlier-expiring lot of the nearest base is proposed first");
    assertEquals("0", driver.findElement(By.cssSelector("tr[data-lot='" + f.atQuotaLot + "'] input.take")).getAttribute("value"),
        "the base at its quota is offered but not taken");
    // The officer edits the proposal: 10 bags from the base at quota instead of the far one, with a reason.
    WebElement far = driver.findElement(By.cssSelector("tr[data-lot='" + f.farLot + "'] input.take"));
    far.clear();
    far.sendKeys("90");
    WebElement quota = driver.findElement(By.cssSelector("tr[data-lot='" + f.atQuotaLot + "'] input.take"));
    quota.clear();
    quota.sendKeys("10");
    click("save without a reason", By.cssSelector("#request-buttons .save-allocation"));
    waitFor("the quota refusal with what is available").until(d -> d.findElement(By.id("request-error")).getText()
        .contains("可用 Available"));
    driver.findElement(By.cssSelector("input.override[data-base='" + f.atQuota + "']")).sendKeys("险情紧急，就近调用");
    Browser.fullPage(driver, "requests-board-allocation");
    click("save the allocation", By.cssSelector("#request-buttons .save-allocation"));
    waitFor("the saved allocation").until(d -> d.findElement(By.id("request-body")).getText().contains("已调配待发出"));
    click("dispatch", By.cssSelector("#request-buttons .dispatch"));
    waitFor("the dispatch notes").until(d -> d.findElements(By.cssSelector("#request-body .dispatches li")).size() == 3);
    assertEquals("", driver.findElement(By.id("request-error")).getText(), "no stale error after a good step");
    Browser.fullPage(driver, "requests-board-dispatched");
    String a4 = driver.findElement(By.cssSelector("#request-body .dispatches li a.print-a4")).getAttribute("href");
    assertTrue(a4.contains("/note.pdf?paper=a4"), a4);
    String bodyText = driver.findElement(By.id("request-dialog")).getText();
    assertFalse(bodyText.contains("undefined") || bodyText.contains("null"), bodyText);

    JsonObject sent = f.duty.get("/api/requests/" + id).json();
    long dispatchId = sent.getJsonArray("dispatches").stream().map(o -> (JsonObject) o)
        .filter(d -> d.getLong("fromBaseId") == f.near).findFirst().orElseThrow().getLong("id");

    // ---- phone: the street at the flooded place scans the note ----
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844,
        "deviceScaleFactor", 1, "mobile", true));
    driver.get(server.anonymous.base() + "/field/");
    js("localStorage.clear(); sessionStorage.clear();");
    driver.get(server.anonymous.base() + "/field/");
    waitFor("field login").until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("street");
    driver.findElement(By.id("password")).sendKeys("Flood@2026");
    driver.findElement(By.id("login-button")).click();
    waitFor("the requester's home").until(d -> "requests".equals(js("return document.getElementById('view').dataset.view;"))
        && "1".equals(js("return document.getElementById('view').dataset.ready;")));
    Browser.fullPage(driver, "requests-phone-home");
    assertEquals(List.of(), Browser.tooWide(driver), "nothing wider than the phone on the requests page");

    driver.get(server.anonymous.base() + "/field/#dispatch/" + dispatchId); // what the QR code holds
    waitFor("the receipt form").until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt-form")));
    WebElement first = driver.findElement(By.cssSelector("#receipt-form input[data-line]"));
    first.clear();
    first.sendKeys("95");
    driver.findElement(By.cssSelector("#receipt-form textarea[name=note]")).sendKeys("少 5 条，袋子破损");
    assertEquals(List.of(), Browser.tooWide(driver), "nothing wider than the phone on the receipt page");
    Browser.fullPage(driver, "requests-phone-receipt");
    click("confirm receipt", By.cssSelector("#receipt-form button[type=submit]"));
    waitFor("the receipt booked").until(d -> d.findElement(By.cssSelector("#receipt-form .result")).getText()
        .contains("已完成 Done"));
    waitFor("the received note shown").until(d -> d.findElement(By.id("view")).getText().contains("已签收 Received"));
    Browser.fullPage(driver, "requests-phone-received");

    // Scanning the note again shows it received and offers nothing to book.
    driver.navigate().refresh();
    waitFor("the received note again").until(d -> d.findElement(By.id("view")).getText().contains("已签收 Received"));
    assertTrue(driver.findElements(By.cssSelector("#receipt-form button[type=submit]")).isEmpty());
    JsonObject after = f.duty.get("/api/dispatches/" + dispatchId).json();
    assertEquals("received", after.getString("status"));
    assertEquals(1, f.duty.get("/api/requests/" + id).json().getJsonArray("history").stream()
        .filter(h -> ((JsonObject) h).getString("action").equals("dispatch.receive")).count());
    assertTrue(after.getJsonArray("lines").stream().anyMatch(l -> "5".equals(String.valueOf(((JsonObject) l)
        .getValue("shortage")))), after.encodePrettily());

    // The board on the phone: the requests panel fits.
    boardAsDuty();
    waitFor("the requests panel").until(d -> !d.findElements(By.cssSelector("#panel-requests li[data-id]")).isEmpty());
    js("document.getElementById('panel-requests').scrollIntoView();");
    Browser.screenshot(driver, "requests-board-phone");
    assertEquals(List.of(), Browser.tooWide(driver), "nothing wider than the phone on the board");
    click("the request on the phone", By.cssSelector("#panel-requests li[data-id='" + id + "'] button.open-request"));
    waitFor("its dispatch notes on the phone").until(d -> d.findElements(By.cssSelector("#request-body .dispatches li")).size() == 3);
    Browser.screenshot(driver, "requests-board-phone-dialog");
    assertEquals(List.of(), Browser.tooWide(driver), "nothing wider than the phone in the request dialog");
  }
}
