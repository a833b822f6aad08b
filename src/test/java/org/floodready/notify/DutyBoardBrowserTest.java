package org.floodready.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.floodready.support.Api;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.NodeArgs;
import org.floodready.support.Browser;
import org.floodready.support.Resp;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.AfterAll;
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
 * The duty room's roster and messages in a real Chromium: who is on duty in the board's header, the
 * delivery log panel listing a real alert's mails, and the recipient acknowledging from the mail's link.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@FloodReadyTest(browser = true, browserNetworkLog = true)
class DutyBoardBrowserTest {
  static SmtpSink smtp;
  static TestServer server;
  static ChromeDriver driver;
  static Api admin;
  static Api duty;
  static long alertId;

  @NodeArgs
  static String[] nodeArgs() throws Exception {
    smtp = new SmtpSink();
    return new String[] {"--notify-smtp-host", "127.0.0.1", "--notify-smtp-port",
        Integer.toString(smtp.port()), "--notify-smtp-starttls", "disabled", "--notify-interval-ms", "300",
        "--notify-public-url", "http://board.example"};
  }

  @BeforeAll
  static void start(TestServer node, ChromeDriver browser) {
    server = node;
    admin = server.as("admin");
    duty = server.as("duty");
    driver = browser;
    driver.manage().window().setSize(new Dimension(1600, 1000));
  }

  @AfterAll
  static void stop() throws Exception {
    if (smtp != null) { // null when the class was skipped for want of Chromium
      smtp.close();
    }
  }

  static WebDriverWait waitFor(String what) {
    return waitFor(driver, what);
  }

  static WebDriverWait waitFor(ChromeDriver driver, String what) {
    WebDriverWait w = new WebDriverWait(driver, Duration.ofSeconds(45));
    w.withMessage(what);
    w.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    return w;
  }

  static void logIn(String path, String user) {
    logIn(driver, server, path, user);
  }

  /** A fresh login (the session of the board and admin pages cleared) on the page at {@code path}. */
  static void logIn(ChromeDriver driver, TestServer server, String path, String user) {
    driver.get(server.anonymous.base() + "/");
    driver.executeScript("sessionStorage.clear();");
    driver.get(server.anonymous.base() + path);
    waitFor(driver, "the login form").until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
        .sendKeys(user);
    driver.findElement(By.id("password")).sendKeys("Flood@2026");
    driver.findElement(By.id("login-button")).click();
  }

  static String text(By by) {
    return driver.findElement(by).getText();
  }

  /** The panel's text (its DOM text: below the fold of a 1000 px window Selenium's rendered text is empty). */
  static String deliveryLog() {
    return (String) driver.executeScript("const p = document.getElementById('panel-deliveries'); return p ? p.textContent : ''");
  }

  static long userId(String username) {
    return NotifyMailTest.userIdAs(admin, username);
  }

