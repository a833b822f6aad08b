package org.floodready.inspections;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.UUID;
import org.floodready.support.Api;
import org.floodready.support.As;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.junit.jupiter.api.Test;

/** The round's life-cycle over real HTTP and PostgreSQL: checklist, open, answer, photo, close → hazards. */
@FloodReadyTest(clock = InspectionRoundApiTest.START)
class InspectionRoundApiTest {
  static final byte[] PNG = HexFormat.of().parseHex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
      + "0000000d4944415478da63f8cfc0f01f0005000201a5f8b9d80000000049454e44ae426082");
  static final String START = "2027-06-10T02:00:00Z";
  static final Instant NOW = Instant.parse(START);

  static JsonObject firstSite(Api who, String kind) {
    Resp r = who.get("/api/inspection-sites?siteKind=" + kind);
    assertEquals(200, r.status(), r.toString());
    JsonArray items = r.json().getJsonArray("items");
    assertTrue(!items.isEmpty(), "some " + kind + " to inspect: " + r);
    return items.getJsonObject(0);
  }

  static JsonObject open(Api who, String kind, long siteId, String key) {
    Resp r = who.post("/api/inspection-rounds", new JsonObject().put("siteKind", kind).put("siteId", siteId), key);
    assertEquals(201, r.status(), r.toString());
    return r.json();
  }

  static void answer(Api who, long roundId, int position, JsonObject body) {
    Resp r = who.put("/api/inspection-rounds/" + roundId + "/items/" + position, body);
    assertEquals(200, r.status(), r.toString());
  }

  @Test
  void defaultChecklistsAreSeededAndAdminsKeepThem(@As("duty") Api duty, @As("admin") Api admin) {
    JsonArray base = duty.get("/api/inspection-checklists/base").json().getJsonArray("items");
    assertEquals(4, base.size());
    assertEquals("Stock matches the ledger for three sampled items", base.getJsonObject(0).getString("textEn"));
    assertEquals(3, duty.get("/api/inspection-checklists/reservoir").json().getJsonArray("items").size());
    assertEquals(3, duty.get("/api/inspection-checklists/waterlogging").json().getJsonArray("items").size());
    assertEquals(3, duty.get("/api/inspection-checklists/reach").json().getJsonArray("items").size());

    JsonObject reach = new JsonObject().put("items", new JsonArray()
        .add(new JsonObject().put("textZh", "堤岸完好").put("textEn", "Banks intact"))
        .add(new JsonObject().put("textZh", "无乱堆乱倒").put("textEn", "No dumping"))
        .add(new JsonObject().put("textZh", "公示牌完好").put("textEn", "Signs in place"))
        .add(new JsonObject().put("textZh", "无违章建筑").put("textEn", "No illegal structures")));
    assertEquals(403, duty.put("/api/inspection-checklists/reach", reach).status());
    Resp put = admin.put("/api/inspection-checklists/reach", reach);
    assertEquals(200, put.status(), put.toString());
    assertEquals(4, put.json().getJsonArray("items").size());

    Resp bad = admin.put("/api/inspection-checklists/reach", new JsonObject().put("items", new JsonArray()
        .add(new JsonObject().put("textZh", "只有中文"))));
    assertEquals(400, bad.status(), bad.toString());
    assertTrue(bad.json().getJsonObject("fields").containsKey("items[0].textEn"), bad.toString());
    assertEquals(400, admin.get("/api/inspection-checklists/dam").status());
  }

  @Test
  void aRoundWithProblemsBecomesHazardsWithDeadlineAndUnitOnce(@As("chief") Api chief, @As("duty") Api duty,
      @As("admin") Api admin, @As("inspector") Api inspector) {
    JsonObject site = firstSite(inspector, "base");
    long siteId = site.getLong("siteId");
    String key = UUID.randomUUID().toString();
    JsonObject round = open(inspector, "base", siteId, key);
    long id = round.getLong("id");
    assertEquals(4, round.getJsonArray("items").size());
    assertEquals("open", round.getString("status"));
    JsonObject again = open(inspector, "base", siteId, key);
    assertEquals(id, again.getLong("id"), "a retried open books one round");

    answer(inspector, id, 1, new JsonObject().put("result", "ok"));
    answer(inspector, id, 2, new JsonObject().put("result", "problem").put("severity", "high")
        .put("note", "2号泵无法启动 pump 2 does not start"));
    Resp photo = inspector.raw("POST", "/api/inspection-rounds/" + id + "/items/2/photo", "image/png", PNG);
    assertEquals(201, photo.status(), photo.toString());
    answer(inspector, id, 3, new JsonObject().put("result", "ok"));

    Resp early = inspector.post("/api/inspection-rounds/" + id + "/close", new JsonObject(), UUID.randomUUID().toString());
    assertEquals(409, early.status(), early.toString());
    assertTrue(early.json().getString("message").contains("4"), early.toString());

    answer(inspector, id, 4, new JsonObject().put("result", "problem").put("note", "道路积水 road flooded"));
    assertEquals(403, chief.put("/api/inspection-rounds/" + id + "/items/1",
        new JsonObject().put("result", "ok")).status());

    String closeKey = UUID.randomUUID().toString();
    Resp closed = inspector.post("/api/inspection-rounds/" + id + "/close", new JsonObject(), closeKey);
    assertEquals(200, closed.status(), closed.toString());
    JsonArray hazardIds = closed.json().getJsonArray("hazardIds");
    assertEquals(2, hazardIds.size());
    Resp retried = inspector.post("/api/inspection-rounds/" + id + "/close", new JsonObject(), closeKey);
    assertEquals(200, retried.status(), retried.toString());
    assertEquals(hazardIds, retried.json().getJsonArray("hazardIds"), "a retried close books once");
    assertEquals(409, inspector.post("/api/inspection-rounds/" + id + "/close", new JsonObject(),
        UUID.randomUUID().toString()).status(), "a closed round does not close twice");

    JsonObject pump = duty.get("/api/hazards/" + hazardIds.getLong(0)).json();
    assertEquals("inspection", pump.getString("type"));
    assertEquals("assigned", pump.getString("status"));
    assertEquals("high", pump.getString("severity"));
    assertEquals(site.getLong("unitId"), pump.getLong("unitId"));
    assertEquals(site.getLong("unitId"), pump.getLong("assignedUnitId"));
    assertNull(pump.getLong("reachId"));
    assertEquals(NOW.plus(Duration.ofDays(3)), OffsetDateTime.parse(pump.getString("deadline")).toInstant(),
        "a high problem gets three days");
    assertTrue(pump.getString("description").contains("pump 2 does not start"), pump.encode());
    JsonArray photos = pump.getJsonArray("photos");
    assertEquals(1, photos.size(), pump.encode());
    assertArrayEquals(PNG, duty.get(photos.getJsonObject(0).getString("url")).bytes());
    JsonObject road = duty.get("/api/hazards/" + hazardIds.getLong(1)).json();
    assertEquals(NOW.plus(Duration.ofDays(7)), OffsetDateTime.parse(road.getString("deadline")).toInstant());

    JsonArray listed = duty.get("/api/inspection-rounds?siteKind=base&siteId=" + siteId).json().getJsonArray("items");
    assertEquals(1, listed.stream().filter(o -> ((JsonObject) o).getLong("id") == id).count());
    assertEquals(2, listed.getJsonObject(0).getLong("problems"));
    JsonObject detail = inspector.get("/api/inspection-rounds/" + id).json();
    assertEquals("closed", detail.getString("status"));
    assertEquals(hazardIds.getLong(0), detail.getJsonArray("items").getJsonObject(1).getLong("hazardId"));
    assertArrayEquals(PNG, inspector.get(detail.getJsonArray("items").getJsonObject(1).getString("photoUrl")).bytes());
    Resp audit = admin.get("/api/audit?action=inspection.close");
    assertTrue(audit.body().contains("inspection_round"), audit.toString());

    LocalDate day = NOW.atZone(ZoneId.of("Asia/Shanghai")).toLocalDate();
    Resp report = duty.get("/api/dashboard/reports/daily?date=" + day);
    assertEquals(200, report.status(), report.toString());
    assertTrue(report.body().contains("检查 Inspection rounds"), "the report has the section");
    assertTrue(report.body().contains("pump 2 does not start"), "the report lists the round's problem");
    assertTrue(report.body().contains(site.getString("nameZh")), "the report names the site");
  }

  @Test
  void badInputNamesTheField(@As("duty") Api duty) {
    String key = UUID.randomUUID().toString();
    Resp noKind = duty.post("/api/inspection-rounds", new JsonObject().put("siteId", 1), key);
    assertEquals(400, noKind.status());
    assertTrue(noKind.json().getJsonObject("fields").containsKey("siteKind"), noKind.toString());
    Resp noSite = duty.post("/api/inspection-rounds", new JsonObject().put("siteKind", "reservoir").put("siteId", 999999),
        UUID.randomUUID().toString());
    assertEquals(400, noSite.status());
    assertTrue(noSite.json().getJsonObject("fields").containsKey("siteId"), noSite.toString());
    assertEquals(400, duty.post("/api/inspection-rounds", new JsonObject().put("siteKind", "base").put("siteId", 1),
        null).status(), "an open without Idempotency-Key is refused");

    long id = open(duty, "waterlogging", firstSite(duty, "waterlogging").getLong("siteId"),
        UUID.randomUUID().toString()).getLong("id");
    Resp noNote = duty.put("/api/inspection-rounds/" + id + "/items/1", new JsonObject().put("result", "problem"));
    assertEquals(400, noNote.status());
    assertTrue(noNote.json().getJsonObject("fields").containsKey("note"), noNote.toString());
    Resp badResult = duty.put("/api/inspection-rounds/" + id + "/items/1", new JsonObject().put("result", "maybe"));
    assertTrue(badResult.json().getJsonObject("fields").containsKey("result"), badResult.toString());
    assertEquals(404, duty.put("/api/inspection-rounds/" + id + "/items/9", new JsonObject().put("result", "ok")).status());
    assertEquals(415, duty.raw("POST", "/api/inspection-rounds/" + id + "/items/1/photo", "text/plain",
        "x".getBytes()).status());
  }

  @Test
  void rolesAreChecked(@As("chief") Api chief, @As("keeper") Api keeper, @As("viewer") Api viewer,
      @As("duty") Api duty, @As("inspector") Api inspector) {
    long baseId = firstSite(duty, "base").getLong("siteId");
    JsonObject body = new JsonObject().put("siteKind", "base").put("siteId", baseId);
    assertEquals(403, viewer.post("/api/inspection-rounds", body, UUID.randomUUID().toString()).status());
    assertEquals(403, keeper.post("/api/inspection-rounds", body, UUID.randomUUID().toString()).status());
    Resp reach = inspector.get("/api/inspection-sites?siteKind=reach");
    assertEquals(0, reach.json().getJsonArray("items").size(), "an inspector walks no reaches: " + reach);
    long reachId = firstSite(duty, "reach").getLong("siteId");
    assertEquals(403, inspector.post("/api/inspection-rounds", new JsonObject().put("siteKind", "reach")
        .put("siteId", reachId), UUID.randomUUID().toString()).status());
    Resp chiefSites = chief.get("/api/inspection-sites?siteKind=reach");
    assertTrue(!chiefSites.json().getJsonArray("items").isEmpty(), "a chief inspects his reaches: " + chiefSites);
    assertEquals(0, chief.get("/api/inspection-sites?siteKind=base").json().getJsonArray("items").size());
    assertNotNull(viewer.get("/api/inspection-rounds").json().getJsonArray("items"));
  }
}
