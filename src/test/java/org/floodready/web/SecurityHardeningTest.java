package org.floodready.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.floodready.support.Api;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Passwords, numbers as numbers, roles before bodies, revoked tokens and the security headers, on one node. */
@FloodReadyTest
class SecurityHardeningTest {
  static TestServer server;
  static Api admin;

  @BeforeAll
  static void start(TestServer node) throws Exception {
    server = node;
    admin = server.as("admin");
  }

  private static JsonObject newUser(String username, String password) {
    return new JsonObject().put("username", username).put("displayName", "测试用户").put("password", password)
        .put("role", "viewer");
  }

  private static String fieldError(Resp r, String field) {
    assertEquals(400, r.status(), r.toString());
    assertEquals("validation_failed", r.json().getString("error"), r.toString());
    String problem = r.json().getJsonObject("fields").getString(field);
    assertNotNull(problem, "no error for " + field + ": " + r);
    return problem;
  }

  @Test
  void shortAndCommonPasswordsAreRefusedWithAFieldError() {
    assertTrue(fieldError(admin.post("/api/admin/users", newUser("pw-short", "12345678")), "password")
        .contains("at least 10"));
    for (String common : List.of("1234567890", "qwertyuiop", "Password123", "1qaz2wsx3edc", "woaini1314")) {
      assertTrue(fieldError(admin.post("/api/admin/users", newUser("pw-common", common)), "password").contains("common"),
          common);
    }
    assertTrue(fieldError(admin.post("/api/admin/users", newUser("liuxiaoming", "liuxiaoming2026")), "password")
        .contains("username"));
    assertEquals(201, admin.post("/api/admin/users", newUser("pw-good", "Flood@2026")).status(),
        "the demo password has 10 characters and is not common");
    Api viewer = server.as("viewer");
    assertTrue(fieldError(viewer.post("/api/auth/password", new JsonObject().put("currentPassword", "Flood@2026")
        .put("newPassword", "123456789")), "newPassword").contains("at least 10"));
    assertTrue(fieldError(viewer.post("/api/auth/password", new JsonObject().put("currentPassword", "wrong-password")
        .put("newPassword", "Grey-Heron-Levee-7")), "currentPassword").contains("current"));
    assertEquals(200, viewer.get("/api/auth/me").status(), "a refused change revokes nothing");
  }

  @Test
  void aChangedPasswordOrADisabledUserRevokesTheOldTokensAtOnce() {
    Resp created = admin.post("/api/admin/users", newUser("revoke-me", "Grey-Heron-Levee-7"));
    assertEquals(201, created.status(), created.toString());
    long id = created.json().getLong("id");
    Api first = server.as("revoke-me", "Grey-Heron-Levee-7");
    Api second = server.as("revoke-me", "Grey-Heron-Levee-7");
    assertEquals(200, first.get("/api/auth/me").status());
    assertEquals(200, second.get("/api/units").status(), "remembered in the node's verified-token memo");

    Resp changed = first.post("/api/auth/password", new JsonObject().put("currentPassword", "Grey-Heron-Levee-7")
        .put("newPassword", "Silt-Barge-Lantern-9"));
    assertEquals(200, changed.status(), changed.toString());
    assertEquals(401, first.get("/api/auth/me").status(), "the token used for the change is old now");
    assertEquals(401, second.get("/api/units").status(), "every older token of the user");
    Api fresh = server.anonymous.withToken(changed.json().getString("token"));
    assertEquals(200, fresh.get("/api/auth/me").status(), "the answer's token works");
    assertEquals(401, server.anonymous.post("/api/auth/login", new JsonObject().put("username", "revoke-me")
        .put("password", "Grey-Heron-Levee-7")).status());

    Resp disabled = admin.patch("/api/admin/users/" + id, new JsonObject().put("active", false));
    assertEquals(200, disabled.status(), disabled.toString());
    assertEquals(false, disabled.json().getBoolean("active"));
    assertEquals(401, fresh.get("/api/auth/me").status(), "disabled: refused at once");
    assertEquals(401, server.anonymous.post("/api/auth/login", new JsonObject().put("username", "revoke-me")
        .put("password", "Silt-Barge-Lantern-9")).status());
    // the browser still sends the revoked token as its cookie: that must not block the next login on that browser
    String staleCookie = "fr_token=" + changed.json().getString("token");
    assertEquals(200, server.anonymous.with("Cookie", staleCookie).post("/api/auth/login",
        new JsonObject().put("username", "viewer").put("password", "Flood@2026")).status());
    assertEquals(401, server.anonymous.with("Cookie", staleCookie).get("/api/auth/me").status(),
        "a protected route answers 401 as for no credentials");
    assertEquals(200, admin.patch("/api/admin/users/" + id, new JsonObject().put("active", true)).status());
    assertEquals(401, fresh.get("/api/auth/me").status(), "enabling again does not bring old tokens back");
    assertEquals(200, server.as("revoke-me", "Silt-Barge-Lantern-9").get("/api/auth/me").status());

    long adminId = admin.get("/api/auth/me").json().getLong("id");
    assertEquals("another admin must change this on your account",
        fieldError(admin.patch("/api/admin/users/" + adminId, new JsonObject().put("active", false)), "active"));
    assertEquals(403, server.as("duty").patch("/api/admin/users/" + id, new JsonObject().put("active", false)).status());
  }

