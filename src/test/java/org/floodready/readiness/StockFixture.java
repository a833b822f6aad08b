package org.floodready.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.floodready.app.AppContext;
import org.floodready.inventory.CoverageRow;
import org.floodready.inventory.CoverageService;
import org.floodready.support.Api;
import org.floodready.support.Resp;

/**
 * A usable lot of a pump, generator or boat with a quota at one of the given bases (any base when empty),
 * so that issuing one piece visibly changes readiness (the usable equipment count is a whole number).
 */
record StockFixture(long baseId, long unitId, long itemId, long lotId) {

  static StockFixture find(AppContext app, Api admin, Set<Long> baseIds) throws Exception {
    return find(app, admin, baseIds, 3, true);
  }

  /** A usable lot of any item with a quota, holding at least {@code pieces}. */
  static StockFixture plenty(AppContext app, Api admin, int pieces) throws Exception {
    return find(app, admin, Set.of(), pieces, false);
  }

  private static StockFixture find(AppContext app, Api admin, Set<Long> baseIds, int pieces, boolean equipment)
      throws Exception {
    var rows = new CoverageService(app).coverage(OffsetDateTime.now()).toCompletionStage().toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
    for (CoverageRow row : rows.stream().sorted(Comparator.comparing(CoverageRow::usable).reversed()).toList()) {
      StockLine line = new StockLine(row.unitId(), row.category(), row.itemNameZh(), row.itemNameEn(), row.itemCode(),
          row.equipment(), row.criticality(), row.required().doubleValue(), row.usable().doubleValue());
      if ((baseIds.isEmpty() || baseIds.contains(row.baseId())) && (!equipment || ReadinessCalculator.equipmentKind(line) != null)
          && row.usable().compareTo(BigDecimal.valueOf(pieces)) >= 0) {
        Resp lots = admin.get("/api/lots?baseId=" + row.baseId() + "&itemId=" + row.itemId() + "&usable=true");
        assertEquals(200, lots.status(), lots.toString());
        for (Object o : lots.json().getJsonArray("items")) {
          JsonObject lot = (JsonObject) o;
          if (lot.getBoolean("usable") && new BigDecimal(lot.getValue("quantity").toString()).intValue() >= pieces) {
            return new StockFixture(row.baseId(), row.unitId(), row.itemId(), lot.getLong("id"));
          }
        }
      }
    }
    throw new IllegalStateException("the demo data has no usable lot of " + pieces + (equipment
        ? " pumps, generators or boats" : "") + " at " + (baseIds.isEmpty() ? "any base" : baseIds));
  }

  /** Issues one piece from the lot through the API; the posted movement's id. */
  long issueOne(Api on) {
    Resp r = on.post("/api/lots/" + lotId + "/issues", new JsonObject().put("quantity", 1)
        .put("recipientType", "incident").put("recipient", "readiness test"), UUID.randomUUID().toString());
    if (r.status() != 201) {
      throw new IllegalStateException("issue not acknowledged: " + r);
    }
    return r.json().getLong("id");
  }
}
