package org.floodready.inventory;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.floodready.access.Assignments;
import org.floodready.app.AppContext;
import org.floodready.access.CurrentUser;
import org.floodready.errors.ApiError;
import org.floodready.events.PendingEvents;

/**
 * Stock moves for other features, run inside the caller's transaction with inventory's own services: the
 * same conditional withdrawal (409 on an overdraw, nothing written), ledger row, audit row and stock events
 * as {@code POST /api/lots/{id}/issues} and {@code POST /api/transfers}.
 */
public final class StockMoves {
  private final AppContext app;
  private final LotRepository lots;
  private final BaseAccess access;
  private final StockService stock;
  private final TransferService transfers;

  public StockMoves(AppContext app) {
    this.app = app;
    this.lots = new LotRepository(app.pool());
    this.access = new BaseAccess(new BaseRepository(app.pool()), new Assignments(app.pool()));
    this.stock = new StockService(app, lots);
    this.transfers = new TransferService(app, lots, stock);
  }

  /**
   * Issues part of a lot to a recipient ({@code incident}, {@code checkpoint} or {@code person}), linked to the
   * incident when one is named so its summary and returns count it; the ledger row's id.
   */
  public Future<Long> issue(SqlClient tx, CurrentUser actor, long lotId, BigDecimal quantity, String recipientType,
      String recipient, String note, Long incidentId, PendingEvents events) {
    return lot(lotId).compose(lot -> stock.issue(tx, actor, lot,
            new InventoryValidation.IssueInput(quantity, recipientType, recipient, note, incidentId), null, events))
        .map(o -> o.body().getLong("id"));
  }

  /** Sends part of a lot to another base as a tracked transfer (out now, in at receipt); the transfer's id. */
  public Future<Long> sendTracked(SqlClient tx, CurrentUser actor, long lotId, long toBaseId, BigDecimal quantity,
      String note, PendingEvents events) {
    return lot(lotId).compose(lot -> access.requireBase(toBaseId).compose(to -> transfers.create(tx, actor, lot, to,
            new InventoryValidation.TransferInput(lotId, toBaseId, quantity, true, note), events)))
        .map(o -> o.body().getLong("id"));
  }

  /**
   * Books a tracked transfer in at its destination with the quantity that arrived (what is short stays out of
   * both bases' books, recorded by the caller).
   */
  public Future<Void> receiveTracked(SqlClient tx, CurrentUser actor, long transferId, long fromLotId, long toBaseId,
      BigDecimal received, String note, PendingEvents events) {
    return lot(fromLotId).compose(lot -> access.requireBase(toBaseId).compose(to -> transfers.receive(tx, actor,
            transferId, lot, to, new InventoryValidation.TransferInput(fromLotId, toBaseId, received, true, note),
            events)))
        .mapEmpty();
  }

  private Future<Lot> lot(long id) {
    LocalDate today = app.now().atZoneSameInstant(app.config().zone()).toLocalDate();
    return lots.find(id, today, app.config().zone().getId())
        .map(lot -> lot.orElseThrow(() -> ApiError.notFound("Lot", id)));
  }
}
