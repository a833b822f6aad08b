package org.floodready.inventory;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import java.time.OffsetDateTime;
import org.floodready.app.AppContext;
import org.floodready.audit.AuditLog;
import org.floodready.access.CurrentUser;
import org.floodready.events.EventType;
import org.floodready.errors.ApiError;
import org.floodready.db.Outcome;

/**
 * Moves stock out of one base and into another. Untracked: both halves in one transaction.
 * Tracked: out at dispatch, in at receipt; in between the quantity is in transit at no base.
 */
final class TransferService {
  private final AppContext app;
  private final LotRepository lots;
  private final StockService stock;

  TransferService(AppContext app, LotRepository lots, StockService stock) {
    this.app = app;
    this.lots = lots;
    this.stock = stock;
  }

  Future<Outcome> create(SqlClient tx, CurrentUser actor, Lot from, Base to, InventoryValidation.TransferInput in,
      PendingEvents events) {
    OffsetDateTime now = app.now();
    return TransferRepository.insert(tx, from, to.id(), in.quantity(), in.tracked(), in.note(), actor.id(), now)
        .compose(id -> stock.withdraw(tx, from, in.quantity(), now, "transfer")
            .compose(b -> stock.finish(tx, actor, new Movement("transfer", from.id(), from.baseId(), from.itemId(),
                in.quantity().negate(), b.quantity(), now, actor).transfer(id).note(in.note()), from.unitId(), events))
            .compose(out -> in.tracked() ? Future.succeededFuture() : deliver(tx, actor, id, from, to, in, events))
            .compose(v -> AuditLog.record(tx, now, actor, "transfer.create", "transfer", id,
                new JsonObject().put("fromLotId", from.id()).put("toBaseId", to.id())
                    .put("quantity", Quantities.json(in.quantity())).put("tracked", in.tracked())))
            .compose(v -> answer(tx, id, 201, events)));
  }

  Future<Outcome> depart(SqlClient tx, CurrentUser actor, long id, PendingEvents events) {
    OffsetDateTime now = app.now();
    return TransferRepository.lockStatus(tx, id).compose(status -> {
      if (!status.equals("dispatched")) {
        throw ApiError.conflict("transfer_not_dispatched", "Transfer " + id + " is " + status
            + "; only a dispatched transfer can depart");
      }
      return TransferRepository.markDeparted(tx, id, now)
          .compose(v -> AuditLog.record(tx, now, actor, "transfer.depart", "transfer", id, null))
          .compose(v -> answer(tx, id, 200, events));
    });
  }

  Future<Outcome> receive(SqlClient tx, CurrentUser actor, long id, Lot from, Base to,
      InventoryValidation.TransferInput in, PendingEvents events) {
    return TransferRepository.lockStatus(tx, id).compose(status -> {
      if (status.equals("received")) {
        throw ApiError.conflict("transfer_already_received", "Transfer " + id + " was already received");
      }
      return deliver(tx, actor, id, from, to, in, events)
          .compose(v -> AuditLog.record(tx, app.now(), actor, "transfer.receive", "transfer", id, null))
          .compose(v -> answer(tx, id, 200, events));
    });
  }

  private Future<Void> deliver(SqlClient tx, CurrentUser actor, long id, Lot from, Base to,
      InventoryValidation.TransferInput in, PendingEvents events) {
    OffsetDateTime now = app.now();
    return lots.copyInto(tx, from.id(), to.id(), in.quantity(), now)
        .compose(balance -> {
          LotRepository.Balance b = balance.orElseThrow(() -> ApiError.conflict("destination_lot_scrapped",
              "Lot " + from.lotCode() + " at " + to.nameZh() + " is scrapped and cannot take stock back"));
          return stock.finish(tx, actor, new Movement("transfer", b.lotId(), to.id(), from.itemId(), in.quantity(),
                  b.quantity(), now, actor).transfer(id).note(in.note()), to.unitId(), events)
              .compose(o -> TransferRepository.markReceived(tx, id, b.lotId(), actor.id(), now));
        });
  }

  private Future<Outcome> answer(SqlClient tx, long id, int status, PendingEvents events) {
    return TransferRepository.find(tx, id).map(row -> {
      JsonObject json = TransferRepository.toJson(row.orElseThrow(), app::iso);
      events.add(EventType.TRANSFER_CHANGED, new JsonObject().put("unitId", row.get().getLong("from_unit_id"))
          .put("toUnitId", row.get().getLong("to_unit_id")).put("transferId", id).put("status", json.getString("status")));
      return new Outcome(status, json);
    });
  }
}
