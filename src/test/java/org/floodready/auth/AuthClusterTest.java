package org.floodready.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.floodready.support.Api;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.On;
import org.floodready.support.Resp;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two real members (two Hazelcast instances over TCP, one database): revocations and the login limit span both. */
@FloodReadyTest(nodes = 2)
class AuthClusterTest {
  static TestServer a;
  static TestServer b;
  static Api adminA;

  @BeforeAll
  static void cluster(TestServer nodeA, @On("b") TestServer nodeB) {
    a = nodeA;
    b = nodeB;
    adminA = a.as("admin");
  }

  private static long createViewer(String username, String password) {
    Resp r = adminA.post("/api/admin/users", new JsonObject().put("username", username).put("displayName", "集群测试")
        .put("password", password).put("role", "viewer"));
    assertEquals(201, r.status(), r.toString());
    return r.json().getLong("id");
  }

  /** How long until the token is refused on the node, at most 5 s. */
  private static long millisUntilRefused(Api on) throws InterruptedException {
    long started = System.nanoTime();
    while (System.nanoTime() - started < Duration.ofSeconds(5).toNanos()) {
      if (on.get("/api/auth/me").status() == 401) {
        long took = (System.nanoTime() - started) / 1_000_000;
        System.out.println("token refused on the other node after " + took + " ms");
        return took;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the token still works on the other node after 5 s");
  }

  @Test
  void disablingAUserOnNodeARefusesHisTokenOnNodeBWithinASecond() throws Exception {
    long id = createViewer("cluster-off", "Kite-Marsh-Quarry-4");
    Api onB = b.as("cluster-off", "Kite-Marsh-Quarry-4");
    assertEquals(200, onB.get("/api/auth/me").status());
    assertEquals(200, onB.get("/api/units").status(), "now in B's verified-token memo");
    assertEquals(200, adminA.patch("/api/admin/users/" + id, new JsonObject().put("active", false)).status());
    long took = millisUntilRefused(onB);
    assertTrue(took < 1000, "refused on B after " + took + " ms");
    assertEquals(401, b.anonymous.post("/api/auth/login", new JsonObject().put("username", "cluster-off")
        .put("password", "Kite-Marsh-Quarry-4")).status());
  }

  @Test
  void aPasswordChangedOnNodeARefusesTheOldTokenOnNodeB() throws Exception {
    createViewer("cluster-pw", "Otter-Sluice-Ember-5");
    Api onA = a.as("cluster-pw", "Otter-Sluice-Ember-5");
    Api onB = b.as("cluster-pw", "Otter-Sluice-Ember-5");
    assertEquals(200, onB.get("/api/auth/me").status());
    Resp changed = onA.post("/api/auth/password", new JsonObject().put("currentPassword", "Otter-Sluice-Ember-5")
        .put("newPassword", "Heron-Dyke-Walnut-8"));
    assertEquals(200, changed.status(), changed.toString());
    long took = millisUntilRefused(onB);
    assertTrue(took < 1000, "refused on B after " + took + " ms");
    assertEquals(200, b.anonymous.withToken(changed.json().getString("token")).get("/api/auth/me").status(),
        "the new token works on the other node too");
  }

  @Test
  void failedLoginsCountAcrossTheCluster() {
    JsonObject bad = new JsonObject().put("username", "chief").put("password", "not-his-password");
    for (int i = 0; i < 5; i++) {
      Resp r = (i % 2 == 0 ? a : b).anonymous.post("/api/auth/login", bad);
      assertEquals(401, r.status(), "failure " + (i + 1) + ": " + r);
    }
    JsonObject good = new JsonObject().put("username", "chief").put("password", "Flood@2026");
    for (TestServer node : new TestServer[] {a, b}) {
      Resp limited = node.anonymous.post("/api/auth/login", good);
      assertEquals(429, limited.status(), "3 failures on A and 2 on B make 5 for the account: " + limited);
      assertTrue(Long.parseLong(limited.header("Retry-After")) > 0);
    }
  }
}
