package org.floodready.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.floodready.support.Api;
import org.floodready.support.As;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.Test;

@FloodReadyTest
class BoardApiTest {
  @Test
  void theBoardIsServedAtTheRootWithItsOwnAssets(TestServer server, Api anonymous) {
    Resp page = server.anonymous.get("/");
    assertEquals(200, page.status());
    assertTrue(page.header("Content-Type").startsWith("text/html"));
    assertTrue(page.body().contains("/board.js"));
    assertTrue(!page.body().contains("http://") && !page.body().contains("https://"), "no external assets");
    Resp js = server.anonymous.get("/board.js");
    assertEquals(200, js.status());
    assertTrue(!js.body().contains("https://"), "the script loads nothing from outside");
    assertEquals(200, anonymous.get("/board.css").status());
    assertEquals(404, anonymous.get("/no-such-file.js").status());
  }

  @Test
  void theDefinitionNeedsALoginAndListsThePanels(@As("viewer") Api viewer, Api anonymous) {
    assertEquals(401, anonymous.get("/api/dashboard/definition").status());
    Resp r = viewer.get("/api/dashboard/definition");
    assertEquals(200, r.status(), r.toString());
    JsonObject def = r.json();
    assertTrue(def.getString("title").contains("防汛值班室"));
    assertTrue(def.getJsonArray("panels").size() >= 8);
    for (Object p : def.getJsonArray("panels")) {
      JsonObject panel = (JsonObject) p;
      assertTrue(panel.getString("source").startsWith("/api/"), panel.encode());
    }
  }

  @Test
  void unknownPanelIs404(@As("duty") Api duty) {
    Resp r = duty.get("/api/dashboard/panels/nope");
    assertEquals(404, r.status());
    assertEquals("not_found", r.json().getString("error"));
  }
}
