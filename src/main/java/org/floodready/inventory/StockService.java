package org.floodready.inventory;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.floodready.app.AppContext;
import org.floodready.audit.AuditLog;
import org.floodready.access.CurrentUser;
import org.floodready.events.EventType;
import org.floodready.errors.ApiError;
import org.floodready.db.Outcome;

/**
 * Stock changes at one base, each run inside the caller's transaction: the lot's on-hand and its
 * ledger row change together, with the audit entry; events wait for the commit.
 */
final class StockService {
  private final AppContext app;
  private final LotRepository lots;

  StockService(AppContext app, LotRepository lots) {
    this.app = app;
    this.lots = lots;
  }

  Future<Outcome> receive(SqlClient tx, CurrentUser actor, Base base, Item item,
      InventoryValidation.ReceiptInput in, OffsetDateTime occurredAt, PendingEvents events) {
    OffsetDateTime now = app.now();
    LocalDate expires = in.expiresOn() != null || item.shelfLifeMonths() == null ? in.expiresOn()
        : in.receivedOn().plusMonths(item.shelfLifeMonths());
    return lots.receiveInto(tx, base.id(), item.id(), in.lotCode(), in.quantity(), in.receivedOn(), expires,
            in.condition(), null, null, null, now)
        .compose(balance -> {
          LotRepository.Balance b = balance.orElseThrow(() -> ApiError.conflict("lot_scrapped",
              "Lot " + in.lotCode() + " of this item at this base is scrapped; receive under a new lot code"));
          Movement m = new Movement("receipt", b.lotId(), base.id(), item.id(), in.quantity(), b.quantity(),
              happened(occurredAt, now), actor).receivedAt(now).note(in.note());
          return finish(tx, actor, m, base.unitId(), events);
        });
  }

  Future<Outcome> issue(SqlClient tx, CurrentUser actor, Lot lot, InventoryValidation.IssueInput in,
      OffsetDateTime occurredAt, PendingEvents events) {
    OffsetDateTime now = nowInMicros();
    return IncidentRefs.forIssue(tx, in.incidentId()).compose(incident ->
        issueFrom(tx, actor, lot, in.quantity(), in, incident, happened(occurredAt, now), now, events)
            .compose(o -> logIssue(tx, actor, incident, now, List.of(o.body()), events).map(o)));
  }

  /** Takes {@code quantity} out of one lot as an issue to the input's recipient, or to the incident. */
  Future<Outcome> issueFrom(SqlClient tx, CurrentUser actor, Lot lot, BigDecimal quantity,
      InventoryValidation.IssueInput in, IncidentRefs.IncidentRef incident, OffsetDateTime at, OffsetDateTime now,
      PendingEvents events) {
    String recipient = in.recipient() != null ? in.recipient() : incident.label();
    return withdraw(tx, lot, quantity, now, "issue").compose(b -> finish(tx, actor,
        new Movement("issue", lot.id(), lot.baseId(), lot.itemId(), quantity.negate(), b.quantity(), at, actor)
            .receivedAt(now).recipient(in.recipientType(), recipient).note(in.note())
            .incident(incident == null ? null : incident.id()), lot, events));
  }

  /** An issue to an incident goes on the incident's log too, one line for all the lots it took. */
  Future<Void> logIssue(SqlClient tx, CurrentUser actor, IncidentRefs.IncidentRef incident, OffsetDateTime now,
      List<JsonObject> movements, PendingEvents events) {
    if (incident == null) {
      return Future.succeededFuture();
    }
    JsonObject first = movements.get(0);
    BigDecimal total = movements.stream().map(m -> new BigDecimal(m.getValue("quantity").toString()).negate())
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    String note = "发出 Sent " + first.getString("itemNameZh") + " " + Quantities.json(total).toPlainString()
        + " " + first.getString("unitOfMeasure") + " · " + first.getString("baseNameZh");
    JsonObject detail = new JsonObject().put("movementIds",
        new io.vertx.core.json.JsonArray(movements.stream().map(m -> m.getLong("id")).toList()))
        .put("itemId", first.getLong("itemId")).put("quantity", Quantities.json(total));
    events.incidentSupplies(incident.id(), "issued");
    return IncidentRefs.log(tx, incident.id(), now, actor, "supplies_issued", note, detail);
  }

  Future<Outcome> writeOff(SqlClient tx, CurrentUser actor, Lot lot, InventoryValidation.WriteOffInput in,
      OffsetDateTime occurredAt, PendingEvents events) {
    OffsetDateTime now = nowInMicros();
    return withdraw(tx, lot, in.quantity(), now, "write off").compose(b -> finish(tx, actor,
        new Movement("write_off", lot.id(), lot.baseId(), lot.itemId(), in.quantity().negate(), b.quantity(),
            happened(occurredAt, now), actor).receivedAt(now).reason(in.reason()).note(in.note()), lot, events));
  }

  Future<Outcome> changeCondition(SqlClient tx, CurrentUser actor, Lot lot, String condition, String note,
      PendingEvents events) {
    OffsetDateTime now = nowInMicros();
    return lots.lock(tx, lot.id()).compose(row -> {
      String from = row.getString("condition");
      if (from.equals(condition)) {
        throw ApiError.unprocessable("condition_unchanged", "Lot " + lot.lotCode() + " is already " + condition);
      }
      return lots.setCondition(tx, lot.id(), condition, now).compose(v -> finish(tx, actor,
          new Movement("condition_change", lot.id(), lot.baseId(), lot.itemId(), BigDecimal.ZERO,
              row.getBigDecimal("quantity"), now, actor).condition(from, condition).note(note), lot, events));
    });
  }

