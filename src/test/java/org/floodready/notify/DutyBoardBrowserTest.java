package org.floodready.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.floodready.dashboard.Browser;
import org.floodready.support.Http;
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
class DutyBoardBrowserTest {
  static SmtpSink smtp;
  static TestServer server;
  static ChromeDriver driver;
  static Http admin;
  static Http duty;
  static long alertId;

  @BeforeAll
  static void start() throws Exception {
    Browser.assumeInstalled();
    smtp = new SmtpSink();
    server = TestServer.start(Clock.systemUTC(), "--notify-smtp-host", "127.0.0.1", "--notify-smtp-port",
        Integer.toString(smtp.port()), "--notify-smtp-starttls", "disabled", "--notify-interval-ms", "300",
        "--notify-public-url", "http://board.example");
    admin = server.as("admin");
    duty = server.as("duty");
    driver = Browser.start(Files.createTempDirectory("fr-chromium-roster"), true);
    driver.manage().window().setSize(new Dimension(1600, 1000));
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (driver != null) {
        driver.quit();
      }
    } finally {
      if (server != null) {
        server.close();
      }
      if (smtp != null) {
        smtp.close();
      }
    }
  }

  static WebDriverWait waitFor(String what) {
    WebDriverWait w = new WebDriverWait(driver, Duration.ofSeconds(45));
    w.withMessage(what);
    w.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    return w;
  }

  static void logIn(String path, String user) {
    driver.get(server.anonymous.base() + "/");
    driver.executeScript("sessionStorage.clear();");
    driver.get(server.anonymous.base() + path);
    waitFor("the login form").until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user);
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
    Http inspector = server.as("inspector");
    long culvert = inspector.get("/api/checkpoints?q=WL-HHL").json().getJsonArray("items").getJsonObject(0).getLong("id");
    OffsetDateTime now = OffsetDateTime.now();
    for (int i = 0; i < 2; i++) {
      Resp r = inspector.post("/api/checkpoints/" + culvert + "/readings", new JsonObject().put("value", 45 + i)
          .put("measuredAt", now.minusSeconds(2 - i).toString()));
      assertTrue(r.status() == 201 || r.status() == 200, r.toString());
    }
    JsonObject alert = admin.get("/api/alerts?checkpointId=" + culvert).json().getJsonArray("items").getJsonObject(0);
    assertEquals("red", alert.getString("level"));
    alertId = alert.getLong("id");
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
}
