package org.floodready.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.floodready.support.Api;
import org.floodready.support.As;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * With the phone's network switched off through the DevTools protocol, a receipt, an issue and a reading are
 * queued, the app is reloaded (served by its service worker), and once the network is back each is on the
 * server exactly once — also the issue whose first answer was lost (the server had committed it). A refusal
 * comes back with its reason and is not sent again.
 */
@FloodReadyTest(browser = true)
class FieldOfflineBrowserTest {
  static List<JsonObject> items(Resp r) {
    return r.json().getJsonArray("items").stream().map(o -> (JsonObject) o).toList();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> entry(Phone phone, String labelPart) {
    return (Map<String, Object>) phone.driver.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        FR.outbox().then((all) => {
          const e = all.find((x) => x.label.includes(arguments[0]));
          done(e ? {id: e.id, status: e.status, attempts: e.attempts, body: JSON.stringify(e.json), path: e.path,
            error: e.error || null} : null);
        });""", labelPart);
  }

  @Test
  void writesQueuedOfflineReachTheServerExactlyOnceAfterAReload(@As("admin") Api admin, Phone phone) throws Exception {
    JsonObject lot = items(admin.get("/api/lots?baseId=1&itemId=1&size=50")).stream()
        .max((a, b) -> Integer.compare(a.getInteger("quantity"), b.getInteger("quantity"))).orElseThrow();
    long lotId = lot.getLong("id");
    int before = lot.getInteger("quantity");

    // Online once: the app and the pages' reference data are kept on the phone.
    phone.login("admin");
    phone.go("#receive/1");
    phone.go("#lot/" + lotId);
    phone.go("#checkpoint/4");
    phone.waitFor("the service worker controls the page").until(d -> Boolean.TRUE.equals(
        phone.js("return !!navigator.serviceWorker.controller;")));

    phone.offline(true);
    OffsetDateTime queuedAt = OffsetDateTime.now();
    phone.go("#receive/1");
    assertTrue(phone.$("#view .kept").getText().contains("离线"), "shown from the phone's copy");
    new Select(phone.$("#receive-form [name=itemId]")).selectByValue("1");
    phone.type("#receive-form [name=quantity]", "30");
    phone.type("#receive-form [name=lotCode]", "FT-OFF-1");
    phone.click("#receive-form button[type=submit]");
    assertTrue(phone.result("#receive-form").contains("已保存"), phone.result("#receive-form"));

    phone.go("#lot/" + lotId);
    phone.type("#issue-form [name=quantity]", "5");
    new Select(phone.$("#issue-form [name=recipientType]")).selectByValue("person");
    phone.type("#issue-form [name=recipient]", "离线测试 offline test");
    phone.click("#issue-form button[type=submit]");
    assertTrue(phone.result("#issue-form").contains("已保存"), phone.result("#issue-form"));

    phone.go("#checkpoint/4");
    phone.type("#reading-form [name=value]", "12.5");
    phone.click("#reading-form button[type=submit]");
    assertTrue(phone.result("#reading-form").contains("已保存"), phone.result("#reading-form"));

    phone.go("#outbox");
    phone.waitFor("three pending").until(d -> d.findElements(By.cssSelector(".outbox li[data-status=pending]")).size() == 3);
    phone.assertFitsScreen("outbox");
    phone.shot("field-offline-outbox");

    // The issue's first answer is lost: the server commits it, the phone never hears.
    Map<String, Object> issue = entry(phone, "离线测试");
    Resp first = admin.post((String) issue.get("path"), issue.get("body"), (String) issue.get("id"));
    assertEquals(201, first.status(), first.toString());

    phone.reload("#outbox");
    assertTrue(phone.driver.findElement(By.id("login")).getDomAttribute("hidden") != null, "no login needed offline");
    assertEquals(3, phone.driver.findElements(By.cssSelector(".outbox li[data-status=pending]")).size());

    phone.offline(false);
    try {
      phone.waitFor("all three sent").until(d -> d.findElements(By.cssSelector(".outbox li[data-status=sent]")).size() == 3);
    } catch (org.openqa.selenium.TimeoutException e) {
      phone.shot("field-offline-failed");
      throw new AssertionError("outbox: " + phone.js("return document.getElementById('view').innerHTML;") + " " + phone.js("return document.getElementById('view').innerText;")
          + " online=" + phone.js("return navigator.onLine;") + " errors=" + phone.errors()
          + " entries=" + phone.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
          + " FR.outbox().then((all) => done(JSON.stringify(all.map((e) => [e.user, e.status, e.attempts, e.nextAt - Date.now(), e.error]))));"), e);
    }

    JsonObject received = items(admin.get("/api/lots?baseId=1&itemId=1&size=50")).stream()
        .filter(l -> l.getString("lotCode").equals("FT-OFF-1")).findFirst().orElseThrow();
    assertEquals(30, received.getInteger("quantity"));
    List<JsonObject> card = items(admin.get("/api/lots/" + received.getLong("id") + "/movements"));
    assertEquals(1, card.size(), card.toString());
    OffsetDateTime at = OffsetDateTime.parse(card.get(0).getString("at"));
    OffsetDateTime receivedAt = OffsetDateTime.parse(card.get(0).getString("receivedAt"));
    assertTrue(Math.abs(java.time.Duration.between(queuedAt, at).toSeconds()) < 30,
        "the receipt keeps the time it was made on the phone: " + at);
    assertTrue(receivedAt.isAfter(at.plusSeconds(2)), "the server's receive time is kept too: " + receivedAt);

    assertEquals(before - 5, admin.get("/api/lots/" + lotId).json().getInteger("quantity"), "issued once");
    long issues = items(admin.get("/api/lots/" + lotId + "/movements?size=200")).stream()
        .filter(m -> "离线测试 offline test".equals(m.getString("recipient"))).count();
    assertEquals(1, issues);

    JsonArray readings = admin.get("/api/checkpoints/4/readings?size=200").json().getJsonArray("items");
    long twelve = readings.stream().map(o -> (JsonObject) o).filter(r -> r.getDouble("value") == 12.5).count();
    assertEquals(1, twelve, readings.encode());
  }

  @Test
  void aRefusalIsShownWithItsReasonAndNeverSentAgain(@As("admin") Api admin, Phone phone) throws Exception {
    phone.login("admin");
    JsonObject lot = items(admin.get("/api/lots?baseId=2&itemId=1&size=50")).get(0);
    phone.go("#lot/" + lot.getLong("id"));
    phone.offline(true);
    phone.type("#issue-form [name=quantity]", "99999");
    phone.type("#issue-form [name=recipient]", "太多 too many");
    phone.click("#issue-form button[type=submit]");
    assertTrue(phone.result("#issue-form").contains("已保存"));
    phone.offline(false);
    phone.go("#outbox");
    phone.waitFor("refused").until(d -> d.findElements(By.cssSelector(".outbox li[data-status=refused]")).size() == 1);
    String shown = phone.$(".outbox li[data-status=refused]").getText();
    assertTrue(shown.contains("库存不足") && shown.contains(String.valueOf(lot.getInteger("quantity"))), shown);
    long tries = ((Number) entry(phone, "太多").get("attempts")).longValue();
    Thread.sleep(7000);
    Map<String, Object> e = entry(phone, "太多");
    assertEquals("refused", e.get("status"));
    assertEquals(tries, ((Number) e.get("attempts")).longValue(), "a refusal is not tried again");
    phone.assertNoForbidden("admin");
  }

  @Test
  void aPatrolAndAHazardWithItsPhotoMadeOfflineAreStoredOnceTheNetworkIsBack(@As("chief") Api chief,
      Phone phone) throws Exception {
    int patrols = chief.get("/api/patrols?reachId=7").json().getInteger("total");
    int hazards = chief.get("/api/hazards?reachId=7").json().getInteger("total");
    phone.login("chief");
    phone.position(34.7, 113.7);
    phone.go("#patrol/7");
    phone.go("#hazard-new/7");
    phone.go("#reaches");

    phone.offline(true);
    phone.go("#patrol/7");
    phone.click("#p-start");
    for (int i = 0; i <= 4; i++) {
      phone.position(34.7 + i * 0.0000133, 113.7 + i * 0.00004);
      int want = i + 1;
      phone.waitFor("fix " + want).until(d -> Integer.parseInt(d.findElement(By.id("p-fixes")).getText()) >= want);
      Thread.sleep(600);
    }
    phone.click("#p-end");
    phone.waitFor("kept on the phone").until(d -> d.findElement(By.id("p-result")).getText().contains("保存在手机上"));

    java.nio.file.Path photo = java.nio.file.Files.createTempFile("offline-hazard", ".png");
    javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(20, 10, java.awt.image.BufferedImage.TYPE_INT_RGB),
        "png", photo.toFile());
    phone.go("#hazard-new/7");
    phone.waitFor("a position").until(d -> d.findElement(By.id("h-pos")).getText().contains("34.7"));
    new Select(phone.$("#hazard-form [name=type]")).selectByValue("outfall");
    phone.type("#hazard-form [name=description]", "离线上报 reported offline");
    phone.driver.findElement(By.cssSelector("#hazard-form [name=photo]")).sendKeys(photo.toAbsolutePath().toString());
    phone.click("#hazard-form button[type=submit]");
    assertTrue(phone.result("#hazard-form").contains("已保存"), phone.result("#hazard-form"));

    phone.go("#outbox");
    phone.reload("#outbox");
    assertEquals(2, phone.driver.findElements(By.cssSelector(".outbox li[data-status=pending]")).size());
    phone.offline(false);
    phone.waitFor("both sent").until(d -> d.findElements(By.cssSelector(".outbox li[data-status=sent]")).size() == 2);

    assertEquals(patrols + 1, chief.get("/api/patrols?reachId=7").json().getInteger("total"));
    assertEquals(hazards + 1, chief.get("/api/hazards?reachId=7").json().getInteger("total"));
    JsonObject hazard = chief.get("/api/hazards?reachId=7&sort=-id&size=1").json().getJsonArray("items").getJsonObject(0);
    assertEquals("outfall", hazard.getString("type"));
    assertEquals(1, chief.get("/api/hazards/" + hazard.getLong("id")).json().getJsonArray("photos").size());
    phone.assertNoForbidden("chief");
  }
}
