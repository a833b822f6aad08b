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
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.floodready.support.Api;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Browser;
import org.floodready.support.Resp;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A keeper receives a delivery on the phone with a photo of its delivery note while the duty room watches the
 * board in a second Chromium: the board's coverage panel drops the shortfall live, without a reload; the
 * photo is stored for the movement, served back, and shown on the lot's stock card.
 */
@FloodReadyTest(browser = true)
class FieldReceiptLiveBrowserTest {
  static TestServer server;
  static Phone phone;
  static ChromeDriver board;

  @BeforeAll
  static void start(TestServer node, Phone fieldPhone, ChromeDriver browser) {
    server = node;
    phone = fieldPhone;
    board = browser;
  }

  @Test
  void aReceiptWithItsDeliveryNoteMovesTheBoardLive() throws Exception {
    Api keeper = server.as("keeper");
    Set<Long> keeperBases = keeper.get("/api/bases?size=200&mine=true").json().getJsonArray("items").stream()
        .map(o -> ((JsonObject) o).getLong("id")).collect(Collectors.toSet());
    JsonObject gap = server.as("duty").get("/api/dashboard/panels/coverage").json().getJsonArray("items").stream()
        .map(o -> (JsonObject) o).filter(r -> keeperBases.contains(r.getLong("baseId"))).findFirst()
        .orElseThrow(() -> new AssertionError("a shortfall at one of the keeper's bases " + keeperBases));
    long baseId = gap.getLong("baseId");
    long itemId = gap.getLong("itemId");
    long quantity = (long) Math.ceil(gap.getDouble("shortfall"));

    WebDriverWait wait = new WebDriverWait(board, Duration.ofSeconds(60));
    board.get(server.anonymous.base() + "/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("duty");
    board.findElement(By.id("password")).sendKeys("Flood@2026");
    board.findElement(By.id("login-button")).click();
    wait.withMessage("the board's live stream").until(d -> "ok".equals(d.findElement(By.id("live-status"))
        .getDomAttribute("data-state")));
    By row = By.cssSelector("#panel-coverage tr[data-id='" + gap.getString("key") + "']");
    wait.withMessage("the shortfall row on the board").until(ExpectedConditions.presenceOfElementLocated(row));
    board.executeScript("window.__notReloaded = true;");

    phone.login("keeper");
    phone.go("#base/" + baseId);
    phone.$("#site-rounds h2");
    phone.go("#receive/" + baseId);
    phone.js("const s = document.querySelector('#receive-form [name=itemId]'); s.value = arguments[0];"
        + " s.dispatchEvent(new Event('change'));", String.valueOf(itemId));
    phone.type("#receive-form [name=quantity]", String.valueOf(quantity));
    phone.type("#receive-form [name=note]", "送货单 DN-2026-0417");
    Path note = Files.createTempFile("delivery-note", ".png");
    BufferedImage img = new BufferedImage(80, 60, BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 80, 60);
    g.setColor(new Color(20, 60, 160));
    g.fillRect(8, 8, 64, 6);
    g.dispose();
    ImageIO.write(img, "png", note.toFile());
    phone.driver.findElement(By.cssSelector("#receive-form [name=photo]")).sendKeys(note.toAbsolutePath().toString());
    phone.assertFitsScreen("receive");
    phone.click("#receive-form button[type=submit]");
    String result = phone.result("#receive-form");
    assertTrue(result.contains("已完成"), result + " / " + phone.errors());

    // The board's panel polls only every 60 s while live; the stock.changed event is what moves it.
    new WebDriverWait(board, Duration.ofSeconds(30)).withMessage("the receipt moved the board's coverage panel live")
        .until(d -> d.findElements(row).isEmpty());
    assertEquals(Boolean.TRUE, board.executeScript("return window.__notReloaded === true;"), "no reload");
    Browser.screenshot(board, "field-round-live-board");

    JsonArray moves = keeper.get("/api/movements?baseId=" + baseId + "&itemId=" + itemId + "&sort=-id&size=1").json()
        .getJsonArray("items");
    JsonObject receipt = moves.getJsonObject(0);
    assertEquals("receipt", receipt.getString("kind"));
    String url = receipt.getString("photoUrl");
    assertEquals("/api/movements/" + receipt.getLong("id") + "/photo", url, receipt.encode());
    Resp served = keeper.get(url);
    assertEquals("image/png", served.header("Content-Type"));
    assertArrayEquals(Files.readAllBytes(note), served.bytes(), "the delivery note comes back as sent");
    assertEquals(200, server.as("duty").get(url).status(), "the duty room reads it");
    assertEquals(403, server.as("viewer").raw("POST", url, "image/png", Files.readAllBytes(note)).status());
    assertEquals(415, keeper.raw("POST", url, "text/plain", "x".getBytes()).status());
    Resp again = keeper.raw("POST", url, "image/png", Files.readAllBytes(note));
    assertEquals(201, again.status(), "a retried upload replaces the photo: " + again);

    phone.go("#lot/" + receipt.getLong("lotId"));
    phone.waitFor("the delivery note on the stock card").until(d -> Boolean.TRUE.equals(phone.js(
        "const i = document.querySelector('#stock-card .note-photo img'); return !!i && i.complete && i.naturalWidth === 80;")));
    phone.js("document.querySelector('#stock-card').scrollIntoView();");
    phone.assertFitsScreen("lot");
    Browser.screenshot(phone.driver, "field-round-delivery-note");
    phone.assertNoForbidden("keeper");
  }
}