  @Test
  @Order(1)
  void theHeaderShowsWhoIsOnDutyNow() throws Exception {
    assertEquals(200, admin.put("/api/duty/contacts/" + userId("chief"), new JsonObject().put("phone", "13900139000"))
        .status());
    logIn("/", "duty");
    waitFor("the on-duty line").until(d -> d.findElement(By.id("on-duty")).isDisplayed());
    assertTrue(!text(By.id("on-duty")).contains("13900139000"), text(By.id("on-duty")));

    String today = OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).toLocalDate().toString();
    Resp shift = admin.post("/api/duty/shifts", new JsonObject().put("unitId", DutyApiTest.unit(admin, "ZZ-JK"))
        .put("date", today).put("start", "00:00").put("end", "00:00")
        .put("officerIds", new JsonArray().add(userId("chief"))).put("leaderUserId", userId("admin")),
        UUID.randomUUID().toString());
    assertEquals(201, shift.status(), shift.toString());
    String dutyName = server.as("chief").get("/api/auth/me").json().getString("displayName");
    String adminName = admin.get("/api/auth/me").json().getString("displayName");
    // the shift's event refreshes the header without a reload
    waitFor("the officer on duty in the header").until(d -> text(By.id("on-duty")).contains(dutyName));
    String line = text(By.id("on-duty"));
    assertTrue(line.contains("13900139000") && line.contains("带班领导 Leader on call") && line.contains(adminName),
        line + " / " + adminName);
    assertTrue(driver.findElement(By.id("duty-link")).isDisplayed(), "the roster link for the duty room");
    Browser.screenshot(driver, "duty-header");
  }

  @Test
  @Order(2)
  void theDeliveryLogListsARealAlertsMails() throws Exception {
    for (String u : List.of("inspector", "admin")) {
      assertEquals(200, admin.put("/api/duty/contacts/" + userId(u), new JsonObject().put("email", u + "@flood.test")
          .put("preferredChannel", "email")).status());
    }
    alertId = NotifyMailTest.redAlertAtTheCulvert(server, admin);
    WebElement panel = waitFor("the delivery log panel").until(d -> d.findElement(By.id("panel-deliveries")));
    WebDriverWait logWait = waitFor("");
    logWait.withMessage(() -> "the inspector's mail delivered in the log, not: " + deliveryLog());
    logWait.until(d -> {
      String t = deliveryLog();
      return t.contains("inspector邮件 e-mail") && t.contains("已送达 delivered") && t.contains("邮件 e-mail");
    });
    String log = deliveryLog();
    assertTrue(log.contains("时间 When") && log.contains("确认人 Acknowledged by"), log);
    @SuppressWarnings("unchecked")
    List<String> states = (List<String>) driver.executeScript("return [...document.querySelectorAll("
        + "'#panel-deliveries td[data-key=state] .badge')].map((b) => b.textContent)");
    assertTrue(!states.isEmpty() && states.stream().allMatch(List.of("待发送 pending", "发送中 sending", "已送达 delivered",
        "发送失败 failed", "已取消 cancelled")::contains), "states as words: " + states);
    String csv = driver.findElement(By.id("deliveries-csv")).getAttribute("href");
    assertTrue(csv.contains("/api/notifications?format=csv"), csv);
    driver.executeScript("arguments[0].scrollIntoView()", panel);
    Browser.screenshot(driver, "duty-delivery-log");
  }

  @Test
  @Order(3)
  void theRecipientAcknowledgesFromTheMessageLink() throws Exception {
    NotifyMailTest.await("the inspector's mail", Duration.ofSeconds(30), () -> smtp.mails.stream()
        .anyMatch(m -> m.to().contains("inspector@flood.test") && m.text().contains("alert-" + alertId)));
    SmtpSink.Mail mail = smtp.mails.stream().filter(m -> m.to().contains("inspector@flood.test")
        && m.text().contains("alert-" + alertId)).findFirst().orElseThrow();
    Matcher link = Pattern.compile("http://board\\.example(/\\?ack=[A-Za-z0-9._-]+#alert-" + alertId + ")\\b")
        .matcher(mail.text());
    assertTrue(link.find(), mail.text());
    driver.manage().window().setSize(new Dimension(390, 844));
    logIn(link.group(1), "inspector");
    waitFor("the acknowledgement dialog").until(ExpectedConditions.visibilityOfElementLocated(By.id("ack-comment")));
    assertTrue(driver.getCurrentUrl().contains("ack="), "an inspector stays on the board for the link");
    driver.findElement(By.id("ack-comment")).sendKeys("   ");
    driver.findElement(By.id("ack-submit")).click();
    waitFor("comment required").until(d -> text(By.id("ack-error")).contains("请填写说明"));
    driver.findElement(By.id("ack-comment")).sendKeys("已到现场，正在排水");
    Browser.screenshot(driver, "duty-ack-link");
    driver.findElement(By.id("ack-submit")).click();
    waitFor("acknowledged").until(d -> d.findElement(By.id("ack-done")).isDisplayed());
    assertTrue(text(By.id("ack-done")).contains("已确认 acknowledged"), text(By.id("ack-done")));
    assertTrue(!driver.getCurrentUrl().contains("ack="), "the token leaves the address bar");
    JsonObject after = admin.get("/api/alerts/" + alertId).json();
    assertEquals("acknowledged", after.getString("status"), after.encode());
    assertEquals(List.of(), Browser.tooWide(driver));
    Browser.screenshot(driver, "duty-ack-done");

    driver.manage().window().setSize(new Dimension(1600, 1000));
    logIn("/", "duty");
    String inspectorName = server.as("inspector").get("/api/auth/me").json().getString("displayName");
    waitFor("who acknowledged, in the delivery log").until(d -> deliveryLog().contains("确认人")
        && d.findElements(By.cssSelector("#panel-deliveries td[data-key=acknowledgedBy]")).stream()
            .anyMatch(td -> inspectorName.equals(td.getText())));
    Browser.screenshot(driver, "duty-delivery-acknowledged");
  }

  static void openRoster(String user) {
    logIn("/", user);
    waitFor("the board").until(ExpectedConditions.visibilityOfElementLocated(By.id("panels")));
    driver.get(server.anonymous.base() + "/duty/");
    waitFor("the roster page").until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("unit")))
        .selectByValue(Long.toString(DutyApiTest.unit(admin, "ZZ-JK")));
  }

  static void setValue(By by, String value) {
    driver.executeScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'))",
        driver.findElement(by), value);
  }

  @Test
  @Order(4)
  void theRosterPageAddsAShiftCopiesLastWeekAndKeepsTheHandoverLog() throws Exception {
    driver.manage().window().setSize(new Dimension(390, 844));
    openRoster("duty");
    java.time.LocalDate week = OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).toLocalDate()
        .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY)).plusDays(21);
    setValue(By.id("from"), week.toString());
    waitFor("an empty week").until(d -> d.findElement(By.id("range")).getText().startsWith(week.toString()));
    waitFor("no shifts").until(d -> !d.findElements(By.id("no-shifts")).isEmpty());

    // bad input first: no date and no officer, the server's errors at their fields
    driver.findElement(By.id("add-shift")).click();
    setValue(By.cssSelector("#shift-form [name=date]"), "");
    driver.findElement(By.id("shift-save")).click();
    waitFor("the date's error at the date").until(d -> !text(By.cssSelector("[data-error=date]")).isEmpty());
    assertTrue(!text(By.cssSelector("[data-error=officerIds]")).isEmpty(), "the officers' error at the officers");
    assertTrue(driver.findElement(By.cssSelector("#shift-form [name=date]")).getAttribute("class").contains("invalid"));
    assertEquals(List.of(), Browser.tooWide(driver));
    Browser.screenshot(driver, "duty-roster-field-errors");

    setValue(By.cssSelector("#shift-form [name=date]"), week.toString());
    setValue(By.cssSelector("#shift-form [name=start]"), "20:00");
    setValue(By.cssSelector("#shift-form [name=end]"), "08:00");
    driver.findElement(By.cssSelector("#officers input[value='" + userId("duty") + "']")).click();
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.cssSelector("#shift-form [name=leaderUserId]")))
        .selectByValue(Long.toString(userId("admin")));
    driver.findElement(By.id("shift-save")).click();
    waitFor("the shift listed").until(d -> d.findElements(By.cssSelector("#shifts li.shift")).size() == 1);
    String listed = text(By.cssSelector("#shifts li.shift"));
    assertTrue(listed.contains("20:00–08:00") && listed.contains("跨夜 overnight"), listed);
    JsonArray stored = duty.get("/api/duty/shifts?unitId=" + DutyApiTest.unit(admin, "ZZ-JK") + "&from=" + week
        + "&to=" + week.plusDays(6)).json().getJsonArray("items");
    assertEquals(1, stored.size(), stored.encode());
    assertEquals(userId("duty"), stored.getJsonObject(0).getJsonArray("officerIds").getLong(0));

    // the next week, copied from this one
    driver.findElement(By.id("next")).click();
    waitFor("the next week").until(d -> d.findElement(By.id("range")).getText().startsWith(week.plusDays(7).toString()));
    driver.findElement(By.id("copy-week")).click();
    waitFor("last week copied").until(d -> text(By.id("status")).contains("Copied 1 shifts"));
    waitFor("the copy listed").until(d -> text(By.id("shifts")).contains(week.plusDays(7).toString()));
    driver.findElement(By.id("copy-week")).click();
    waitFor("a second copy refused in words").until(d -> text(By.id("status")).contains("本周已有排班"));
    assertEquals(List.of(), Browser.tooWide(driver));
    Browser.fullPage(driver, "duty-roster-phone");

    // the outgoing officer writes the handover; the error of an empty one at its field
    driver.findElement(By.id("handover-save")).click();
    waitFor("the open items' error").until(d -> !text(By.cssSelector("[data-error=openItems]")).isEmpty());
    driver.findElement(By.cssSelector("#handover-form [name=openItems]")).sendKeys("泵站2号机组检修未完，明早8点复查");
    driver.findElement(By.id("handover-save")).click();
    waitFor("the handover listed").until(d -> text(By.id("handovers")).contains("泵站2号机组检修未完"));
    assertTrue(text(By.id("handovers")).contains("待接班人确认"), "the writer cannot confirm his own");

    // the incoming one (another duty-room user) confirms, on a desktop
    driver.manage().window().setSize(new Dimension(1400, 1000));
    openRoster("admin");
    waitFor("the handover to confirm").until(d -> !d.findElements(By.cssSelector("#handovers button.confirm")).isEmpty());
    driver.findElement(By.cssSelector("#handovers .confirm-note")).sendKeys("已接班");
    driver.findElement(By.cssSelector("#handovers button.confirm")).click();
    String adminName = admin.get("/api/auth/me").json().getString("displayName");
    waitFor("confirmed").until(d -> text(By.id("handovers")).contains("已接班确认 Confirmed by " + adminName));
    Browser.fullPage(driver, "duty-roster-desktop");
    JsonObject handover = duty.get("/api/duty/handovers?unitId=" + DutyApiTest.unit(admin, "ZZ-JK")).json()
        .getJsonArray("items").getJsonObject(0);
    assertTrue(handover.getBoolean("confirmed"), handover.encode());
  }

  @Test
  @Order(5)
  void theDailyReportKeepsTheDaysHandoverAndWhoConfirmedIt() throws Exception {
    String adminName = admin.get("/api/auth/me").json().getString("displayName");
    Resp html = duty.get("/api/dashboard/reports/daily");
    assertEquals(200, html.status(), html.toString());
    assertTrue(html.body().contains("交接班记录 Handovers") && html.body().contains("泵站2号机组检修未完"), html.body());
    assertTrue(html.body().contains(adminName + " ") && html.body().contains("已接班"), "confirmed by whom and when");
    assertTrue(html.body().contains("值班安排 Shifts of the day"), "the day's shifts");
    Resp pdf = duty.get("/api/dashboard/reports/daily.pdf");
    assertEquals(200, pdf.status(), pdf.toString());
    com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf.bytes());
    StringBuilder all = new StringBuilder();
    for (int page = 1; page <= reader.getNumberOfPages(); page++) {
      all.append(new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(page));
    }
    reader.close();
    String text = all.toString();
    assertTrue(text.contains("交接班记录") && text.contains("泵站2号机组检修未完") && text.contains(adminName), text);
    assertTrue(text.contains("值班安排"), text);
  }
}
