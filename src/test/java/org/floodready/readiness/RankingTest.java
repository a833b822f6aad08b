package org.floodready.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankingTest {
  private static JsonObject entry(String code, String level, Double score) {
    return new JsonObject().put("code", code).put("level", level).put("score", score);
  }

  @Test
  void ranksPeersOfOneLevelAndFlagsBestAndWorst() {
    JsonObject a = entry("A", "street", 90.0);
    JsonObject b = entry("B", "street", 70.0);
    JsonObject c = entry("C", "street", 90.0);
    JsonObject d = entry("D", "street", 40.0);
    JsonObject none = entry("E", "street", null);
    JsonObject district = entry("X", "district", 10.0);
    Ranking.apply(List.of(a, b, c, d, none, district));
    assertEquals(1, a.getInteger("rank"));
    assertEquals(1, c.getInteger("rank"), "equal scores share a rank");
    assertEquals(3, b.getInteger("rank"));
    assertEquals(4, d.getInteger("rank"));
    assertEquals(4, d.getInteger("peers"));
    assertEquals("red", a.getString("flag"));
    assertEquals("red", c.getString("flag"));
    assertEquals("black", d.getString("flag"));
    assertNull(b.getString("flag"));
    assertNull(none.getValue("rank"));
    assertEquals(1, district.getInteger("rank"));
    assertNull(district.getString("flag"), "no flags with fewer than three peers");
  }
}
