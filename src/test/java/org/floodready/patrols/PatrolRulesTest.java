package org.floodready.patrols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.floodready.input.Fields;
import org.junit.jupiter.api.Test;

class PatrolRulesTest {
  @Test
  void defaultsFollowHenansRule() {
    PatrolRules d = PatrolRules.defaults();
    assertEquals(PatrolPeriod.HALF_YEAR, d.frequency().get(ChiefLevel.CITY).period());
    assertEquals(PatrolPeriod.QUARTER, d.frequency().get(ChiefLevel.COUNTY).period());
    assertEquals(PatrolPeriod.MONTH, d.frequency().get(ChiefLevel.TOWNSHIP).period());
    assertEquals(PatrolPeriod.WEEK, d.frequency().get(ChiefLevel.VILLAGE).period());
    assertEquals(600, d.minDurationS());
    assertEquals(1000, d.minDistanceM());
    assertEquals(30, d.maxSpeedKmh());
    assertEquals(200, d.maxDistanceFromReachM());
  }

  @Test
  void overridesReplaceOnlyTheKeysGiven() {
    JsonObject o = new JsonObject().put("minDurationS", 1800)
        .put("frequency", new JsonObject().put("village", new JsonObject().put("times", 2)));
    Fields in = new Fields(o);
    PatrolRules r = PatrolRules.defaults().with(o, in);
    assertTrue(in.valid());
    assertEquals(1800, r.minDurationS());
    assertEquals(1000, r.minDistanceM());
    assertEquals(new PatrolRules.Frequency(PatrolPeriod.WEEK, 2), r.frequency().get(ChiefLevel.VILLAGE));
  }

  @Test
  void unknownKeysAndBadValuesAreReported() {
    JsonObject o = new JsonObject().put("minDuration", 5).put("maxSpeedKmh", -1)
        .put("frequency", new JsonObject().put("province", new JsonObject()));
    Fields in = new Fields(o);
    PatrolRules.defaults().with(o, in);
    assertFalse(in.valid());
  }

  @Test
  void aReachMayHaveItsOwnFrequency() {
    JsonObject reach = new JsonObject().put("period", "week").put("times", 3);
    assertEquals(new PatrolRules.Frequency(PatrolPeriod.WEEK, 3),
        PatrolRules.defaults().frequencyFor(ChiefLevel.COUNTY, reach));
    assertEquals(new PatrolRules.Frequency(PatrolPeriod.QUARTER, 1),
        PatrolRules.defaults().frequencyFor(ChiefLevel.COUNTY, new JsonObject()));
  }
}
