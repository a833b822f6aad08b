package org.floodready.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import org.floodready.demo.DemoData;
import org.junit.jupiter.api.Test;

/** {@code demoData = false}: the node starts on an empty database, migrated, with no demo users. */
@FloodReadyTest(demoData = false)
class EmptyDatabaseNodeTest {
  @Test
  void noDemoUserCanLogIn(Api anonymous) {
    assertEquals(200, anonymous.get("/ready").status());
    for (String user : DemoData.USERS) {
      assertEquals(401, anonymous.post("/api/auth/login", new JsonObject().put("username", user)
          .put("password", DemoData.PASSWORD)).status(), user);
    }
  }
}
