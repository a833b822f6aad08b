package org.floodready.inventory;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;
import org.floodready.audit.AuditLog;
import org.floodready.access.CurrentUser;
import org.floodready.errors.ApiError;
import org.floodready.db.Outcome;

/**
 * Equipment coming back from an incident: good pieces go back into stock, pieces needing repair into a lot
 * of their own that is not usable until repaired, lost pieces are written off. One transaction each.
 */
final class ReturnService {
  private static final Map<String, String> WORDS = Map.of("good", "完好 good", "needs_repair", "待修 needs repair",
      "lost", "丢失 lost");

  private final LotRepository lots;
  private final StockService stock;

  ReturnService(LotRepository lots, StockService stock) {
    this.lots = lots;
    this.stock = stock;
  }

  /** {@code issued} is the lot the pieces left from; {@code baseId} where they come back to. */
  Future<Outcome> book(SqlClient tx, CurrentUser actor, long incidentId, Lot issued, long baseId, long unitId,
      InventoryValidation.ReturnInput in, PendingEvents events) {
    OffsetDateTime now = stock.nowInMicros();
    return IncidentRefs.forReturn(tx, incidentId)
        .compose(incident -> lots.lock(tx, issued.id()))
        .compose(locked -> stillOut(tx, incidentId, issued.id()).compose(out -> {
          if (out.compareTo(in.quantity()) < 0) {
            String left = Quantities.json(out).toPlainString() + " " + issued.unitOfMeasure();
            throw new ApiError(409, "return_exceeds_out", "Only " + left + " of " + issued.itemNameZh()
                + " from lot " + issued.lotCode() + " is still out at incident " + incidentId + ", not "
                + in.quantity().toPlainString(), Map.of("quantity", "still out: " + left));
          }
          String note = "归还 Returned from 险情 #" + incidentId + " · " + WORDS.get(in.condition())
              + (in.note() == null ? "" : " · " + in.note());
          Future<Outcome> movement = in.condition().equals("lost")
              ? stock.finish(tx, actor, new Movement("write_off", issued.id(), issued.baseId(), issued.itemId(),
                  BigDecimal.ZERO, locked.getBigDecimal("quantity"), now, actor).reason("lost").incident(incidentId)
                  .note(note), issued, events)
              : comeBack(tx, actor, incidentId, issued, baseId, unitId, in, note, now, events);
          return movement.compose(m -> record(tx, actor, incidentId, issued, in, m.body(), now)
              .compose(returnId -> logged(tx, actor, incidentId, issued, in, returnId, m.body(), now, events)
                  .map(v -> new Outcome(201, answer(returnId, incidentId, issued, in, m.body(),
                      out.subtract(in.quantity()))))));
        }));
  }

  private Future<Outcome> comeBack(SqlClient tx, CurrentUser actor, long incidentId, Lot issued, long baseId,
      long unitId, InventoryValidation.ReturnInput in, String note, OffsetDateTime now, PendingEvents events) {
    boolean repair = in.condition().equals("needs_repair");
    return lots.returnInto(tx, issued.id(), baseId, in.quantity(), repair, repair ? "needs_repair" : "usable", now)
        .compose(balance -> {
          LotRepository.Balance b = balance.orElseThrow(() -> ApiError.conflict("lot_scrapped", "Lot "
              + issued.lotCode() + " at the receiving base is scrapped; return the pieces to another base"));
          Movement m = new Movement("return", b.lotId(), baseId, issued.itemId(), in.quantity(), b.quantity(), now,
              actor).incident(incidentId).note(note);
          if (repair) {
            m.condition(null, "needs_repair");
          }
          return stock.finish(tx, actor, m, unitId, events);
        });
  }

  /** Issued to the incident from this lot, less what already came back or was reported lost. */
  static Future<BigDecimal> stillOut(SqlClient tx, long incidentId, long lotId) {
    return tx.preparedQuery("SELECT (SELECT COALESCE(-sum(quantity), 0) FROM stock_movements"
            + " WHERE incident_id = $1 AND lot_id = $2 AND kind = 'issue')"
            + " - (SELECT COALESCE(sum(quantity), 0) FROM incident_returns WHERE incident_id = $1 AND issued_lot_id = $2)"
            + " AS out")
        .execute(Tuple.of(incidentId, lotId))
        .map(rows -> rows.iterator().next().getBigDecimal("out"));
  }

  private static Future<Long> record(SqlClient tx, CurrentUser actor, long incidentId, Lot issued,
      InventoryValidation.ReturnInput in, JsonObject movement, OffsetDateTime now) {
    boolean lost = in.condition().equals("lost");
    return tx.preparedQuery("INSERT INTO incident_returns (incident_id, issued_lot_id, item_id, quantity, condition,"
            + " base_id, lot_id, movement_id, note, returned_by, returned_at)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id")
        .execute(Tuple.wrap(new java.util.ArrayList<>(java.util.Arrays.asList(incidentId, issued.id(),
            issued.itemId(), in.quantity(), in.condition(), lost ? null : movement.getLong("baseId"),
            lost ? null : movement.getLong("lotId"), movement.getLong("id"), in.note(), actor.id(), now))))
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  /** The audit row of the return and the line on the incident's log; the event waits for the commit. */
  private static Future<Void> logged(SqlClient tx, CurrentUser actor, long incidentId, Lot issued,
      InventoryValidation.ReturnInput in, long returnId, JsonObject movement, OffsetDateTime now,
      PendingEvents events) {
    JsonObject detail = new JsonObject().put("incidentId", incidentId).put("issuedLotId", issued.id())
        .put("itemId", issued.itemId()).put("quantity", Quantities.json(in.quantity()))
        .put("condition", in.condition()).put("movementId", movement.getLong("id"))
        .put("lotId", movement.getLong("lotId"));
    events.incidentSupplies(incidentId, "returned");
    return AuditLog.record(tx, now, actor, "incident.return", "incident_return", returnId, detail)
        .compose(v -> IncidentRefs.log(tx, incidentId, now, actor, "supplies_returned",
            "归还 Returned " + issued.itemNameZh() + " " + Quantities.json(in.quantity()).toPlainString() + " "
                + issued.unitOfMeasure() + " · " + WORDS.get(in.condition()), detail));
  }

  private static JsonObject answer(long returnId, long incidentId, Lot issued, InventoryValidation.ReturnInput in,
      JsonObject movement, BigDecimal stillOut) {
    return new JsonObject().put("id", returnId).put("incidentId", incidentId).put("issuedLotId", issued.id())
        .put("itemId", issued.itemId()).put("itemNameZh", issued.itemNameZh())
        .put("unitOfMeasure", issued.unitOfMeasure()).put("quantity", Quantities.json(in.quantity()))
        .put("condition", in.condition()).put("note", in.note())
        .put("lotId", in.condition().equals("lost") ? null : movement.getLong("lotId"))
        .put("lotCode", in.condition().equals("lost") ? null : movement.getString("lotCode"))
        .put("baseId", in.condition().equals("lost") ? null : movement.getLong("baseId"))
        .put("stillOut", Quantities.json(stillOut)).put("movement", movement);
  }
}