  @Test
  void numbersSentAsStringsAreRefusedNamingTheField() {
    JsonObject lot = admin.get("/api/lots?usable=true&size=1").json().getJsonArray("items").getJsonObject(0);
    long ledgerBefore = admin.get("/api/movements?size=1").json().getLong("total");
    Resp receipt = admin.post("/api/bases/" + lot.getLong("baseId") + "/receipts",
        new JsonObject().put("itemId", lot.getLong("itemId")).put("quantity", "5"), UUID.randomUUID().toString());
    assertEquals("must be a number", fieldError(receipt, "quantity"));
    Resp issue = admin.post("/api/lots/" + lot.getLong("id") + "/issues", new JsonObject().put("quantity", "1")
        .put("recipientType", "incident").put("recipient", "test"), UUID.randomUUID().toString());
    fieldError(issue, "quantity");
    assertEquals(ledgerBefore, admin.get("/api/movements?size=1").json().getLong("total"), "nothing was booked");
    fieldError(admin.put("/api/bases/" + lot.getLong("baseId") + "/quotas/" + lot.getLong("itemId"),
        new JsonObject().put("required", "1000")), "required");
    long checkpoint = admin.get("/api/checkpoints?size=1").json().getJsonArray("items").getJsonObject(0).getLong("id");
    fieldError(admin.post("/api/checkpoints/" + checkpoint + "/readings", new JsonObject().put("value", "3.2")
        .put("measuredAt", java.time.OffsetDateTime.now().toString())), "value");
    long reach = admin.get("/api/reaches?size=1").json().getJsonArray("items").getJsonObject(0).getLong("id");
    Resp hazard = admin.post("/api/hazards", new JsonObject().put("reachId", reach).put("type", "bank_collapse")
        .put("severity", "low").put("lat", "34.71").put("lon", 113.7).put("description", "x"), UUID.randomUUID().toString());
    fieldError(hazard, "lat");
  }

  @Test
  void aCallerWhoseRoleCanNeverWriteThereGets403BeforeTheBodyIsRead() {
    Api viewer = server.as("viewer");
    Api keeper = server.as("keeper");
    Api inspector = server.as("inspector");
    for (String path : List.of("/api/lots/1/issues", "/api/transfers", "/api/admin/units", "/api/hazards",
        "/api/checkpoints/1/readings", "/api/bases/1/receipts", "/api/alerts/1/acknowledge")) {
      Resp r = viewer.post(path, new JsonObject());
      assertEquals(403, r.status(), path + " " + r);
      assertEquals("forbidden", r.json().getString("error"));
    }
    assertEquals(403, keeper.post("/api/admin/units", new JsonObject()).status());
    assertEquals(403, keeper.post("/api/hazards", new JsonObject()).status());
    assertEquals(403, inspector.post("/api/lots/1/issues", new JsonObject()).status());
    assertEquals(403, inspector.put("/api/settings/response-level", new JsonObject()).status());
    assertEquals(401, server.anonymous.post("/api/lots/1/issues", new JsonObject()).status());
    // a role that may write there still gets its 400 for the bad body
    assertEquals(400, keeper.post("/api/lots/1/issues", new JsonObject(), UUID.randomUUID().toString()).status());
    assertEquals(400, admin.post("/api/admin/units", new JsonObject()).status());
  }

  @Test
  void everyAnswerCarriesTheSecurityHeaders() {
    for (Resp r : List.of(server.anonymous.get("/"), server.anonymous.get("/board.js"), server.anonymous.get("/health"),
        admin.get("/api/units"), server.anonymous.get("/api/units"), server.anonymous.get("/no-such-page"))) {
      String csp = r.header("Content-Security-Policy");
      assertNotNull(csp, r.request() + " has no Content-Security-Policy");
      assertTrue(csp.contains("default-src 'self'") && csp.contains("script-src 'self'")
          && csp.contains("frame-ancestors 'none'") && !csp.contains("http"), csp);
      assertEquals("nosniff", r.header("X-Content-Type-Options"), r.request());
      assertEquals("no-referrer", r.header("Referrer-Policy"));
    }
  }
}