  /** Logs a test run; a failure takes a usable lot out of use (needs_repair) with a ledger row. */
  Future<Outcome> testRun(SqlClient tx, CurrentUser actor, Lot lot, InventoryValidation.TestRunInput in,
      PendingEvents events) {
    OffsetDateTime now = nowInMicros();
    JsonObject details = new JsonObject().put("lotId", lot.id()).put("result", in.result())
        .put("testedAt", app.iso(in.testedAt()));
    return lots.recordTest(tx, lot.id(), in.testedAt(), in.result(), actor.id(), now)
        .compose(v -> AuditLog.record(tx, now, actor, "lot.test_run", "lot", lot.id(), details))
        .compose(v -> lots.lock(tx, lot.id()))
        .compose(row -> {
          JsonObject body = details.copy().put("by", actor.username()).put("condition", row.getString("condition"));
          events.add(EventType.STOCK_TESTED, new JsonObject().put("unitId", lot.unitId()).put("baseId", lot.baseId())
              .put("itemId", lot.itemId()).put("lotId", lot.id()).put("result", in.result()));
          if (in.result().equals("pass") || !row.getString("condition").equals("usable")) {
            return Future.succeededFuture(new Outcome(201, body));
          }
          return lots.setCondition(tx, lot.id(), "needs_repair", now)
              .compose(x -> finish(tx, actor, new Movement("condition_change", lot.id(), lot.baseId(), lot.itemId(),
                  BigDecimal.ZERO, row.getBigDecimal("quantity"), now, actor).condition("usable", "needs_repair")
                  .note("test run failed" + (in.note() == null ? "" : ": " + in.note())), lot, events))
              .map(o -> new Outcome(201, body.put("condition", "needs_repair").put("movement", o.body())));
        });
  }

  /** Takes stock out of a lot or fails with 409 (nothing written) when it holds too little. */
  Future<LotRepository.Balance> withdraw(SqlClient tx, Lot lot, BigDecimal quantity, OffsetDateTime now,
      String action) {
    if (lot.condition().equals("scrapped")) {
      return Future.failedFuture(ApiError.unprocessable("lot_scrapped", "Lot " + lot.lotCode() + " is scrapped"));
    }
    return lots.withdraw(tx, lot.id(), quantity, now).compose(b -> b.isPresent() ? Future.succeededFuture(b.get())
        : lots.lock(tx, lot.id()).map(row -> {
          // The answer says what the lot holds, so the keeper can correct the quantity at once.
          String holds = Quantities.json(row.getBigDecimal("quantity")).toPlainString() + " " + lot.unitOfMeasure();
          throw new ApiError(409, "insufficient_stock", "Lot " + lot.lotCode() + " holds only " + holds
              + ", not " + quantity.toPlainString() + " " + lot.unitOfMeasure() + " to " + action,
              java.util.Map.of("quantity", "the lot holds " + holds));
        }));
  }

  /**
   * Like {@link #finish(SqlClient, CurrentUser, Movement, long, PendingEvents)} for a movement of a lot
   * loaded before the transaction: the answer is built from the lot and the movement instead of being read
   * back (one statement less on the hottest write path; the time is already in PostgreSQL's precision).
   */
  Future<Outcome> finish(SqlClient tx, CurrentUser actor, Movement m, Lot lot, PendingEvents events) {
    return StockLedger.append(tx, m)
        .compose(id -> audit(tx, actor, m, id).map(id))
        .map(id -> {
          events.stockChanged(lot.unitId(), m.baseId, m.itemId, m.lotId, id);
          return new Outcome(201, StockLedger.toJson(id, m, lot, app::iso));
        });
  }

  /** Appends the ledger row, audits it and answers with it; the stock event waits for the commit. */
  Future<Outcome> finish(SqlClient tx, CurrentUser actor, Movement m, long unitId, PendingEvents events) {
    return StockLedger.append(tx, m)
        .compose(id -> audit(tx, actor, m, id).map(id))
        .compose(id -> StockLedger.read(tx, id, app::iso))
        .map(json -> {
          events.stockChanged(unitId, m.baseId, m.itemId, m.lotId, json.getLong("id"));
          return new Outcome(201, json);
        });
  }

  private static Future<Void> audit(SqlClient tx, CurrentUser actor, Movement m, long id) {
    return AuditLog.record(tx, m.at, actor, "stock." + m.kind, "stock_movement", id,
        new JsonObject().put("lotId", m.lotId).put("baseId", m.baseId).put("itemId", m.itemId)
            .put("quantity", Quantities.json(m.quantity)).put("balance", Quantities.json(m.balance)));
  }

  /** A phone's time a little ahead of the server's (within the allowed skew) counts as now. */
  static OffsetDateTime happened(OffsetDateTime occurredAt, OffsetDateTime now) {
    return occurredAt == null || occurredAt.isAfter(now) ? now : occurredAt;
  }

  /** PostgreSQL keeps microseconds: a time built into an answer must be the one a later read returns. */
  OffsetDateTime nowInMicros() {
    return app.now().truncatedTo(ChronoUnit.MICROS);
  }
}
