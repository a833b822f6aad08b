package org.floodready.field;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.floodready.support.Api;
import org.floodready.support.As;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * An inspector walks a round at a supply base on a 390×844 phone: three items ok, one problem with a note and
 * a camera photo, close. The round is on the server once, its problem is a hazard with the photo, the daily
 * report lists it. Screenshots: target/screenshots/field-round-*.png.
 */
@FloodReadyTest(browser = true)
class FieldRoundBrowserTest {
  @Test
  void inspectorDoesARoundWithOneProblemAndAPhoto(@As("inspector") Api inspector, @As("duty") Api duty,
      Phone phone) throws Exception {
    phone.login("inspector");
    phone.click(".tabs a[href='#rounds']");
    phone.ready("#rounds");
    phone.assertFitsScreen("rounds");
    phone.assertTouchTargets("rounds");
    phone.shot("field-round-sites");
    JsonObject site = inspector.get("/api/inspection-sites?siteKind=base").json().getJsonArray("items").getJsonObject(0);
    long siteId = site.getLong("siteId");
    phone.click("a.site[data-site='" + siteId + "']");
    phone.ready("#round/base/" + siteId);

    phone.click("[data-item='1'] button[data-answer=ok]");
    phone.click("[data-item='2'] button[data-answer=ok]");
    phone.click("[data-item='3'] button[data-answer=problem]");
    phone.type("textarea[name=note-3]", "两件救生衣破损 two life jackets torn");
    Path photo = Files.createTempFile("round", ".png");
    BufferedImage img = new BufferedImage(48, 32, BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = img.createGraphics();
    g.setColor(new Color(200, 60, 40));
    g.fillRect(0, 0, 48, 32);
    g.dispose();
    ImageIO.write(img, "png", photo.toFile());
    phone.driver.findElement(By.cssSelector("input[name=photo-3]")).sendKeys(photo.toAbsolutePath().toString());
    phone.$("[data-item='3'] small.good");
    phone.click("[data-item='4'] button[data-answer=ok]");
    phone.assertFitsScreen("round");
    phone.assertTouchTargets("round");
    phone.shot("field-round-answers");

    phone.click("#round-form button[type=submit]");
    String result = phone.result("#round-form");
    assertTrue(result.contains("已提交") && result.contains("1"), result + " / page errors: " + phone.errors());
    phone.shot("field-round-sent");

    JsonArray rounds = inspector.get("/api/inspection-rounds?siteKind=base&siteId=" + siteId).json().getJsonArray("items");
    assertEquals(1, rounds.size(), "the round is on the server once: " + rounds.encode());
    JsonObject round = inspector.get("/api/inspection-rounds/" + rounds.getJsonObject(0).getLong("id")).json();
    assertEquals("closed", round.getString("status"));
    JsonObject item = round.getJsonArray("items").getJsonObject(2);
    assertEquals("problem", item.getString("result"));
    long hazardId = item.getLong("hazardId");
    JsonObject hazard = duty.get("/api/hazards/" + hazardId).json();
    assertEquals(site.getLong("unitId"), hazard.getLong("assignedUnitId"));
    assertTrue(hazard.getString("deadline") != null, hazard.encode());
    Resp served = duty.get(hazard.getJsonArray("photos").getJsonObject(0).getString("url"));
    assertArrayEquals(Files.readAllBytes(photo), served.bytes(), "the camera photo is the hazard's photo");
    phone.assertNoForbidden("inspector");
  }

  @Test
  void aRoundClosedOfflineIsSentOnceWhenTheNetworkIsBack(@As("inspector") Api inspector, Phone phone) {
    phone.login("inspector");
    long pointId = inspector.get("/api/inspection-sites?siteKind=reservoir").json().getJsonArray("items")
        .getJsonObject(0).getLong("siteId");
    phone.go("#rounds/reservoir");
    phone.go("#round/reservoir/" + pointId);
    phone.offline(true);
    try {
      phone.click("[data-item='1'] button[data-answer=ok]");
      phone.click("[data-item='2'] button[data-answer=ok]");
      phone.click("[data-item='3'] button[data-answer=ok]");
      phone.click("#round-form button[type=submit]");
      String result = phone.result("#round-form");
      assertTrue(result.contains("已保存在手机上"), result);
      assertEquals(0, inspector.get("/api/inspection-rounds?siteKind=reservoir&siteId=" + pointId).json()
          .getJsonArray("items").size(), "nothing reached the server while offline");
    } finally {
      phone.offline(false);
    }
    phone.js("window.dispatchEvent(new Event('online'));");
    phone.waitFor("the queued round reaches the server").until(d -> inspector.get(
        "/api/inspection-rounds?siteKind=reservoir&siteId=" + pointId + "&status=closed").json()
        .getJsonArray("items").size() == 1);
    phone.go("#outbox");
    phone.waitFor("the outbox shows it sent").until(d -> Boolean.TRUE.equals(phone.js(
        "return [...document.querySelectorAll('.outbox li')].some((li) => li.dataset.status === 'sent'"
        + " && li.textContent.includes('检查 Round'));")));
    assertEquals(1, inspector.get("/api/inspection-rounds?siteKind=reservoir&siteId=" + pointId).json()
        .getJsonArray("items").size(), "the round is on the server once");
  }
}
