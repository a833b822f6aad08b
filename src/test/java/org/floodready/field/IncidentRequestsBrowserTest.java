package org.floodready.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.floodready.support.Browser;
import org.floodready.support.Api;
import org.floodready.support.As;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * An incident shows its requests: a river chief opens an incident on his 390×844 phone, taps "申请物资 Request
 * supplies", finds the incident chosen in the request form and sends it; the incident then lists the request
 * with its status, and the duty officer sees it in the board's incident dialog at desktop size and opens it.
 * Screenshots: target/screenshots/incident-requests-*.png.
 */
@FloodReadyTest(browser = true)
class IncidentRequestsBrowserTest {

  @Test
  void aChiefAsksForSuppliesFromTheIncidentAndTheBoardListsTheRequest(Phone phone, @As("duty") Api duty)
      throws Exception {
    JsonObject incident = duty.get("/api/incidents?open=true&size=100").json().getJsonArray("items").stream()
        .map(JsonObject.class::cast).filter(i -> "十七里河右岸管涌".equals(i.getString("title"))).findFirst()
        .orElseThrow();
    long id = incident.getLong("id");

    phone.position(34.6921, 113.7033);
    phone.login("chief");
    phone.go("#incident/" + id);
    assertTrue(phone.$("#view").getText().contains("尚无物资申请 No request filed for it"));
    phone.click("#incident-request");
    phone.ready("#requests/" + id);
    Select chosen = new Select(phone.$("select[name=incidentId]"));
    assertEquals(String.valueOf(id), chosen.getFirstSelectedOption().getAttribute("value"), "the incident is chosen");
    assertTrue(!phone.driver.findElement(By.id("request-position")).isDisplayed(),
        "the place is the incident's: no position to type");
    Select item = new Select(phone.$("select[name='lines[0].itemId']"));
    item.selectByIndex(1);
    String itemName = item.getFirstSelectedOption().getText();
    phone.type("input[name='lines[0].quantity']", "200");
    phone.type("textarea[name=note]", "堤脚管涌，需要反滤围井");
    phone.assertFitsScreen("request for an incident");
    phone.assertTouchTargets("request for an incident");
    phone.shot("incident-requests-form");
    phone.click("#request-form button[type=submit]");
    String result = phone.result("#request-form");
    assertTrue(result.contains("待审批"), result);

    JsonArray filed = duty.get("/api/incidents/" + id).json().getJsonArray("requests");
    assertEquals(1, filed.size(), filed.encode());
    long requestId = filed.getJsonObject(0).getLong("id");
    assertEquals("pending", filed.getJsonObject(0).getString("status"));
    assertEquals(id, duty.get("/api/requests/" + requestId).json().getLong("incidentId"));

    phone.ready("#request/" + requestId); // the form opens the new request
    phone.go("#incident/" + id);
    WebElement listed = phone.$("li[data-request='" + requestId + "']");
    assertTrue(listed.getText().contains("待审批 pending") && listed.getText().contains("200"), listed.getText());
    phone.js("arguments[0].scrollIntoView({block: 'center'});", listed);
    phone.assertFitsScreen("incident with its request");
    phone.shot("incident-requests-field-detail");
    phone.click("li[data-request='" + requestId + "'] a");
    phone.ready("#request/" + requestId);
    assertTrue(phone.$("#view").getText().contains(itemName.split(" ")[0]));

    // the board at desktop size: the incident's dialog lists the request and opens it
    phone.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    phone.driver.manage().window().setSize(new Dimension(1600, 1000));
    phone.driver.get(phone.base + "/?board");
    phone.js("sessionStorage.clear(); localStorage.clear();");
    phone.driver.navigate().refresh();
    phone.waitFor("board login").until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("duty");
    phone.driver.findElement(By.id("password")).sendKeys("Flood@2026");
    phone.driver.findElement(By.id("login-button")).click();
    By row = By.cssSelector("#panel-incidents tr[data-id='" + id + "']");
    phone.waitFor("the incident on the board").until(ExpectedConditions.visibilityOfElementLocated(row));
    phone.click(phone.driver.findElement(row).findElement(By.cssSelector("button.incident-requests")));
    By inDialog = By.cssSelector("#incident-request-list li[data-id='" + requestId + "']");
    WebElement item2 = phone.waitFor("the request in the incident dialog").until(
        ExpectedConditions.visibilityOfElementLocated(inDialog));
    assertTrue(item2.getText().contains("待审批 pending") && item2.getText().contains("200"), item2.getText());
    assertTrue(!phone.driver.findElement(By.id("incident-submit")).isDisplayed(), "nothing to confirm when only looking");
    Browser.screenshot(phone.driver, "incident-requests-board-dialog");
    phone.click(item2.findElement(By.cssSelector("button.open-incident-request")));
    phone.waitFor("the request dialog").until(d -> d.findElement(By.id("request-dialog")).isDisplayed()
        && d.findElement(By.id("request-body")).getText().contains("200"));
    Browser.screenshot(phone.driver, "incident-requests-board-request");
    phone.js("document.getElementById('request-dialog').close(); document.getElementById('incident-dialog').close();");

    // the same dialog on a phone-sized board
    phone.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", Phone.WIDTH,
        "height", Phone.HEIGHT, "deviceScaleFactor", 1, "mobile", true));
    phone.driver.navigate().refresh();
    phone.waitFor("the panel on a phone").until(ExpectedConditions.visibilityOfElementLocated(row));
    phone.click(phone.driver.findElement(row).findElement(By.cssSelector("button.incident-requests")));
    phone.waitFor("the request in the dialog on a phone").until(ExpectedConditions.visibilityOfElementLocated(inDialog));
    List<String> wide = Browser.tooWide(phone.driver);
    assertTrue(wide.isEmpty(), "board dialog at 390 px: " + wide);
    Browser.screenshot(phone.driver, "incident-requests-board-phone");
  }

  @Test
  void aKeeperBooksAPumpBackFromAnIncidentOnHisPhone(Phone phone, @As("keeper") Api keeper, @As("admin") Api admin)
      throws Exception {
    long base = keeper.get("/api/bases?mine=true&size=10").json().getJsonArray("items").getJsonObject(0).getLong("id");
    long pump = admin.get("/api/items?size=500").json().getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(i -> "E-DSL".equals(i.getString("code"))).findFirst().orElseThrow().getLong("id");
    Resp received = admin.post("/api/bases/" + base + "/receipts", new JsonObject().put("itemId", pump).put("quantity", 2)
        .put("lotCode", "PUMP-RET-1"), UUID.randomUUID().toString());
    assertEquals(201, received.status(), received.toString());
    long lot = received.json().getLong("lotId");
    long incident = keeper.get("/api/incidents?open=true&size=100").json().getJsonArray("items").getJsonObject(0)
        .getLong("id");
    Resp issued = keeper.post("/api/lots/" + lot + "/issues", new JsonObject().put("quantity", 2)
        .put("incidentId", incident), UUID.randomUUID().toString());
    assertEquals(201, issued.status(), issued.toString());

    phone.login("keeper");
    phone.go("#base/" + base);
    phone.click("#returns-link");
    phone.ready("#returns/" + base);
    By card = By.cssSelector("li[data-return-lot='" + lot + "']");
    WebElement row = phone.waitFor("the pump still out").until(ExpectedConditions.visibilityOfElementLocated(card));
    assertTrue(row.getText().contains("PUMP-RET-1") && row.getText().contains("未归还 still out 2"), row.getText());
    WebElement qty = row.findElement(By.name("quantity"));
    qty.clear();
    qty.sendKeys("1");
    new Select(row.findElement(By.name("condition"))).selectByValue("needs_repair");
    phone.assertFitsScreen("returns");
    phone.assertTouchTargets("returns");
    phone.shot("incident-requests-field-return");
    phone.click(row.findElement(By.cssSelector("button[type=submit]")));
    String result = phone.waitFor("the return booked").until(d -> {
      String t = d.findElement(card).findElement(By.cssSelector(".result")).getText();
      return t.isEmpty() ? null : t;
    });
    assertTrue(result.startsWith("已完成 Done"), result);
    JsonObject out = keeper.get("/api/incidents/" + incident + "/outstanding").json().getJsonArray("items").stream()
        .map(JsonObject.class::cast).filter(l -> l.getLong("lotId") == lot).findFirst().orElseThrow();
    assertEquals(0, new BigDecimal("1").compareTo(new BigDecimal(String.valueOf(out.getValue("needsRepair")))), out.encode());
    assertEquals(0, new BigDecimal("1").compareTo(new BigDecimal(String.valueOf(out.getValue("out")))), out.encode());
    phone.waitFor("one pump left out on the phone").until(d -> d.findElement(card)
        .findElement(By.cssSelector("b.still-out")).getText().startsWith("1"));
    phone.shot("incident-requests-field-returned");
  }
}
