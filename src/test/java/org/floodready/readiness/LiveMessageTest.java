package org.floodready.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
  void scopedCallersSeeOnlyTheirUnitsAndNoDistrictWideMessages() {
    Scope keeper = Scope.of(Set.of(5L, 17L));
    assertTrue(keeper.allows(5L));
    assertFalse(keeper.allows(6L));
    assertFalse(keeper.allows(null));
    assertTrue(Scope.EVERYTHING.allows(null));
    assertTrue(Scope.EVERYTHING.allows(6L));
  }
}
