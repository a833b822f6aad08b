package org.floodready.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.vertx.core.json.JsonObject;
import java.util.AbstractMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-key update that runs inside Hazelcast: versions, changedAt per figure, no going back in time. */
class ApplyFiguresTest {
  static final JsonObject UNIT = new JsonObject().put("unitId", 7).put("code", "S").put("level", "street");

  private static UnitSnapshot apply(Map.Entry<Long, UnitSnapshot> entry, JsonObject metrics, long seq, String now) {
    return new ApplyFigures(UNIT, metrics, seq, now).process(entry);
  }

  @Test
  void changedFiguresBumpTheVersionAndKeepTheTimesOfUnchangedOnes() {
    Map.Entry<Long, UnitSnapshot> entry = new AbstractMap.SimpleEntry<>(7L, null);
    UnitSnapshot first = apply(entry, new JsonObject().put("score", 80.0).put("openHazards", 2), 10, "T1");
    assertNotNull(first);
    assertEquals(1, first.version());

    assertNull(apply(entry, new JsonObject().put("score", 80.0).put("openHazards", 2), 11, "T2"),
        "nothing changed: no new version");
    assertEquals(1, entry.getValue().version());
    assertEquals(11, entry.getValue().seq());

    UnitSnapshot second = apply(entry, new JsonObject().put("score", 75.0).put("openHazards", 2), 12, "T3");
    assertEquals(2, second.version());
    JsonObject metrics = second.toJson().getJsonObject("metrics");
    assertEquals("T3", metrics.getJsonObject("score").getString("changedAt"));
    assertEquals("T1", metrics.getJsonObject("openHazards").getString("changedAt"));
  }

  @Test
  void figuresFromAnOlderReadNeverReplaceNewerOnes() {
    Map.Entry<Long, UnitSnapshot> entry = new AbstractMap.SimpleEntry<>(7L, null);
    apply(entry, new JsonObject().put("score", 60.0), 20, "T1");
    UnitSnapshot current = entry.getValue();
    assertNull(apply(entry, new JsonObject().put("score", 99.0), 19, "T2"));
    assertSame(current, entry.getValue());
  }
}
