package org.floodready.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.floodready.support.Api;
import org.floodready.support.As;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.junit.jupiter.api.Test;

@FloodReadyTest
class AuthApiTest {
  private static Resp login(Api anonymous, String user, String password) {
    return anonymous.post("/api/auth/login", new JsonObject().put("username", user).put("password", password));
  }

  @Test
  void loginReturnsATokenThatIdentifiesTheUser(Api anonymous) {
    Resp r = login(anonymous, "duty", "Flood@2026");
    assertEquals(200, r.status(), r.toString());
    String token = r.json().getString("token");
    assertNotNull(token);
    assertNotNull(r.header("Set-Cookie"));
    Resp me = anonymous.withToken(token).get("/api/auth/me");
    assertEquals(200, me.status());
    assertEquals("duty_officer", me.json().getString("role"));
  }

  @Test
  void wrongPasswordAndUnknownUserGetTheSame401(Api anonymous) {
    Resp wrong = login(anonymous, "viewer", "not-the-password");
    Resp unknown = login(anonymous, "nobody-here", "whatever");
    assertEquals(401, wrong.status());
    assertEquals(401, unknown.status());
    assertEquals(wrong.json().getString("message"), unknown.json().getString("message"));
    assertEquals("unauthorized", wrong.json().getString("error"));
  }

  @Test
  void repeatedFailuresAreRateLimitedPerAccount(Api anonymous) {
    for (int i = 0; i < 5; i++) {
      assertEquals(401, login(anonymous, "inspector", "bad-" + i).status());
    }
    Resp limited = login(anonymous, "inspector", "Flood@2026");
    assertEquals(429, limited.status(), limited.toString());
    assertEquals("too_many_requests", limited.json().getString("error"));
    assertNotNull(limited.header("Retry-After"));
  }

  @Test
  void noTokenIs401AndBadTokenIs401(Api anonymous) {
    assertEquals(401, anonymous.get("/api/auth/me").status());
    Resp bad = anonymous.withToken("not.a.token").get("/api/units");
    assertEquals(401, bad.status());
    assertEquals("unauthorized", bad.json().getString("error"));
  }

  @Test
  void viewerCallingAnAdminEndpointIs403(@As("viewer") Api viewer) {
    Resp r = viewer.get("/api/admin/users");
    assertEquals(403, r.status());
    assertEquals("forbidden", r.json().getString("error"));
    Resp create = viewer.post("/api/admin/users", new JsonObject().put("username", "x"));
    assertEquals(403, create.status());
  }

  @Test
  void adminCreatesAUserWhoCanLogIn(@As("admin") Api admin, Api anonymous) {
    Resp created = admin.post("/api/admin/users", new JsonObject()
        .put("username", "keeper2").put("displayName", "仓库管理员 二").put("password", "s3cret-pass")
        .put("role", "base_keeper"));
    assertEquals(201, created.status(), created.toString());
    assertEquals(200, login(anonymous, "keeper2", "s3cret-pass").status());
    Resp again = admin.post("/api/admin/users", new JsonObject()
        .put("username", "keeper2").put("displayName", "dup").put("password", "s3cret-pass")
        .put("role", "base_keeper"));
    assertEquals(409, again.status());
    Resp audit = admin.get("/api/audit?action=user.create");
    assertEquals(200, audit.status());
    assertTrue(audit.json().getLong("total") >= 1);
  }

  @Test
  void gaugeApiKeyAuthenticatesAndIsStoredHashed(@As("admin") Api admin, Api anonymous) {
    Resp created = admin.post("/api/admin/api-keys", new JsonObject().put("name", "gauge-1"));
    assertEquals(201, created.status(), created.toString());
    String key = created.json().getString("key");
    Resp me = anonymous.with("X-Api-Key", key).get("/api/auth/me");
    assertEquals(200, me.status(), me.toString());
    assertEquals("gauge", me.json().getString("role"));
    Resp list = admin.get("/api/admin/api-keys");
    assertTrue(!list.body().contains(key), "the key itself is never listed");
    Resp wrong = anonymous.with("X-Api-Key", "frk_nope").get("/api/auth/me");
    assertEquals(401, wrong.status());
  }
}
