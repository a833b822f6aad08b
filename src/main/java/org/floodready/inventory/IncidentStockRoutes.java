package org.floodready.inventory;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.OffsetDateTime;
import org.floodready.app.AppContext;
import org.floodready.access.CurrentUser;
import org.floodready.errors.ApiError;
import org.floodready.web.Idempotency;
import org.floodready.db.Outcome;
import org.floodready.web.JsonInput;
import org.floodready.web.QueryParams;
import org.floodready.web.WriteRoute;

/** Issue of an item by FEFO (often to an incident) and the return of equipment from an incident. */
final class IncidentStockRoutes {
  private final AppContext app;
  private final BaseAccess access;
  private final LotRepository lots;
  private final ItemRepository items;
  private final ItemIssueService itemIssues;
  private final ReturnService returns;

  IncidentStockRoutes(AppContext app, BaseAccess access, LotRepository lots, ItemIssueService itemIssues,
      ReturnService returns) {
    this.app = app;
    this.access = access;
    this.lots = lots;
    this.items = new ItemRepository(app.pool());
    this.itemIssues = itemIssues;
    this.returns = returns;
  }

  void mount(Router api) {
    api.post("/bases/:baseId/issues").handler(this::issueItem);
    api.post("/incidents/:incidentId/returns").handler(this::returnEquipment);
    api.put("/items/:itemId/reusable").handler(this::setReusable);
  }

  /** Admins mark an item as equipment expected back from incidents (or not); audited. */
  private void setReusable(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx).require(org.floodready.access.Role.ADMIN);
    long itemId = QueryParams.pathId(ctx, "itemId");
    boolean reusable = JsonInput.object(ctx).getBoolean("reusable"); // required by the contract
    JsonObject answer = new JsonObject().put("itemId", itemId).put("reusable", reusable);
    app.pool().withTransaction(tx -> tx.preparedQuery("UPDATE items SET reusable = $2 WHERE id = $1")
            .execute(io.vertx.sqlclient.Tuple.of(itemId, reusable))
            .compose(rows -> {
              if (rows.rowCount() == 0) {
                throw ApiError.notFound("Item", itemId);
              }
              return org.floodready.audit.AuditLog.record(tx, app.now(), user, "item.reusable", "item", itemId, answer);
            }))
        .onSuccess(v -> org.floodready.web.Respond.ok(ctx, answer))
        .onFailure(ctx::fail);
  }

  private void issueItem(RoutingContext ctx) {
    WriteRoute.handle(ctx, WriteRoute.ANYONE, "baseId", InventoryValidation::itemIssue, r -> {
      OffsetDateTime occurredAt = InventoryValidation.occurredAt(r.body(), app.now());
      Idempotency.requireKey(ctx);
      long itemId = r.input().itemId();
      return access.requireKeeper(r.user(), r.id())
          .compose(base -> items.find(itemId)
              .map(item -> item.orElseThrow(() -> new ApiError(422, "unknown_item", "Item " + itemId
                  + " does not exist", java.util.Map.of("itemId", "no such item"))))
              .compose(item -> WriteRoute.inTransaction(ctx, app, r.body(),
                  (tx, events) -> itemIssues.issue(tx, r.user(), base, item, r.input(), occurredAt, events))));
    });
  }

  /** Keepers of the base the pieces come back to (for lost pieces: of the base they left) book a return. */
  private void returnEquipment(RoutingContext ctx) {
    WriteRoute.handle(ctx, WriteRoute.ANYONE, "incidentId", InventoryValidation::returned, r -> {
      Idempotency.requireKey(ctx);
      InventoryValidation.ReturnInput in = r.input();
      LocalDates today = new LocalDates(app);
      return lots.find(in.lotId(), today.date(), today.zone())
          .map(lot -> lot.orElseThrow(() -> new ApiError(422, "unknown_lot", "Lot " + in.lotId() + " does not exist",
              java.util.Map.of("lotId", "no such lot"))))
          .compose(issued -> access.requireKeeper(r.user(), in.baseId() == null ? issued.baseId() : in.baseId())
              .compose(base -> WriteRoute.inTransaction(ctx, app, r.body(),
                  (tx, events) -> returns.book(tx, r.user(), r.id(), issued, base.id(), base.unitId(), in, events))));
    });
  }

  /** Today's date and the zone id in the district, as the lot queries take them. */
  private record LocalDates(AppContext app) {
    java.time.LocalDate date() {
      return app.now().atZoneSameInstant(app.config().zone()).toLocalDate();
    }

    String zone() {
      return app.config().zone().getId();
    }
  }
}
