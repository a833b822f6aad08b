package org.floodready.inventory;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.floodready.app.AppContext;
import org.floodready.access.CurrentUser;
import org.floodready.errors.ApiError;
import org.floodready.db.Outcome;

/** Issue of an item from a base: the server takes the usable lots that expire first (FEFO). */
final class ItemIssueService {
  /** How much one lot gives to the issue. */
  private record Take(Lot lot, BigDecimal quantity) {
  }

  private final AppContext app;
  private final LotRepository lots;
  private final StockService stock;

  ItemIssueService(AppContext app, LotRepository lots, StockService stock) {
    this.app = app;
    this.lots = lots;
    this.stock = stock;
  }

  Future<Outcome> issue(SqlClient tx, CurrentUser actor, Base base, Item item, InventoryValidation.ItemIssueInput in,
      OffsetDateTime occurredAt, PendingEvents events) {
    OffsetDateTime now = stock.nowInMicros();
    OffsetDateTime at = StockService.happened(occurredAt, now);
    InventoryValidation.IssueInput issue = in.issue();
    LocalDate today = now.atZoneSameInstant(app.config().zone()).toLocalDate();
    return IncidentRefs.forIssue(tx, issue.incidentId()).compose(incident ->
        lots.lockUsable(tx, base.id(), item.id(), today, app.config().zone().getId())
            .map(usable -> plan(usable, issue.quantity(), base, item))
            .compose(takes -> {
              List<JsonObject> movements = new ArrayList<>();
              Future<Void> chain = Future.succeededFuture();
              for (Take t : takes) {
                chain = chain.compose(v -> stock.issueFrom(tx, actor, t.lot(), t.quantity(), issue, incident, at, now,
                    events).map(o -> {
                      movements.add(o.body());
                      return null;
                    }));
              }
              return chain.compose(v -> stock.logIssue(tx, actor, incident, now, movements, events))
                  .map(v -> new Outcome(201, answer(base, item, issue, takes, movements)));
            }));
  }

  /** The lots in issue order until the quantity is met; 409 with what is usable when they hold too little. */
  private static List<Take> plan(List<Lot> usable, BigDecimal wanted, Base base, Item item) {
    BigDecimal available = usable.stream().map(Lot::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (available.compareTo(wanted) < 0) {
      String holds = Quantities.json(available).toPlainString() + " " + item.unitOfMeasure();
      throw new ApiError(409, "insufficient_stock", base.nameZh() + " has only " + holds + " of " + item.nameZh()
          + " usable (in " + usable.size() + " lots), not " + wanted.toPlainString() + " " + item.unitOfMeasure(),
          Map.of("quantity", "usable at this base: " + holds));
    }
    List<Take> takes = new ArrayList<>();
    BigDecimal left = wanted;
    for (Lot lot : usable) {
      if (left.signum() == 0) {
        break;
      }
      BigDecimal take = lot.quantity().min(left);
      takes.add(new Take(lot, take));
      left = left.subtract(take);
    }
    return takes;
  }

  private JsonObject answer(Base base, Item item, InventoryValidation.IssueInput issue, List<Take> takes,
      List<JsonObject> movements) {
    JsonArray lotsTaken = new JsonArray();
    for (int i = 0; i < takes.size(); i++) {
      Lot lot = takes.get(i).lot();
      JsonObject m = movements.get(i);
      lotsTaken.add(new JsonObject().put("lotId", lot.id()).put("lotCode", lot.lotCode())
          .put("expiresOn", lot.expiresOn() == null ? null : lot.expiresOn().toString())
          .put("quantity", Quantities.json(takes.get(i).quantity())).put("balance", m.getValue("balance"))
          .put("movementId", m.getLong("id")));
    }
    JsonObject first = movements.get(0);
    return new JsonObject().put("baseId", base.id()).put("baseNameZh", base.nameZh()).put("itemId", item.id())
        .put("itemCode", item.code()).put("itemNameZh", item.nameZh()).put("unitOfMeasure", item.unitOfMeasure())
        .put("quantity", Quantities.json(issue.quantity())).put("incidentId", issue.incidentId())
        .put("recipientType", first.getString("recipientType")).put("recipient", first.getString("recipient"))
        .put("at", first.getString("at")).put("lots", lotsTaken).put("movements", new JsonArray(movements));
  }
}
