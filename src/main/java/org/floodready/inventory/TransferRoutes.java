package org.floodready.inventory;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Row;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.floodready.access.Visibility;
import org.floodready.app.AppContext;
import org.floodready.access.CurrentUser;
import org.floodready.access.Role;
import org.floodready.db.Where;
import org.floodready.errors.ApiError;
import org.floodready.web.Idempotency;
import org.floodready.web.JsonInput;
import org.floodready.db.PageRequest;
import org.floodready.web.Paging;
import org.floodready.web.QueryParams;
import org.floodready.web.Respond;
import org.floodready.web.WriteRoute;

/** Transfers (调拨): ordered by the source base's keeper or the duty room, received at the destination. */
final class TransferRoutes {
  private static final Map<String, String> SORT = Map.of("id", "t.id", "dispatchedAt", "t.dispatched_at, t.id",
      "status", "t.status, t.id");
  private static final List<String> STATUSES = List.of("dispatched", "in_transit", "received");

  private final AppContext app;
  private final BaseAccess access;
  private final LotRepository lots;
  private final TransferRepository transfers;
  private final TransferService service;

  TransferRoutes(AppContext app, BaseAccess access, TransferService service) {
    this.app = app;
    this.access = access;
    this.lots = new LotRepository(app.pool());
    this.transfers = new TransferRepository(app.pool());
    this.service = service;
  }

  void mount(Router api) {
    api.get("/transfers").handler(this::listTransfers);
    api.post("/transfers").handler(this::createTransfer);
    api.get("/transfers/:transferId").handler(this::getTransfer);
    api.post("/transfers/:transferId/depart").handler(this::departTransfer);
    api.post("/transfers/:transferId/receive").handler(this::receiveTransfer);
  }

  private void listTransfers(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    PageRequest page = Paging.from(ctx, app.config(), SORT, "-id");
    QueryParams q = new QueryParams(ctx);
    Where where = new Where()
        .and("t.status = ?", q.oneOf("status", STATUSES))
        .and("t.item_id = ?", q.id("itemId"));
    Long baseId = q.id("baseId");
    if (baseId != null) {
      String p = where.bind(baseId);
      where.and("(t.from_base_id = " + p + " OR t.to_base_id = " + p + ")");
    }
    if (user.is(Role.BASE_KEEPER)) {
      String kept = Visibility.keptBases(where, user.id());
      where.and("(t.from_base_id IN " + kept + " OR t.to_base_id IN " + kept + ")");
    }
    transfers.page(where, page)
        .onSuccess(rows -> Respond.ok(ctx, page.result(rows, r -> TransferRepository.toJson(r, app::iso))))
        .onFailure(ctx::fail);
  }

  private void getTransfer(RoutingContext ctx) {
    CurrentUser.of(ctx);
    long id = QueryParams.pathId(ctx, "transferId");
    findTransfer(id).onSuccess(r -> Respond.ok(ctx, TransferRepository.toJson(r, app::iso))).onFailure(ctx::fail);
  }

  private void createTransfer(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    JsonObject body = JsonInput.object(ctx);
    InventoryValidation.TransferInput in = InventoryValidation.transfer(body);
    Idempotency.requireKey(ctx);
    findLot(in.fromLotId())
        .compose(lot -> {
          if (lot.baseId() == in.toBaseId()) {
            throw ApiError.invalid("toBaseId", "must be another base than the lot's own");
          }
          return access.requireKeeperOrDuty(user, lot.baseId())
              .compose(from -> access.requireBase(in.toBaseId()))
              .compose(to -> WriteRoute.inTransaction(ctx, app, body,
                  (tx, events) -> service.create(tx, user, lot, to, in, events)));
        })
        .onFailure(ctx::fail);
  }

  private void departTransfer(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    long id = QueryParams.pathId(ctx, "transferId");
    JsonObject body = ctx.body().length() == 0 ? new JsonObject() : JsonInput.object(ctx);
    Idempotency.requireKey(ctx);
    findTransfer(id)
        .compose(t -> access.requireKeeperOrDuty(user, t.getLong("from_base_id")))
        .compose(b -> WriteRoute.inTransaction(ctx, app, body, (tx, events) -> service.depart(tx, user, id, events)))
        .onFailure(ctx::fail);
  }

  private void receiveTransfer(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    long id = QueryParams.pathId(ctx, "transferId");
    JsonObject body = ctx.body().length() == 0 ? new JsonObject() : JsonInput.object(ctx);
    String note = InventoryValidation.note(body);
    Idempotency.requireKey(ctx);
    findTransfer(id)
        .compose(t -> access.requireKeeperOrDuty(user, t.getLong("to_base_id"))
            .compose(to -> findLot(t.getLong("from_lot_id")).compose(lot -> {
              var in = new InventoryValidation.TransferInput(lot.id(), to.id(), t.getBigDecimal("quantity"), true,
                  note == null ? t.getString("note") : note);
              return WriteRoute.inTransaction(ctx, app, body,
                  (tx, events) -> service.receive(tx, user, id, lot, to, in, events));
            })))
        .onFailure(ctx::fail);
  }

  private Future<Row> findTransfer(long id) {
    return transfers.find(id).map(t -> t.orElseThrow(() -> ApiError.notFound("Transfer", id)));
  }

  private Future<Lot> findLot(long id) {
    LocalDate today = app.now().atZoneSameInstant(app.config().zone()).toLocalDate();
    return lots.find(id, today, app.config().zone().getId())
        .map(lot -> lot.orElseThrow(() -> ApiError.notFound("Lot", id)));
  }
}
