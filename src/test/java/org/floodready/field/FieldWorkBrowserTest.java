package org.floodready.field;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.floodready.support.Api;
import org.floodready.support.As;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The field app on a 390×844 phone in a real headless Chromium against a real node: a keeper receives, issues,
 * is refused an overdraw and counts a stocktake to its close; a river chief walks a patrol from emulated GPS
 * positions and reports a hazard with a photo; an inspector's reading raises the warning level. Each page is
 * checked to fit the screen, and no request any page makes is refused. Screenshots: target/screenshots/field-*.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@FloodReadyTest(browser = true)
class FieldWorkBrowserTest {
  static Set<Long> ids(JsonArray items, String key) {
    return items.stream().map(o -> ((JsonObject) o).getLong(key)).collect(Collectors.toCollection(TreeSet::new));
  }

  static Set<Long> shown(Phone phone, String attribute) {
    return phone.driver.findElements(By.cssSelector("[" + attribute + "]")).stream()
        .map(e -> Long.parseLong(e.getDomAttribute(attribute))).collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  @Order(1)
  void keeperSeesOnlyHisBasesAndFindsAnItemByPinyinInitials(@As("keeper") Api keeper, Api anonymous,
      Phone phone) throws Exception {
    // The board's login sends a keeper to the field app, already logged in.
    phone.driver.get(anonymous.base() + "/");
    phone.$("#username").sendKeys("keeper");
    phone.driver.findElement(By.id("password")).sendKeys("Flood@2026");
    phone.click("#login-button");
    phone.waitFor("the field app").until(d -> d.getCurrentUrl().endsWith("/field/"));
    phone.ready("");
    phone.keepAllTimings();
    Set<Long> mine = ids(keeper.get("/api/bases?mine=true").json().getJsonArray("items"), "id");
    assertEquals(Set.of(1L, 2L), mine, "demo keeper keeps 十八里河 and 南曹");
    assertEquals(mine, shown(phone, "data-base"));
    String page = phone.$("#view").getText();
    assertTrue(page.contains("十八里河") && !page.contains("紫荆山"), page);
    assertTrue(page.contains("缺口") && page.contains("不可用批次"), "each base says its shortfall and unusable lots: " + page);
    phone.assertFitsScreen("keeper home");
    phone.assertTouchTargets("keeper home");
    phone.shot("field-keeper-home");

    phone.go("#base/1");
    assertTrue(phone.$("#view").getText().contains("缺口"), "shortfall against the quota is shown");
    phone.type("#item-q", "bzd");
    phone.waitFor("only woven bags left after typing bzd").until(d -> {
      var visible = d.findElements(By.cssSelector("#items > li.item")).stream().filter(WebElement::isDisplayed).toList();
      return visible.size() == 1 && visible.get(0).getText().contains("编织袋");
    });
    phone.assertFitsScreen("keeper base");
    phone.shot("field-keeper-base");
    phone.type("#item-q", "");
  }

  @Test
  @Order(2)
  void keeperReceivesIssuesAndAnOverdrawSaysWhatTheLotHolds(@As("keeper") Api keeper, Phone phone) throws Exception {
    phone.go("#receive/1");
    phone.type("#receive-q", "bzd");
    phone.waitFor("the one match is chosen").until(d -> !new Select(d.findElement(By.name("itemId")))
        .getFirstSelectedOption().getDomAttribute("value").isEmpty());
    phone.type("#receive-form [name=quantity]", "1.5");
    phone.type("#receive-form [name=lotCode]", "FT-REC-1");
    phone.click("#receive-form button[type=submit]");
    WebElement fieldError = phone.$("#receive-form .field-error");
    assertTrue(fieldError.getText().contains("整数"), "bags are counted in whole numbers: " + fieldError.getText());
    phone.type("#receive-form [name=quantity]", "120");
    phone.click("#receive-form button[type=submit]");
    String done = phone.result("#receive-form");
    assertTrue(done.contains("已完成") && done.contains("FT-REC-1"), done);
    phone.assertFitsScreen("receive");

    JsonObject lot = keeper.get("/api/lots?baseId=1&itemId=1&size=100").json().getJsonArray("items").stream()
        .map(o -> (JsonObject) o).filter(l -> l.getString("lotCode").equals("FT-REC-1")).findFirst().orElseThrow();
    assertEquals(120, lot.getInteger("quantity"));
    long lotId = lot.getLong("id");

    phone.go("#lot/" + lotId);
    phone.type("#issue-form [name=quantity]", "20");
    new Select(phone.$("#issue-form [name=recipientType]")).selectByValue("incident");
    phone.type("#issue-form [name=recipient]", "航海路涵洞抢险");
    phone.click("#issue-form button[type=submit]");
    String issued = phone.result("#issue-form");
    assertTrue(issued.contains("已完成") && issued.contains("100"), issued);
    assertEquals(100, keeper.get("/api/lots/" + lotId).json().getInteger("quantity"));

    phone.go("#base/1");
    phone.go("#lot/" + lotId);
    assertTrue(phone.$("#lot-qty").getText().startsWith("100"), phone.$("#lot-qty").getText());
    phone.type("#issue-form [name=quantity]", "500");
    phone.type("#issue-form [name=recipient]", "航海路涵洞抢险");
    phone.click("#issue-form button[type=submit]");
    String refused = phone.result("#issue-form");
    assertTrue(refused.contains("库存不足") && refused.contains("100"), "the refusal says the lot holds 100: " + refused);
    assertTrue(phone.$("#issue-form .field-error").getText().contains("100"), "marked at the quantity field");
    assertEquals(100, keeper.get("/api/lots/" + lotId).json().getInteger("quantity"), "nothing was written");
    phone.assertFitsScreen("lot");
    phone.shot("field-keeper-overdraw");
  }

  @Test
  @Order(3)
  void keeperCountsAStocktakeStopsContinuesAndClosesIt(@As("keeper") Api keeper, Phone phone) throws Exception {
    phone.go("#stocktake/2");
    phone.click("#open-form button[type=submit]");
    phone.waitFor("the count sheet").until(d -> d.findElements(By.cssSelector(".sheet li")).size() > 0);
    JsonObject sheet = keeper.get("/api/stocktakes?status=open&baseId=2").json().getJsonArray("items").getJsonObject(0);
    long sheetId = sheet.getLong("id");
    JsonArray lines = keeper.get("/api/stocktakes/" + sheetId).json().getJsonArray("lines");
    int half = lines.size() / 2;
    for (int i = 0; i < lines.size(); i++) {
      if (i == half) {
        // Stop half-way and come back later: what was counted is on the server, not only on this page.
        phone.reload("#stocktake/2");
        long counted = phone.driver.findElements(By.cssSelector(".sheet li.done")).size();
        assertEquals(half, counted, "lines counted before the reload are still counted");
      }
      JsonObject line = lines.getJsonObject(i);
      double book = line.getDouble("book");
      long value = i == 0 ? Math.max(0, Math.round(book) - 1) : Math.round(book);
      WebElement li = phone.$(".sheet li[data-lot='" + line.getLong("lotId") + "']");
      WebElement input = li.findElement(By.name("counted"));
      input.clear();
      input.sendKeys(String.valueOf(value));
      phone.click(li.findElement(By.cssSelector("button.save")));
      phone.waitFor("line " + i + " saved").until(d -> li.getDomAttribute("class").contains("done")
          && li.findElement(By.cssSelector(".diff")).getText().contains("差异") && !li.getText().contains("待发送"));
    }
    phone.assertFitsScreen("stocktake");
    phone.shot("field-keeper-stocktake");
    phone.click("#close-form button[type=submit]");
    assertTrue(phone.result("#close-form").contains("已完成"), phone.result("#close-form"));
    JsonObject closed = keeper.get("/api/stocktakes/" + sheetId).json();
    assertEquals("closed", closed.getString("status"));
    phone.assertNoForbidden("keeper");
  }

  @Test
  @Order(4)
  void keeperWritesOffAndAFailedTestRunTakesAPumpOutOfUse(@As("keeper") Api keeper, Phone phone) throws Exception {
    JsonObject lot = keeper.get("/api/lots?baseId=1&itemId=1&size=1").json().getJsonArray("items").getJsonObject(0);
    int before = lot.getInteger("quantity");
    phone.go("#lot/" + lot.getLong("id"));
    phone.click(".seg button[data-form=writeoff]");
    phone.type("#writeoff-form [name=quantity]", "3");
    phone.click("#writeoff-form button[type=submit]");
    assertTrue(phone.$("#writeoff-form .field-error").getText().contains("必填"), "the reason is required");
    new Select(phone.$("#writeoff-form [name=reason]")).selectByValue("damaged");
    phone.click("#writeoff-form button[type=submit]");
    assertTrue(phone.result("#writeoff-form").contains("已完成"), phone.result("#writeoff-form"));
    assertEquals(before - 3, keeper.get("/api/lots/" + lot.getLong("id")).json().getInteger("quantity"));

    JsonObject pump = keeper.get("/api/lots?baseId=1&category=equipment&condition=usable&size=100").json()
        .getJsonArray("items").stream().map(o -> (JsonObject) o).filter(l -> l.containsKey("testDueOn"))
        .findFirst().orElseThrow();
    phone.go("#base/1");
    phone.go("#lot/" + pump.getLong("id"));
    phone.click(".seg button[data-form=test]");
    new Select(phone.$("#test-form [name=result]")).selectByValue("fail");
    phone.type("#test-form [name=note]", "无法启动 does not start");
    phone.click("#test-form button[type=submit]");
    assertTrue(phone.result("#test-form").contains("已完成"), phone.result("#test-form"));
    JsonObject after = keeper.get("/api/lots/" + pump.getLong("id")).json();
    assertEquals("needs_repair", after.getString("condition"));
    assertEquals(false, after.getBoolean("usable"));
  }

  @Test
  @Order(5)
  void keeperConfirmsATrackedTransfersDepartureAndReceipt(@As("duty") Api duty, @As("keeper") Api keeper,
      Phone phone) throws Exception {
    JsonObject lot = keeper.get("/api/lots?baseId=1&itemId=1&size=1").json().getJsonArray("items").getJsonObject(0);
    Resp ordered = duty.post("/api/transfers", new JsonObject().put("fromLotId", lot.getLong("id")).put("toBaseId", 2)
        .put("quantity", 10).put("tracked", true), java.util.UUID.randomUUID().toString());
    assertEquals(201, ordered.status(), ordered.toString());
    long id = ordered.json().getLong("id");
    phone.go("#transfers/1");
    phone.click("button[data-act=depart][data-id='" + id + "']");
    phone.waitFor("departed").until(d -> "in_transit".equals(keeper.get("/api/transfers/" + id).json().getString("status")));
    phone.go("#transfers/2");
    phone.click("button[data-act=receive][data-id='" + id + "']");
    phone.waitFor("received").until(d -> "received".equals(keeper.get("/api/transfers/" + id).json().getString("status")));
    phone.assertFitsScreen("transfers");
  }

  @Test
  @Order(6)
  void riverChiefWalksAPatrolThatSurvivesAReloadAndIsCounted(@As("chief") Api chief, @As("admin") Api admin,
      Phone phone) throws Exception {
    Resp rules = admin.put("/api/admin/patrol-rules", new JsonObject().put("minDurationS", 5).put("minDistanceM", 30));
    assertEquals(200, rules.status(), rules.toString());
    phone.login("chief");
    JsonArray compliance = chief.get("/api/compliance/reaches").json().getJsonArray("items");
    assertEquals(ids(compliance, "reachId"), shown(phone, "data-reach"), "a chief sees exactly his reaches");
    assertTrue(ids(admin.get("/api/compliance/reaches").json().getJsonArray("items"), "reachId").size()
        > compliance.size(), "other chiefs' reaches exist and are not shown");
    phone.assertFitsScreen("chief home");
    phone.shot("field-chief-home");
    int before = chief.get("/api/patrols?reachId=7").json().getInteger("total");

    // Along reach 7 (113.700,34.700 → 113.712,34.704), about 4 m a second: a brisk walk.
    phone.position(34.7, 113.7);
    phone.go("#patrol/7");
    phone.click("#p-start");
    int steps = 14;
    for (int i = 0; i <= steps; i++) {
      if (i == steps / 2) {
        phone.reload("#patrol/7");
        int kept = Integer.parseInt(phone.$("#p-fixes").getText());
        assertTrue(kept >= i, "the track survived the reload: " + kept + " fixes");
      }
      phone.position(34.7 + i * 0.0000133, 113.7 + i * 0.00004);
      int want = i + 1;
      phone.waitFor("fix " + want).until(d -> Integer.parseInt(d.findElement(By.id("p-fixes")).getText()) >= want);
      Thread.sleep(1000);
    }
    assertTrue(phone.$("#p-dist").getText().matches("0\\.0[4-9] km"), phone.$("#p-dist").getText());
    phone.assertFitsScreen("patrol");
    phone.shot("field-chief-patrol");
    phone.click("#p-end");
    phone.waitFor("upload answer").until(d -> !d.findElement(By.id("p-result")).getText().isBlank());
    assertTrue(phone.$("#p-result").getText().contains("计入"), phone.$("#p-result").getText());
    JsonObject stored = chief.get("/api/patrols?reachId=7&sort=-createdAt").json();
    assertEquals(before + 1, stored.getInteger("total"));
    JsonObject patrol = stored.getJsonArray("items").getJsonObject(0);
    assertTrue(patrol.getBoolean("counted"), patrol.encode());
    assertTrue(patrol.getInteger("pointCount") >= steps, patrol.encode());
  }

  @Test
  @Order(7)
  void riverChiefReportsAHazardWithAPhotoThatIsServedBack(@As("chief") Api chief, Phone phone) throws Exception {
    Path photo = Files.createTempFile("hazard", ".png");
    BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(new Color(120, 80, 40));
    g.fillRect(0, 0, 64, 48);
    g.dispose();
    ImageIO.write(img, "png", photo.toFile());

    phone.go("#hazard-new/7");
    phone.waitFor("a position").until(d -> d.findElement(By.id("h-pos")).getText().contains("34.7"));
    new Select(phone.$("#hazard-form [name=type]")).selectByValue("bank");
    new Select(phone.$("#hazard-form [name=severity]")).selectByValue("high");
    phone.type("#hazard-form [name=description]", "岸坡出现裂缝 crack in the bank");
    phone.driver.findElement(By.cssSelector("#hazard-form [name=photo]")).sendKeys(photo.toAbsolutePath().toString());
    phone.assertFitsScreen("hazard form");
    phone.shot("field-chief-hazard");
    phone.click("#hazard-form button[type=submit]");
    String done = phone.result("#hazard-form");
    assertTrue(done.contains("已完成"), done);
    long id = Long.parseLong(done.replaceAll(".*No\\. (\\d+).*", "$1"));

    JsonObject hazard = chief.get("/api/hazards/" + id).json();
    assertEquals("bank", hazard.getString("type"));
    assertEquals(1, hazard.getJsonArray("photos").size(), hazard.encode());
    long photoId = hazard.getJsonArray("photos").getJsonObject(0).getLong("id");
    Resp served = chief.get("/api/hazards/" + id + "/photos/" + photoId);
    assertEquals(200, served.status());
    assertArrayEquals(Files.readAllBytes(photo), served.bytes(), "the photo comes back as sent");

    phone.go("#hazard/" + id);
    phone.waitFor("the photo shows").until(d -> Boolean.TRUE.equals(phone.js(
        "const i = document.querySelector('.photos img'); return !!i && i.complete && i.naturalWidth === 64;")));
    phone.go("#hazards");
    phone.assertFitsScreen("hazards");
    phone.assertNoForbidden("chief");
  }

  @Test
  @Order(8)
  void riverChiefUploadsRectificationEvidenceForAnAssignedHazard(@As("duty") Api duty, @As("chief") Api chief,
      Phone phone) throws Exception {
    JsonObject hazard = chief.get("/api/hazards?reachId=7&sort=-id&size=1").json().getJsonArray("items").getJsonObject(0);
    long id = hazard.getLong("id");
    Resp assigned = duty.post("/api/hazards/" + id + "/assign", new JsonObject().put("unitId", hazard.getLong("unitId"))
        .put("deadline", java.time.OffsetDateTime.now().plusDays(3).toString()));
    assertEquals(200, assigned.status(), assigned.toString());
    phone.go("#hazards");
    phone.go("#hazard/" + id);
    phone.click("#start-form button[type=submit]");
    phone.waitFor("rectifying").until(d -> d.findElements(By.id("evidence-form")).size() == 1);
    Path photo = Files.createTempFile("evidence", ".png");
    BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
    ImageIO.write(img, "png", photo.toFile());
    phone.driver.findElement(By.cssSelector("#evidence-form [name=photo]")).sendKeys(photo.toAbsolutePath().toString());
    phone.type("#evidence-form [name=note]", "已回填夯实 refilled and compacted");
    phone.click("#evidence-form button[type=submit]");
    phone.waitFor("rectified").until(d -> "rectified".equals(chief.get("/api/hazards/" + id).json().getString("status")));
    JsonObject after = chief.get("/api/hazards/" + id).json();
    assertTrue(after.getJsonArray("photos").stream().anyMatch(p -> "evidence".equals(((JsonObject) p).getString("kind"))),
        after.encode());
  }

  @Test
  @Order(9)
  void inspectorReadingRaisesTheWarningLevelAtOnce(@As("inspector") Api inspector, Phone phone) throws Exception {
    phone.login("inspector");
    assertEquals(ids(inspector.get("/api/checkpoints?size=100").json().getJsonArray("items"), "id"),
        shown(phone, "data-checkpoint"));
    phone.assertFitsScreen("inspector home");
    phone.shot("field-inspector-home");
    phone.go("#checkpoint/4");
    phone.waitFor("the 48 h chart").until(d -> d.findElements(By.cssSelector("#chart svg polyline")).size() > 0);
    phone.type("#reading-form [name=value]", "27");
    phone.click("#reading-form button[type=submit]");
    phone.waitFor("the level from the answer").until(d -> d.findElement(By.cssSelector("#reading-form .result"))
        .getText().contains("预警等级"));
    assertTrue(phone.$("#reading-form .result").getText().contains("橙色"), phone.$("#reading-form .result").getText());
    assertTrue(phone.$("#level-now .chip").getDomAttribute("class").contains("lv-orange"));
    assertEquals("orange", inspector.get("/api/checkpoints/4").json().getJsonObject("state").getString("level"));
    phone.assertFitsScreen("checkpoint");
    phone.assertTouchTargets("checkpoint");
    phone.shot("field-inspector-reading");
    phone.assertNoForbidden("inspector");
  }

  @Test
  @Order(10)
  void dutyOfficerAndViewerOpenEveryPartWithoutARefusedRequestAlsoOnADesktop(Phone phone) throws Exception {
    for (String user : new String[] {"duty", "viewer"}) {
      phone.login(user);
      for (String page : new String[] {"#bases", "#base/3", "#reaches", "#hazards", "#checkpoints", "#checkpoint/1"}) {
        phone.go(page);
        phone.assertFitsScreen(user + " " + page);
      }
      phone.assertNoForbidden(user);
    }
    phone.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", 1280, "height", 800,
        "deviceScaleFactor", 1, "mobile", false));
    try {
      phone.go("#bases");
      phone.go("#base/1");
      assertTrue(((Number) phone.js("return document.documentElement.scrollWidth;")).intValue() <= 1280);
      phone.shot("field-desktop-base");
    } finally {
      phone.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", Phone.WIDTH,
          "height", Phone.HEIGHT, "deviceScaleFactor", 1, "mobile", true));
    }
  }
}
