package org.floodready.checkpoints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import org.floodready.errors.ApiError;
import org.floodready.input.Fields;
import org.floodready.support.Contract;
import org.junit.jupiter.api.Test;

class CheckpointValidationTest {
  static final OffsetDateTime NOW = OffsetDateTime.parse("2026-07-20T08:00:00+08:00");

  @Test
  void aValidReservoirDraft() {
    CheckpointDraft d = draft(Fixtures.reservoir("R-1", 1));
    assertEquals("reservoir", d.kind());
    assertEquals(135.0, d.reservoir().crest());
    assertEquals(2, d.floodLimits().size());
  }

  @Test
  void waterloggingThresholdsDefaultByPointKind() {
    CheckpointDraft road = draft(Fixtures.waterlogging("W-1", 1, "road"));
    CheckpointDraft tunnel = CheckpointValidation.draft(Fixtures.waterlogging("W-2", 1, "tunnel"));
    assertEquals(15, road.waterlogging().attention());
    assertEquals(10, tunnel.waterlogging().attention(), "tunnels are stricter");
  }

  @Test
  void levelsOutOfOrderAndOverlappingPeriodsNameTheirFields() {
    JsonObject body = Fixtures.reservoir("R-2", 1);
    body.getJsonObject("reservoir").put("crestLevel", 100);
    body.getJsonArray("floodLimits").add(new JsonObject().put("name", "x").put("startMd", "07-01")
        .put("endMd", "07-10").put("level", 126));
    ApiError e = assertThrows(ApiError.class, () -> CheckpointValidation.draft(body));
    assertTrue(e.fields().containsKey("reservoir.crestLevel"), e.fields().toString());
    ApiError overlap = assertThrows(ApiError.class, () -> CheckpointValidation.draft(
        Fixtures.reservoir("R-3", 1).put("floodLimits", new JsonArray()
            .add(new JsonObject().put("name", "a").put("startMd", "06-01").put("endMd", "08-31").put("level", 126))
            .add(new JsonObject().put("name", "b").put("startMd", "08-15").put("endMd", "09-30").put("level", 127)))));
    assertTrue(overlap.fields().containsKey("floodLimits[1].startMd"), overlap.fields().toString());
  }

  @Test
  void missingKindAndBadMonthDay() {
    ApiError e = assertThrows(ApiError.class, () -> draft(new JsonObject().put("code", "X")));
    assertTrue(e.fields().keySet().containsAll(java.util.List.of("kind", "nameZh", "unitId", "lat", "lon")), e.fields().toString());
    JsonObject body = Fixtures.reservoir("R-4", 1);
    body.getJsonArray("floodLimits").getJsonObject(0).put("startMd", "13-01");
    ApiError md = assertThrows(ApiError.class, () -> CheckpointValidation.draft(body));
    assertTrue(md.fields().containsKey("floodLimits[0].startMd"), md.fields().toString());
  }

  /** As the server reads it: the contract's check, then the rules across fields. */
  private static CheckpointDraft draft(JsonObject body) {
    Contract.check("createAdminCheckpoint", body);
    return CheckpointValidation.draft(body);
  }

  private static java.util.Map<String, String> readingErrors(Checkpoint c, Object value, String at) {
    Fields f = new Fields(new JsonObject().put("value", value).put("measuredAt", at));
    try {
      Contract.check("createCheckpointReading", f.json()); // as the server: the contract, then the checkpoint
      CheckpointValidation.ReadingInput r = CheckpointValidation.reading(f.json(), c.id());
      CheckpointValidation.checkReading(f, c, r.value(), r.measuredAt(), NOW);
      f.validate();
      return java.util.Map.of();
    } catch (ApiError e) {
      return e.fields();
    }
  }

  @Test
  void physicallyImpossibleReadings() {
    String at = NOW.toString();
    assertEquals(java.util.Map.of(), readingErrors(WarningRulesTest.RESERVOIR, 126.5, at));
    assertTrue(readingErrors(WarningRulesTest.RESERVOIR, 117.9, at).containsKey("value"), "below the bed");
    assertTrue(readingErrors(WarningRulesTest.RESERVOIR, 140.01, at).containsKey("value"), "crest + 5 m");
    assertEquals(java.util.Map.of(), readingErrors(WarningRulesTest.RESERVOIR, 140.0, at));
    assertTrue(readingErrors(WarningRulesTest.ROAD, -1, at).containsKey("value"), "negative depth");
    assertTrue(readingErrors(WarningRulesTest.ROAD, 5, NOW.plusMinutes(6).toString()).containsKey("measuredAt"));
    assertEquals(java.util.Map.of(), readingErrors(WarningRulesTest.ROAD, 5, NOW.plusMinutes(4).toString()));
    assertTrue(readingErrors(WarningRulesTest.ROAD, 5.123, at).containsKey("value"), "two decimals at most");
    assertTrue(readingErrors(WarningRulesTest.ROAD, 5, "yesterday").containsKey("measuredAt"));
  }
}
