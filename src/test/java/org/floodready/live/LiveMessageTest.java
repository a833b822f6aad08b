package org.floodready.live;

import org.floodready.access.Scope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LiveMessageTest {

  @Test
  void alertEventsTravelAsAlertAndEveryMessageIsOneSseBlock() {
    LiveMessage alert = new LiveMessage(42, "alert.escalated", 7L, new JsonObject().put("type", "alert.escalated")
        .put("note", "line one\nline two"));
    assertEquals("alert", alert.eventName());
    String sse = alert.toSse();
    assertTrue(sse.startsWith("id: 42\nevent: alert\ndata: {"), sse);
    assertTrue(sse.endsWith("}\n\n"));
    assertEquals(4, sse.split("\n", -1).length - 1, "a newline in the data stays escaped inside the JSON");
    assertEquals("stock.changed", new LiveMessage(1, "stock.changed", 7L, new JsonObject()).eventName());
  }

  @Test
  void theFrameIsEncodedOnceAndIsTheSseBlockAsUtf8() {
    JsonObject payload = new JsonObject().put("unitId", 7).put("note", "水位 \"high\"");
    LiveMessage m = new LiveMessage(9, "stock.changed", 7L, payload);
    assertSame(m.frame(), m.frame(), "built once, then shared by every client");
    assertEquals(m.toSse(), m.frame().toString(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(payload, m.payload());
    assertEquals(m.toSse(), new LiveMessage(9, "stock.changed", 7L, payload.encode()).toSse());
  }

  @Test
  void aBatchTravelsAsTheFramesOfItsMessagesInOrder() {
    LiveMessage a = new LiveMessage(1, "stock.changed", 1L, new JsonObject().put("n", 1));
    LiveMessage b = new LiveMessage(2, "readiness", 2L, new JsonObject().put("n", 2));
    assertEquals(a.toSse() + b.toSse(), LiveClient.frames(java.util.List.of(a, b)).toString());
    assertSame(a.frame(), LiveClient.sharedFrames(java.util.List.of(a)));
    LiveMessage big = new LiveMessage(3, "stock.changed", 1L,
        new JsonObject().put("padding", "x".repeat(LiveClient.MAX_CHUNK_BYTES)));
    assertNull(LiveClient.sharedFrames(java.util.List.of(a, big)), "too big for one chunk: written one by one");
  }

  @Test
  void scopedCallersSeeOnlyTheirUnitsAndNoDistrictWideMessages() {
    Scope keeper = Scope.of(Set.of(5L, 17L));
    assertTrue(keeper.allows(5L));
    assertFalse(keeper.allows(6L));
    assertFalse(keeper.allows(null));
    assertTrue(Scope.EVERYTHING.allows(null));
    assertTrue(Scope.EVERYTHING.allows(6L));
  }
}
