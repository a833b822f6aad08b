package org.floodready.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.floodready.support.Api;
import org.floodready.support.As;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.junit.jupiter.api.Test;

/** The admin's changes to an existing account over real HTTP: disable, enable, reset password, role and unit. */
@FloodReadyTest
class UserAdminApiTest {
  private static long createUser(Api admin, String username) {
    Resp created = admin.post("/api/admin/users", new JsonObject().put("username", username)
        .put("displayName", "测试 " + username).put("password", "First@2026x").put("role", "viewer"));
    assertEquals(201, created.status(), created.toString());
    return created.json().getLong("id");
  }

  private static int login(Api anonymous, String username, String password) {
    return anonymous.post("/api/auth/login", new JsonObject().put("username", username)
        .put("password", password)).status();
  }

  @Test
  void aDisabledUserCannotLogInAndAnEnabledOneCanAgain(@As("admin") Api admin, Api anonymous) {
    long id = createUser(admin, "disable-me");
    assertEquals(200, login(anonymous, "disable-me", "First@2026x"));
    Resp disabled = admin.patch("/api/admin/users/" + id, new JsonObject().put("active", false));
    assertEquals(200, disabled.status(), disabled.toString());
    assertEquals(false, disabled.json().getBoolean("active"));
    assertEquals(401, login(anonymous, "disable-me", "First@2026x"));
    JsonObject audit = admin.get("/api/audit?action=user.disable").json();
    assertTrue(audit.encode().contains("\"user.disable\""), audit.encode());
    assertEquals(200, admin.patch("/api/admin/users/" + id, new JsonObject().put("active", true)).status());
    assertEquals(200, login(anonymous, "disable-me", "First@2026x"));
  }

  @Test
  void aResetPasswordReplacesTheOldOne(@As("admin") Api admin, Api anonymous) {
    long id = createUser(admin, "reset-me");
    Resp tooShort = admin.post("/api/admin/users/" + id + "/password", new JsonObject().put("password", "short"));
    assertEquals(400, tooShort.status());
    assertTrue(tooShort.json().getJsonObject("fields").containsKey("password"), tooShort.toString());
    Resp reset = admin.post("/api/admin/users/" + id + "/password", new JsonObject().put("password", "Second@2026x"));
    assertEquals(204, reset.status(), reset.toString());
    assertEquals(401, login(anonymous, "reset-me", "First@2026x"));
    assertEquals(200, login(anonymous, "reset-me", "Second@2026x"));
  }

  @Test
  void roleAndUnitChangeAndBadInputNamesTheField(@As("admin") Api admin) {
    long id = createUser(admin, "change-me");
    long unitId = admin.get("/api/units?level=district").json().getJsonArray("items").getJsonObject(0).getLong("id");
    Resp changed = admin.patch("/api/admin/users/" + id, new JsonObject().put("role", "base_keeper")
        .put("unitId", unitId).put("displayName", "新名字"));
    assertEquals(200, changed.status(), changed.toString());
    assertEquals("base_keeper", changed.json().getString("role"));
    assertEquals(unitId, changed.json().getLong("unitId"));
    assertEquals("新名字", changed.json().getString("displayName"));

    Resp badRole = admin.patch("/api/admin/users/" + id, new JsonObject().put("role", "king"));
    assertEquals(400, badRole.status());
    assertTrue(badRole.json().getJsonObject("fields").containsKey("role"));
    Resp badUnit = admin.patch("/api/admin/users/" + id, new JsonObject().put("unitId", 999999));
    assertEquals(400, badUnit.status(), badUnit.toString());
    assertTrue(badUnit.json().getJsonObject("fields").containsKey("unitId"));
    assertEquals("base_keeper", admin.get("/api/admin/users/" + id).json().getString("role"), "nothing half-written");
    assertEquals(404, admin.patch("/api/admin/users/999999", new JsonObject().put("active", false)).status());
  }

  @Test
  void anAdminCannotDisableHimselfAndOthersMayNotChangeUsers(@As("duty") Api duty, @As("admin") Api admin) {
    long self = admin.get("/api/auth/me").json().getLong("id");
    Resp selfDisable = admin.patch("/api/admin/users/" + self, new JsonObject().put("active", false));
    assertEquals(400, selfDisable.status());
    assertTrue(selfDisable.json().getJsonObject("fields").containsKey("active"));
    long id = createUser(admin, "not-yours");
    Resp selfReset = admin.post("/api/admin/users/" + self + "/password", new JsonObject().put("password", "Other@2026x"));
    assertEquals(400, selfReset.status());
    assertTrue(selfReset.json().getJsonObject("fields").containsKey("password"));
    assertEquals(403, duty.patch("/api/admin/users/" + id, new JsonObject().put("active", false)).status());
    assertEquals(403, duty.post("/api/admin/users/" + id + "/password",
        new JsonObject().put("password", "Whatever@2026")).status());
  }
}
