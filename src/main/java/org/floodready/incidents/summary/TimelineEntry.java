package org.floodready.incidents.summary;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.function.Function;

/** One stock movement that served the incident or came back from it, in time order. */
public record TimelineEntry(OffsetDateTime at, String kind, String condition, String itemNameZh, String lotCode,
    String baseNameZh, BigDecimal quantity, String unitOfMeasure, String actorName, long movementId) {
  private static final Map<String, String> ACTIONS = Map.of("issue", "发出 Sent", "transfer", "调拨 Transfer",
      "return", "归还 Returned", "write_off", "核销 Written off");
  private static final Map<String, String> CONDITIONS = Map.of("good", "完好 Good",
      "needs_repair", "待修 Needs repair", "lost", "丢失 Lost");

  String actionZh() {
    return ACTIONS.getOrDefault(kind, kind);
  }

  String conditionZh() {
    return condition == null ? "" : CONDITIONS.getOrDefault(condition, condition);
  }

  JsonObject toJson(Function<OffsetDateTime, String> iso) {
    return new JsonObject().put("at", iso.apply(at)).put("kind", kind).put("actionZh", actionZh())
        .put("condition", condition).put("itemNameZh", itemNameZh).put("lotCode", lotCode)
        .put("baseNameZh", baseNameZh).put("quantity", Figures.json(quantity)).put("unitOfMeasure", unitOfMeasure)
        .put("actorName", actorName).put("movementId", movementId);
  }
}
