package org.floodready.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.floodready.support.Http;
import org.floodready.support.Resp;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin's changes to an existing account over real HTTP: disable, enable, reset password, role and unit. */
class UserAdminApiTest {
  static TestServer server;
  static Http admin;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
    admin = server.as("admin");
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static long createUser(String username) {
    Resp created = admin.post("/api/admin/users", new JsonObject().put("username", username)
        .put("displayName", "测试 " + username).put("password", "First@2026x").put("role", "viewer"));
    assertEquals(201, created.status(), created.toString());
    return created.json().getLong("id");
  }

  private static int login(String username, String password) {
    return server.anonymous.post("/api/auth/login", new JsonObject().put("username", username)
        .put("password", password)).status();
  }

  @Test
  void aDisabledUserCannotLogInAndAnEnabledOneCanAgain() {
    long id = createUser("disable-me");
    assertEquals(200, login("disable-me", "First@2026x"));
    Resp disabled = admin.patch("/api/admin/users/" + id, new JsonObject().put("active", false));
    assertEquals(200, disabled.status(), disabled.toString());
    assertEquals(false, disabled.json().getBoolean("active"));
    assertEquals(401, login("disable-me", "First@2026x"));
    JsonObject audit = admin.get("/api/audit?action=user.disable").json();
    assertTrue(audit.encode().contains("\"user.disable\""), audit.encode());
    assertEquals(200, admin.patch("/api/admin/users/" + id, new JsonObject().put("active", true)).status());
    assertEquals(200, login("disable-me", "First@2026x"));
  }

  @Test
  void aResetPasswordReplacesTheOldOne() {
    long id = createUser("reset-me");
    Resp tooShort = admin.post("/api/admin/users/" + id + "/password", new JsonObject().put("password", "short"));
    assertEquals(400, tooShort.status());
    assertTrue(tooShort.json().getJsonObject("fields").containsKey("password"), tooShort.toString());
    Resp reset = admin.post("/api/admin/users/" + id + "/password", new JsonObject().put("password", "Second@2026x"));
    assertEquals(204, reset.status(), reset.toString());
    assertEquals(401, login("reset-me", "First@2026x"));
    assertEquals(200, login("reset-me", "Second@2026x"));
  }

  @Test
  void roleAndUnitChangeAndBadInputNamesTheField() {
    long id = createUser("change-me");
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
  void anAdminCannotDisableHimselfAndOthersMayNotChangeUsers() {
    long self = admin.get("/api/auth/me").json().getLong("id");
    Resp selfDisable = admin.patch("/api/admin/users/" + self, new JsonObject().put("active", false));
    assertEquals(400, selfDisable.status());
    assertTrue(selfDisable.json().getJsonObject("fields").containsKey("active"));
    long id = createUser("not-yours");
    Resp selfReset = admin.post("/api/admin/users/" + self + "/password", new JsonObject().put("password", "Other@2026x"));
    assertEquals(400, selfReset.status());
    assertTrue(selfReset.json().getJsonObject("fields").containsKey("password"));
    assertEquals(403, server.as("duty").patch("/api/admin/users/" + id, new JsonObject().put("active", false)).status());
    assertEquals(403, server.as("duty").post("/api/admin/users/" + id + "/password",
        new JsonObject().put("password", "Whatever@2026")).status());
  }
}
