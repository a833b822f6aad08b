package org.floodready.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import org.floodready.support.Api;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad input gets the right 4xx in the JSON error model and writes nothing. */
@FloodReadyTest
class ErrorModelTest {
  static TestServer server;
  static Api admin;

  @BeforeAll
  static void start(TestServer node) throws Exception {
    server = node;
    admin = server.as("admin");
  }

  private static long users() {
    return admin.get("/api/admin/users?size=1").json().getLong("total");
  }

  private static long units() {
    return admin.get("/api/units").json().getJsonArray("items").size();
  }

  private static void assertError(Resp r, int status, String code) {
    assertEquals(status, r.status(), r.toString());
    JsonObject body = r.json();
    assertEquals(code, body.getString("error"), r.toString());
    assertTrue(body.getString("message").length() > 5);
    assertTrue(r.header("Content-Type").startsWith("application/json"));
  }

  @Test
  void malformedJsonIs400() {
    long before = users();
    assertError(admin.raw("POST", "/api/admin/users", "application/json", "{\"username\": ".getBytes()),
        400, "malformed_json");
    assertError(admin.raw("POST", "/api/admin/users", "application/json", "[1,2]".getBytes()), 400, "malformed_json");
    assertEquals(before, users());
  }

  @Test
  void wrongTypesAndMissingFieldsNameEachField() {
    long before = users();
    Resp r = admin.post("/api/admin/users", new JsonObject().put("username", 42).put("role", "pope"));
    assertError(r, 400, "validation_failed");
    JsonObject fields = r.json().getJsonObject("fields");
    assertEquals("must be a string", fields.getString("username"));
    assertEquals("is required", fields.getString("displayName"));
    assertEquals("is required", fields.getString("password"));
    assertTrue(fields.getString("role").startsWith("must be one of"));
    assertEquals(before, users());
  }

  @Test
  void unitUnderUnknownParentIs400AndWritesNothing() {
    long before = units();
    Resp r = admin.post("/api/admin/units", new JsonObject()
        .put("code", "X-1").put("nameZh", "测试").put("nameEn", "Test").put("parentId", 999999));
    assertError(r, 400, "validation_failed");
    assertEquals(before, units());
  }

  @Test
  void oversizedBodyIs413() {
    byte[] big = new byte[9 * 1024 * 1024];
    Arrays.fill(big, (byte) ' ');
    big[0] = '{';
    big[big.length - 1] = '}';
    long before = users();
    assertError(admin.raw("POST", "/api/admin/users", "application/json", big), 413, "body_too_large");
    assertEquals(before, users());
  }

  @Test
  void wrongContentTypeIs415() {
    assertError(admin.raw("POST", "/api/admin/users", "text/plain", "username=x".getBytes()),
        415, "unsupported_media_type");
  }

  @Test
  void unknownRouteAndUnknownIdAre404() {
    assertError(admin.get("/api/no-such-thing"), 404, "not_found");
    assertError(admin.get("/api/units/999999"), 404, "not_found");
    assertError(admin.get("/api/units/abc"), 400, "validation_failed");
  }

  @Test
  void badQueryParametersAre400() {
    assertError(admin.get("/api/audit?size=100000"), 400, "validation_failed");
    assertError(admin.get("/api/audit?sort=password"), 400, "validation_failed");
    assertError(admin.get("/api/audit?from=yesterday"), 400, "validation_failed");
  }
}
