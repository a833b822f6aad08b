package org.floodready.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.floodready.support.Api;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Browser;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A river chief reports an incident (险情) on a 390×844 phone with his GPS position and a photo; the duty
 * officer then sees it on the board at desktop size, moves it to responding and sends a standby team.
 * Screenshots: target/screenshots/incident-*.png.
 */
@FloodReadyTest(browser = true)
class IncidentBrowserTest {
  static TestServer server;
  static Phone phone;

  @BeforeAll
  static void start(TestServer node, Phone fieldPhone) {
    server = node;
    phone = fieldPhone;
  }

  static Path photo() throws Exception {
    Path file = Files.createTempFile("incident", ".png");
    BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = img.createGraphics();
    g.setColor(new Color(120, 90, 40));
    g.fillRect(0, 0, 64, 48);
    g.dispose();
    ImageIO.write(img, "png", file.toFile());
    return file;
  }

  @Test
  void aChiefReportsOnHisPhoneAndTheDutyRoomActsOnTheBoard() throws Exception {
    Api duty = server.as("duty");
    phone.position(34.6921, 113.7033);
    phone.login("chief");
    phone.click(".tabs a[href='#incidents']");
    phone.ready("#incidents");
    assertTrue(phone.$("#view").getText().contains("十七里河右岸管涌"), "the demo incident is listed");
    assertTrue(phone.$("#view").getText().contains("km"), "distances from the phone's position");
    phone.assertFitsScreen("incidents");
    phone.assertTouchTargets("incidents");
    phone.shot("incident-field-list");

    phone.click("#incident-new");
    phone.ready("#incident-new");
    phone.waitFor("the GPS position").until(d -> phone.$("#i-pos").getText().contains("34.6921"));
    new Select(phone.$("select[name=kind]")).selectByValue("seepage");
    new Select(phone.$("select[name=severity]")).selectByValue("critical");
    phone.type("input[name=title]", "熊耳河左岸渗水");
    phone.type("textarea[name=description]", "堤后渗水面积约20平方米 Seepage behind the levee, about 20 m²");
    phone.driver.findElement(By.cssSelector("input[name=photo]")).sendKeys(photo().toAbsolutePath().toString());
    phone.assertFitsScreen("report incident");
    phone.assertTouchTargets("report incident");
    phone.shot("incident-field-report");
    phone.click("#incident-form button[type=submit]");
    String result = phone.result("#incident-form");
    assertTrue(result.startsWith("已完成 Done"), result);
    phone.shot("incident-field-reported");

    JsonObject reported = duty.get("/api/incidents?kind=seepage&severity=critical").json().getJsonArray("items")
        .getJsonObject(0);
    long id = reported.getLong("id");
    assertEquals("熊耳河左岸渗水", reported.getString("title"));
    assertEquals(34.6921, reported.getDouble("lat"), 1e-6);
    phone.waitFor("the photo after the report").until(d -> duty.get("/api/incidents/" + id).json()
        .getJsonArray("photos").size() == 1);

    phone.go("#incidents");
    assertTrue(phone.$("#view").getText().contains("熊耳河左岸渗水"));
    phone.click("a[data-incident='" + id + "']");
    phone.ready("#incident/" + id);
    phone.$(".photos img");
    phone.assertFitsScreen("incident detail");
    phone.shot("incident-field-detail");
    phone.assertNoForbidden("chief");

    // no network: the report waits in the outbox and goes out once the phone is online again
    phone.go("#incident-new");
    phone.waitFor("the GPS position").until(d -> phone.$("#i-pos").getText().contains("34.6921"));
    phone.offline(true);
    new Select(phone.$("select[name=kind]")).selectByValue("waterlogging");
    phone.type("input[name=title]", "离线上报的积水");
    phone.click("#incident-form button[type=submit]");
    String queued = phone.result("#incident-form");
    assertTrue(queued.contains("已保存在手机上"), queued);
    phone.shot("incident-field-queued");
    phone.offline(false);
    phone.js("window.FR.flush();");
    phone.waitFor("the queued report on the server").until(d -> duty.get("/api/incidents?kind=waterlogging")
        .json().getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(x -> "离线上报的积水".equals(x.getString("title"))).count() == 1);

    // the board, desktop size, as the duty officer
    phone.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    phone.driver.manage().window().setSize(new Dimension(1600, 1000));
    phone.driver.get(server.anonymous.base() + "/?board");
    phone.js("sessionStorage.clear(); localStorage.clear();");
    phone.driver.navigate().refresh();
    phone.waitFor("board login").until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("duty");
    phone.driver.findElement(By.id("password")).sendKeys("Flood@2026");
    phone.driver.findElement(By.id("login-button")).click();
    By row = By.cssSelector("#panel-incidents tr[data-id='" + id + "']");
    WebElement tr = phone.waitFor("the new incident on the board").until(ExpectedConditions.visibilityOfElementLocated(row));
    assertTrue(tr.getText().contains("特别重大 critical") && tr.getText().contains("已上报 reported"), tr.getText());
    String teams = phone.driver.findElement(By.id("panel-teams")).getText();
    assertTrue(teams.contains("管城回族区") && teams.contains("待命 Standby"), teams);
    phone.js("document.getElementById('panel-incidents').scrollIntoView();");
    Browser.screenshot(phone.driver, "incident-board-panel");

    By onMap = By.cssSelector("#panel-map polygon[data-kind=incident][data-id='" + id + "']");
    phone.waitFor("the incident on the site map").until(ExpectedConditions.presenceOfElementLocated(onMap));
    phone.js("document.getElementById('panel-map').scrollIntoView();"
        + " arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}));", phone.driver.findElement(onMap));
    String detail = phone.waitFor("the incident's pop-up").until(ExpectedConditions.visibilityOfElementLocated(
        By.id("detail"))).getText();
    assertTrue(detail.contains("熊耳河左岸渗水") && detail.contains("特别重大 critical"), detail);
    Browser.screenshot(phone.driver, "incident-board-map");
    phone.driver.findElement(By.id("detail-close")).click();

    phone.click(phone.driver.findElement(row).findElement(By.cssSelector("button.incident-status")));
    phone.waitFor("the status dialog").until(ExpectedConditions.visibilityOfElementLocated(By.id("incident-status")));
    new Select(phone.driver.findElement(By.id("incident-status"))).selectByValue("responding");
    phone.driver.findElement(By.id("incident-note")).sendKeys("已调度抢险力量 Forces called out");
    Browser.screenshot(phone.driver, "incident-board-status-dialog");
    phone.driver.findElement(By.id("incident-submit")).click();
    phone.waitFor("responding on the board").until(d -> d.findElement(row).getText().contains("处置中 responding"));

    phone.click(phone.driver.findElement(row).findElement(By.cssSelector("button.incident-team")));
    phone.waitFor("standby teams in the dialog").until(d -> d.findElements(
        By.cssSelector("#incident-team option[value]:not([value=''])")).size() > 0);
    Select team = new Select(phone.driver.findElement(By.id("incident-team")));
    long teamId = Long.parseLong(team.getOptions().get(0).getAttribute("value"));
    team.selectByIndex(0);
    Browser.screenshot(phone.driver, "incident-board-team-dialog");
    phone.driver.findElement(By.id("incident-submit")).click();
    phone.waitFor("one team at the incident").until(d -> d.findElement(row)
        .findElement(By.cssSelector("td[data-key=teamsDeployed]")).getText().equals("1"));
    JsonObject after = duty.get("/api/incidents/" + id).json();
    assertEquals("responding", after.getString("status"));
    assertEquals(teamId, after.getJsonArray("deployments").getJsonObject(0).getLong("teamId"));
    assertEquals("deployed", duty.get("/api/rescue-teams/" + teamId).json().getString("status"));
    phone.js("document.getElementById('panel-incidents').scrollIntoView();");
    Browser.screenshot(phone.driver, "incident-board-after");

    WebElement standDown = phone.waitFor("the stand-down button").until(d -> d.findElement(row)
        .findElement(By.cssSelector("button.incident-stand-down")));
    phone.click(standDown);
    phone.waitFor("the team at the incident in the dialog").until(d -> d.findElements(
        By.cssSelector("#incident-team option[value='" + teamId + "']")).size() == 1);
    new Select(phone.driver.findElement(By.id("incident-after"))).selectByValue("resting");
    phone.driver.findElement(By.id("incident-note")).sendKeys("连续作业，轮换休整 rotating out");
    Browser.screenshot(phone.driver, "incident-board-stand-down-dialog");
    phone.driver.findElement(By.id("incident-submit")).click();
    phone.waitFor("no team at the incident").until(d -> d.findElement(row)
        .findElement(By.cssSelector("td[data-key=teamsDeployed]")).getText().equals("0"));
    assertEquals("resting", duty.get("/api/rescue-teams/" + teamId).json().getString("status"));

    // the same panels on a phone-sized board
    phone.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", Phone.WIDTH,
        "height", Phone.HEIGHT, "deviceScaleFactor", 1, "mobile", true));
    phone.driver.navigate().refresh();
    phone.waitFor("the panel on a phone").until(ExpectedConditions.visibilityOfElementLocated(row));
    phone.js("document.getElementById('panel-incidents').scrollIntoView();");
    List<String> wide = Browser.tooWide(phone.driver);
    assertTrue(wide.isEmpty(), "board at 390 px: " + wide);
    Browser.screenshot(phone.driver, "incident-board-phone");
  }
}
