package org.floodready.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.floodready.support.Api;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.floodready.support.TestClock;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The duty roster over HTTP: shifts, who is on duty now, copy last week, the handover log, contacts. */
@FloodReadyTest(clock = "now")
class DutyApiTest {
  static TestServer server;
  static Api admin;
  static Api duty;
  static long district;
  static long dutyId;
  static long adminId;

  @BeforeAll
  static void start(TestServer node) throws Exception {
    server = node;
    admin = server.as("admin");
    duty = server.as("duty");
    district = unit(admin, "ZZ-GC");
    dutyId = admin.get("/api/auth/me").json().getLong("id");
    adminId = dutyId;
    dutyId = duty.get("/api/auth/me").json().getLong("id");
  }

  static long unit(Api http, String code) {
    for (Object o : http.get("/api/units").json().getJsonArray("items")) {
      JsonObject u = (JsonObject) o;
      if (code.equals(u.getString("code"))) {
        return u.getLong("id");
      }
    }
    throw new IllegalStateException("no unit " + code);
  }

  static JsonObject shift(long unitId, LocalDate date, String start, String end, long officer, Long leader) {
    return new JsonObject().put("unitId", unitId).put("date", date.toString()).put("start", start).put("end", end)
        .put("officerIds", new JsonArray().add(officer)).put("leaderUserId", leader);
  }

  @Test
  void anOvernightShiftThatStartedYesterdayIsOnDutyNowAndCopyLastWeekFillsTheNext(TestClock clock) {
    Instant real = clock.instant();
    // from 23:00 no shift that started yesterday is still on (it ends by midnight): the node's clock moves past it
    if (ZonedDateTime.ofInstant(real, ZoneId.of("Asia/Shanghai")).getHour() == 23) {
      clock.advance(Duration.ofHours(1));
    }
    try {
      overnightShiftAndCopyWeek(ZonedDateTime.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai")));
    } finally {
      clock.set(real);
    }
  }

  private void overnightShiftAndCopyWeek(ZonedDateTime now) {
    LocalDate yesterday = now.toLocalDate().minusDays(1);
    // yesterday's shift from the current hour to one hour later than now: runs overnight until after now
    String hour = String.format("%02d:00", now.getHour());
    String after = String.format("%02d:00", (now.getHour() + 1) % 24);
    Resp created = admin.post("/api/duty/shifts", shift(district, yesterday, after, hour.equals("00:00") ? "01:00" : after,
        dutyId, adminId), UUID.randomUUID().toString());
    assertEquals(201, created.status(), created.toString());
    assertTrue(created.json().getBoolean("overnight"));

    JsonObject onDuty = duty.get("/api/duty/now?unitId=" + district).json();
    assertEquals(1, onDuty.getJsonArray("items").size(), onDuty.encode());
    JsonObject s = onDuty.getJsonArray("items").getJsonObject(0);
    assertEquals(dutyId, s.getJsonArray("officers").getJsonObject(0).getLong("id"));
    assertEquals(adminId, s.getJsonObject("leader").getLong("id"));

    LocalDate monday = yesterday.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
    JsonObject copy = new JsonObject().put("unitId", district).put("weekStart", monday.plusDays(7).toString());
    Resp copied = duty.post("/api/duty/shifts/copy-week", copy, UUID.randomUUID().toString());
    assertEquals(201, copied.status(), copied.toString());
    assertEquals(1, copied.json().getInteger("copied"));
    assertEquals(yesterday.plusDays(7).toString(), copied.json().getJsonArray("items").getJsonObject(0).getString("date"));
    Resp again = duty.post("/api/duty/shifts/copy-week", copy, UUID.randomUUID().toString());
    assertEquals(409, again.status(), again.toString());
  }

  @Test
  void badShiftsAreRefusedWithTheFailingField() {
    JsonObject bad = shift(district, LocalDate.now(), "25:00", "08:00", dutyId, null);
    Resp r = admin.post("/api/duty/shifts", bad, UUID.randomUUID().toString());
    assertEquals(400, r.status());
    assertTrue(r.json().getJsonObject("fields").containsKey("start"), r.toString());
    Resp noOfficer = admin.post("/api/duty/shifts", shift(district, LocalDate.now(), "08:00", "20:00", 999_999, null),
        UUID.randomUUID().toString());
    assertEquals(400, noOfficer.status());
    assertTrue(noOfficer.json().getJsonObject("fields").containsKey("officerIds"), noOfficer.toString());
    Resp asKeeper = server.as("keeper").post("/api/duty/shifts", shift(district, LocalDate.now(), "08:00", "20:00",
        dutyId, null), UUID.randomUUID().toString());
    assertEquals(403, asKeeper.status());
  }

  @Test
  void theIncomingOfficerConfirmsTheHandoverTheOutgoingOneWrote() {
    Resp written = duty.post("/api/duty/handovers", new JsonObject().put("unitId", district)
        .put("openItems", "烟厂西街积水点黄色预警未解除；南曹乡隐患待复核"), UUID.randomUUID().toString());
    assertEquals(201, written.status(), written.toString());
    long id = written.json().getLong("id");
    assertEquals(409, duty.post("/api/duty/handovers/" + id + "/confirm", new JsonObject()).status());
    Resp confirmed = admin.post("/api/duty/handovers/" + id + "/confirm", new JsonObject().put("note", "已接班"));
    assertEquals(200, confirmed.status(), confirmed.toString());
    assertTrue(confirmed.json().getBoolean("confirmed"));
    assertEquals(409, admin.post("/api/duty/handovers/" + id + "/confirm", new JsonObject()).status());
    JsonArray log = duty.get("/api/duty/handovers?unitId=" + district).json().getJsonArray("items");
    assertEquals(id, log.getJsonObject(0).getLong("id"));
  }

  @Test
  void contactsAndResponsiblePersons() {
    Resp set = admin.put("/api/duty/contacts/" + dutyId, new JsonObject().put("phone", "13800000110")
        .put("email", "duty@example.org").put("preferredChannel", "email"));
    assertEquals(200, set.status(), set.toString());
    Resp bad = admin.put("/api/duty/contacts/" + dutyId, new JsonObject().put("email", "not-mail")
        .put("preferredChannel", "email"));
    assertEquals(400, bad.status());
    assertTrue(bad.json().getJsonObject("fields").containsKey("email"));
    assertEquals(403, duty.put("/api/duty/contacts/" + adminId, new JsonObject()).status());
    Resp resp = admin.put("/api/duty/units/" + district + "/responsibles", new JsonObject()
        .put("userIds", new JsonArray().add(dutyId).add(adminId)).put("headUserIds", new JsonArray().add(adminId)));
    assertEquals(200, resp.status(), resp.toString());
    assertEquals(2, resp.json().getJsonArray("items").size());
    JsonObject contact = duty.get("/api/duty/contacts").json().getJsonArray("items").stream()
        .map(JsonObject.class::cast).filter(c -> c.getLong("id") == dutyId).findFirst().orElseThrow();
    assertEquals("duty@example.org", contact.getString("email"));
  }
}
