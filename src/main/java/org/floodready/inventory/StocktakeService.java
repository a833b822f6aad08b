package org.floodready.inventory;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.floodready.app.AppContext;
import org.floodready.audit.AuditLog;
import org.floodready.access.CurrentUser;
import org.floodready.events.EventType;
import org.floodready.errors.ApiError;
import org.floodready.db.Outcome;

/** Closing a count sheet: every difference between book and counted becomes an adjustment, all in one transaction. */
final class StocktakeService {
  private final AppContext app;
  private final LotRepository lots;
  private final StockService stock;

  StocktakeService(AppContext app, LotRepository lots, StockService stock) {
    this.app = app;
    this.lots = lots;
    this.stock = stock;
  }

  Future<Outcome> close(SqlClient tx, CurrentUser actor, long id, Base base, PendingEvents events) {
    OffsetDateTime now = app.now();
    return StocktakeRepository.lockStatus(tx, id)
        .compose(status -> {
          if (!status.equals("open")) {
            throw ApiError.conflict("stocktake_closed", "Stocktake " + id + " is already " + status);
          }
          return StocktakeRepository.linesForClose(tx, id);
        })
        .compose(lines -> {
          long uncounted = lines.stream().filter(l -> l.counted() == null).count();
          if (uncounted > 0) {
            throw ApiError.unprocessable("stocktake_incomplete",
                uncounted + " line(s) are not counted yet; count every line before closing");
          }
          return adjust(tx, actor, id, base, lines, 0, now, events);
        })
        .compose(v -> StocktakeRepository.close(tx, id, now, actor.id()))
        .compose(v -> AuditLog.record(tx, now, actor, "stocktake.close", "stocktake", id,
            new JsonObject().put("baseId", base.id())))
        .compose(v -> StocktakeRepository.report(tx, id, app::iso))
        .map(report -> {
          events.add(EventType.STOCKTAKE_CLOSED, new JsonObject().put("unitId", base.unitId()).put("baseId", base.id())
              .put("stocktakeId", id));
          return new Outcome(200, report);
        });
  }

  /** Lines one after another on the same connection, each lot locked while it is adjusted. */
  private Future<Void> adjust(SqlClient tx, CurrentUser actor, long id, Base base, List<StocktakeRepository.Line> lines,
      int index, OffsetDateTime now, PendingEvents events) {
    if (index == lines.size()) {
      return Future.succeededFuture();
    }
    StocktakeRepository.Line line = lines.get(index);
    return lots.lock(tx, line.lotId()).compose(row -> {
      BigDecimal book = row.getBigDecimal("quantity");
      BigDecimal delta = line.counted().subtract(book);
      Future<Long> movement = delta.signum() == 0 ? Future.succeededFuture(null)
          : lots.setQuantity(tx, line.lotId(), line.counted(), now)
              .compose(v -> stock.finish(tx, actor, new Movement("adjustment", line.lotId(), base.id(),
                  itemOf(row), delta, line.counted(), now, actor).counted(line.counted()).stocktake(id)
                  .note("stocktake " + id), base.unitId(), events))
              .map(o -> o.body().getLong("id"));
      return movement.compose(mid -> StocktakeRepository.closeLine(tx, id, line.lotId(), book, mid));
    }).compose(v -> adjust(tx, actor, id, base, lines, index + 1, now, events));
  }

  private static long itemOf(Row lockedLot) {
    return lockedLot.getLong("item_id");
  }
}
