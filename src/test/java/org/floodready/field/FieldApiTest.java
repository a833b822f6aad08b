package org.floodready.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.floodready.support.Api;
import org.floodready.support.As;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.junit.jupiter.api.Test;

/**
 * What the field app needs from the server: writes queued offline keep their own time (bounded), patrols
 * recorded yesterday are accepted, items are found by pinyin, and a base's lots print as QR labels.
 */
@FloodReadyTest
class FieldApiTest {
  static List<String> names(Api keeper, String query) {
    return keeper.get("/api/items?size=100&q=" + query).json().getJsonArray("items").stream()
        .map(o -> ((JsonObject) o).getString("nameZh")).toList();
  }

  @Test
  void itemsAreFoundByPinyinInitialsSyllablesCodeAndNames(@As("keeper") Api keeper) {
    assertEquals(List.of("编织袋"), names(keeper, "bzd"));
    assertTrue(names(keeper, "bianzhi").contains("编织袋"), names(keeper, "bianzhi").toString());
    assertTrue(names(keeper, "jsy").contains("救生衣"), names(keeper, "jsy").toString());
    assertTrue(names(keeper, "M-WB").contains("编织袋"));
    assertTrue(names(keeper, "Woven").contains("编织袋"));
    assertTrue(names(keeper, "%E7%BC%96%E7%BB%87").contains("编织袋"), "Chinese part of the name");
    assertEquals(List.of(), names(keeper, "qqqq"));
  }

  @Test
  void aMovementQueuedOfflineKeepsItsTimeWithinBounds(@As("keeper") Api keeper) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    JsonObject receipt = new JsonObject().put("itemId", 1).put("quantity", 7).put("lotCode", "FT-API-1");

    Resp future = keeper.post("/api/bases/1/receipts", receipt.copy().put("occurredAt", now.plusMinutes(20).toString()),
        UUID.randomUUID().toString());
    assertEquals(400, future.status());
    assertTrue(future.json().getJsonObject("fields").containsKey("occurredAt"), future.toString());
    Resp old = keeper.post("/api/bases/1/receipts", receipt.copy().put("occurredAt", now.minusDays(8).toString()),
        UUID.randomUUID().toString());
    assertEquals(400, old.status());
    assertTrue(old.json().getJsonObject("fields").getString("occurredAt").contains("7 days"), old.toString());
    assertEquals(0, keeper.get("/api/lots?baseId=1&itemId=1&size=100").json().getJsonArray("items").stream()
        .filter(l -> ((JsonObject) l).getString("lotCode").equals("FT-API-1")).count(), "nothing written");

    OffsetDateTime yesterday = now.minusHours(26).truncatedTo(ChronoUnit.SECONDS);
    Resp ok = keeper.post("/api/bases/1/receipts", receipt.copy().put("occurredAt", yesterday.toString()),
        UUID.randomUUID().toString());
    assertEquals(201, ok.status(), ok.toString());
    JsonObject m = ok.json();
    assertEquals(yesterday.toInstant(), OffsetDateTime.parse(m.getString("at")).toInstant());
    assertTrue(Duration.between(now, OffsetDateTime.parse(m.getString("receivedAt"))).abs().toSeconds() < 60,
        m.encode());
    JsonObject stored = keeper.get("/api/lots/" + m.getLong("lotId") + "/movements").json().getJsonArray("items")
        .getJsonObject(0);
    assertEquals(m.getString("at"), stored.getString("at"));
    assertEquals(m.getString("receivedAt"), stored.getString("receivedAt"));

    Resp issue = keeper.post("/api/lots/" + m.getLong("lotId") + "/issues", new JsonObject().put("quantity", 2)
        .put("recipientType", "person").put("recipient", "张三").put("occurredAt", yesterday.plusHours(1).toString()),
        UUID.randomUUID().toString());
    assertEquals(201, issue.status(), issue.toString());
    assertEquals(yesterday.plusHours(1).toInstant(), OffsetDateTime.parse(issue.json().getString("at")).toInstant());
  }

  @Test
  void anOverdrawSaysHowManyTheLotHolds(@As("keeper") Api keeper) {
    JsonObject lot = keeper.get("/api/lots?baseId=1&itemId=1&size=1").json().getJsonArray("items").getJsonObject(0);
    int holds = lot.getInteger("quantity");
    Resp r = keeper.post("/api/lots/" + lot.getLong("id") + "/issues", new JsonObject().put("quantity", holds + 1)
        .put("recipientType", "incident").put("recipient", "x"), UUID.randomUUID().toString());
    assertEquals(409, r.status());
    assertTrue(r.json().getString("message").contains("holds only " + holds), r.toString());
    assertTrue(r.json().getJsonObject("fields").getString("quantity").contains(String.valueOf(holds)), r.toString());
  }

  @Test
  void aPatrolRecordedOfflineYesterdayIsAcceptedWithItsOwnTimes(@As("chief") Api chief) {
    OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).truncatedTo(ChronoUnit.SECONDS);
    JsonArray points = new JsonArray();
    for (int i = 0; i <= 20; i++) {
      points.add(new JsonObject().put("lat", 34.7 + i * 0.0002).put("lon", 113.7 + i * 0.0006)
          .put("t", start.plusSeconds(i * 40L).toString()));
    }
    String id = UUID.randomUUID().toString();
    Resp r = chief.post("/api/patrols", new JsonObject().put("id", id).put("reachId", 7).put("points", points));
    assertEquals(201, r.status(), r.toString());
    assertEquals(start.toInstant(), OffsetDateTime.parse(r.json().getString("startedAt")).toInstant());
    assertEquals(200, chief.post("/api/patrols", new JsonObject().put("id", id).put("reachId", 7)
        .put("points", points)).status(), "a retry returns the stored patrol");
  }

  @Test
  void aBaseLotsPrintAsQrLabelsForItsKeeperOnly(@As("keeper") Api keeper) throws Exception {
    Resp r = keeper.get("/api/bases/1/labels.pdf");
    assertEquals(200, r.status(), r.toString());
    assertEquals("application/pdf", r.header("Content-Type"));
    PdfReader reader = new PdfReader(r.bytes());
    assertTrue(reader.getNumberOfPages() >= 1);
    String text = new PdfTextExtractor(reader).getTextFromPage(1);
    JsonObject lot = keeper.get("/api/lots?baseId=1&size=1&sort=itemCode").json().getJsonArray("items")
        .getJsonObject(0);
    assertTrue(text.contains(lot.getString("lotCode")), text);
    assertEquals(403, keeper.get("/api/bases/3/labels.pdf").status(), "a base kept by someone else");
  }

  @Test
  void aLabelsQrCodeReadsBackAsTheLinkToTheLot() throws Exception {
    String link = "http://localhost:8080/field/#lot/42";
    BufferedImage img = LotLabelSheet.image(LotLabelSheet.qr(link));
    int[] pixels = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(img.getWidth(), img.getHeight(), pixels)));
    assertEquals(link, new QRCodeReader().decode(bitmap).getText());
  }
}
