package org.floodready.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The extension's own promises: one node per class, its own node for a {@link FreshServer} method, shared logins. */
@FloodReadyTest(args = {"--max-body-bytes", "4096"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FreshServerTest {
  static final String CODE = "Z-FRESH";
  static TestServer classNode;

  @BeforeAll
  static void remember(TestServer server) {
    classNode = server;
  }

  @Test
  @Order(1)
  void theClassNodeKeepsWhatATestWrote(TestServer server, @As("admin") Api admin, Users users) {
    assertSame(classNode, server);
    assertSame(admin, users.as("admin"), "one login per user and node");
    Resp created = admin.post("/api/items", new JsonObject().put("code", CODE).put("nameZh", "测试").put("nameEn", "Test")
        .put("category", "materials").put("unitOfMeasure", "件").put("criticality", 1));
    assertEquals(201, created.status(), created.toString());
    assertEquals(413, admin.raw("POST", "/api/items", "application/json", new byte[5000]).status(),
        "the class's extra flags reach the node");
  }

  @Test
  @Order(2)
  void theNextTestSeesItOnTheSameNode(@As("viewer") Api viewer) {
    assertEquals(1, viewer.get("/api/items?q=" + CODE).json().getLong("total"));
  }

  @Test
  @Order(3)
  @FreshServer
  void aFreshServerIsAnotherNodeOnAPristineDatabase(TestServer server, @As("viewer") Api viewer) {
    assertNotEquals(classNode.server.port(), server.server.port());
    assertEquals(0, viewer.get("/api/items?q=" + CODE).json().getLong("total"));
  }
}
