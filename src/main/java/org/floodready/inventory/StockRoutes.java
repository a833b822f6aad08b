package org.floodready.inventory;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.SqlConnection;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.floodready.access.Visibility;
import org.floodready.app.AppContext;
import org.floodready.access.CurrentUser;
import org.floodready.db.Where;
import org.floodready.errors.ApiError;
import org.floodready.web.Idempotency;
import org.floodready.db.Outcome;
import org.floodready.web.JsonInput;
import org.floodready.db.PageRequest;
import org.floodready.web.Paging;
import org.floodready.web.QueryParams;
import org.floodready.web.Respond;
import org.floodready.events.PendingEvents;
import org.floodready.web.WriteRoute;

/** Lots and the stock-moving writes at one base: receipts, issues, write-offs, condition changes, test runs. */
final class StockRoutes {
  private static final Map<String, String> LOT_SORT = Map.of("id", "l.id", "lotCode", "l.lot_code",
      "expiresOn", "l.expires_on NULLS LAST, l.id", "receivedOn", "l.received_on, l.id", "quantity", "l.quantity",
      "itemCode", "i.code, l.id", "baseId", "l.base_id, i.code, l.id");

  /** A write on one lot, run inside the idempotent transaction. */
  interface LotWrite {
    Future<Outcome> apply(SqlConnection tx, Lot lot, PendingEvents events);
  }

  private final AppContext app;
  private final LotRepository lots;
  private final ItemRepository items;
  private final BaseAccess access;
  private final StockService stock;

  StockRoutes(AppContext app, BaseAccess access, StockService stock) {
    this.app = app;
    this.lots = new LotRepository(app.pool());
    this.items = new ItemRepository(app.pool());
    this.access = access;
    this.stock = stock;
  }

  void mount(Router api) {
    api.get("/lots").handler(this::listLots);
    api.get("/lots/expiring").handler(this::listExpiring);
    api.get("/lots/tests-overdue").handler(this::listTestsOverdue);
    api.get("/lots/:lotId").handler(this::getLot);
    api.post("/bases/:baseId/receipts").handler(this::receive);
    api.post("/lots/:lotId/issues").handler(this::issue);
    api.post("/lots/:lotId/write-offs").handler(this::writeOff);
    api.post("/lots/:lotId/condition").handler(this::changeCondition);
    api.post("/lots/:lotId/test-runs").handler(this::logTestRun);
  }

  private void listLots(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    PageRequest page = Paging.from(ctx, app.config(), LOT_SORT, "baseId");
    QueryParams q = new QueryParams(ctx);
    var where = filtered(ctx, user);
    where.and("l.condition = ?", q.oneOf("condition", InventoryValidation.CONDITIONS))
        .and("l.expires_on < ?", q.date("expiringBefore"));
    Boolean usable = q.bool("usable");
    if (usable != null) {
      where.and(InventorySql.notUsableReason("$1::date", "$2::text") + (usable ? " IS NULL" : " IS NOT NULL"));
    }
    if (!Boolean.TRUE.equals(q.bool("includeEmpty"))) {
      where.and("l.quantity > 0");
    }
    lots.page(where, page)
        .onSuccess(rows -> Respond.ok(ctx, page.result(rows, r -> Lot.from(r).toJson(app::iso))))
        .onFailure(ctx::fail);
  }

  /** Lots expiring within {@code days} (default 90), marked expired / within soonDays (default 30) / later. */
  private void listExpiring(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    QueryParams q = new QueryParams(ctx);
    int days = q.integer("days", 90, 1, 3650);
    int soonDays = q.integer("soonDays", Math.min(30, days), 1, days);
    LocalDate today = today();
    var where = filtered(ctx, user);
    where.and("l.quantity > 0 AND l.condition <> 'scrapped' AND l.expires_on IS NOT NULL")
        .and("l.expires_on <= ?", today.plusDays(days));
    lots.list(where, "l.expires_on, l.id").onSuccess(list -> {
      JsonArray out = new JsonArray();
      for (Lot lot : list) {
        long left = ChronoUnit.DAYS.between(today, lot.expiresOn());
        out.add(lot.toJson(app::iso).put("daysLeft", left)
            .put("band", left <= 0 ? "expired" : left <= soonDays ? "soon" : "later"));
      }
      Respond.ok(ctx, new JsonObject().put("today", today.toString()).put("days", days).put("soonDays", soonDays)
          .put("items", out));
    }).onFailure(ctx::fail);
  }

  private void listTestsOverdue(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    LocalDate today = today();
    var where = filtered(ctx, user);
    where.and("i.needs_test_run AND l.quantity > 0 AND l.condition <> 'scrapped' AND "
        + InventorySql.testDueOn("$2::text") + " < $1::date");
    lots.list(where, "test_due_on, l.id").onSuccess(list -> {
      JsonArray out = new JsonArray();
      list.forEach(lot -> out.add(lot.toJson(app::iso)
          .put("daysOverdue", ChronoUnit.DAYS.between(lot.testDueOn(), today))));
      Respond.ok(ctx, new JsonObject().put("today", today.toString()).put("items", out));
    }).onFailure(ctx::fail);
  }

  private void getLot(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    long id = QueryParams.pathId(ctx, "lotId");
    findLot(id).compose(lot -> access.requireRead(user, lot.baseId()).map(lot))
        .onSuccess(lot -> Respond.ok(ctx, lot.toJson(app::iso)))
        .onFailure(ctx::fail);
  }

  private void receive(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    long baseId = QueryParams.pathId(ctx, "baseId");
    JsonObject body = JsonInput.object(ctx);
    OffsetDateTime occurredAt = InventoryValidation.occurredAt(body, app.now());
    InventoryValidation.ReceiptInput in = receivedOnOccurrence(InventoryValidation.receipt(body, today()), body,
        occurredAt);
    Idempotency.requireKey(ctx);
    access.requireKeeper(user, baseId)
        .compose(base -> items.find(in.itemId())
            .map(item -> item.orElseThrow(() -> ApiError.notFound("Item", in.itemId())))
            .compose(item -> WriteRoute.inTransaction(ctx, app, body,
                (tx, events) -> stock.receive(tx, user, base, item, in, occurredAt, events))))
        .onFailure(ctx::fail);
  }

  private void issue(RoutingContext ctx) {
    JsonObject body = JsonInput.object(ctx);
    InventoryValidation.IssueInput in = InventoryValidation.issue(body);
    OffsetDateTime occurredAt = InventoryValidation.occurredAt(body, app.now());
    writeOnLot(ctx, body, (tx, lot, events) -> stock.issue(tx, CurrentUser.of(ctx), lot, in, occurredAt, events));
  }

  private void writeOff(RoutingContext ctx) {
    JsonObject body = JsonInput.object(ctx);
    InventoryValidation.WriteOffInput in = InventoryValidation.writeOff(body);
    OffsetDateTime occurredAt = InventoryValidation.occurredAt(body, app.now());
    writeOnLot(ctx, body, (tx, lot, events) ->
        stock.writeOff(tx, CurrentUser.of(ctx), lot, in, occurredAt, events));
  }

  private void changeCondition(RoutingContext ctx) {
    JsonObject body = JsonInput.object(ctx);
    InventoryValidation.ConditionInput in = InventoryValidation.condition(body);
    writeOnLot(ctx, body, (tx, lot, events) ->
        stock.changeCondition(tx, CurrentUser.of(ctx), lot, in.condition(), in.note(), events));
  }

  private void logTestRun(RoutingContext ctx) {
    JsonObject body = JsonInput.object(ctx);
    InventoryValidation.TestRunInput in = InventoryValidation.testRun(body, app.now());
    writeOnLot(ctx, body, (tx, lot, events) -> {
      if (!lot.needsTestRun()) {
        throw ApiError.unprocessable("no_test_runs", lot.itemNameZh() + " is not equipment with test runs");
      }
      return stock.testRun(tx, CurrentUser.of(ctx), lot, in, events);
    });
  }

  /** Loads the lot (404), checks the caller keeps its base (403), then writes exactly once per Idempotency-Key. */
  private void writeOnLot(RoutingContext ctx, JsonObject body, LotWrite write) {
    CurrentUser user = CurrentUser.of(ctx);
    long lotId = QueryParams.pathId(ctx, "lotId");
    Idempotency.requireKey(ctx);
    PendingEvents events = new PendingEvents();
    findLot(lotId)
        .compose(lot -> access.requireKeeperOf(user, lot))
        .compose(lot -> Idempotency.runPipelined(ctx, app, body,
            tx -> events.appendAfter(tx, app.events(), write.apply(tx, lot, events))))
        .onFailure(ctx::fail);
  }

  /** A receipt queued offline without its own receivedOn was received on the day it was entered. */
  private InventoryValidation.ReceiptInput receivedOnOccurrence(InventoryValidation.ReceiptInput in, JsonObject body,
      OffsetDateTime occurredAt) {
    if (occurredAt == null || body.getValue("receivedOn") != null) {
      return in;
    }
    LocalDate day = occurredAt.atZoneSameInstant(app.config().zone()).toLocalDate();
    return new InventoryValidation.ReceiptInput(in.itemId(), in.lotCode(), in.quantity(), day, in.expiresOn(),
        in.condition(), in.note());
  }

  private Future<Lot> findLot(long id) {
    return lots.find(id, today(), zone()).map(lot -> lot.orElseThrow(() -> ApiError.notFound("Lot", id)));
  }

  /** Lot filters shared by the lists; keepers see only their own bases. */
  private Where filtered(RoutingContext ctx, CurrentUser user) {
    QueryParams q = new QueryParams(ctx);
    var where = LotRepository.where(today(), zone())
        .and("l.base_id = ?", q.id("baseId"))
        .and("l.item_id = ?", q.id("itemId"))
        .and("i.category = ?", q.oneOf("category", Item.CATEGORIES))
        .and(InventorySql.BASE_IN_UNIT, q.id("unitId"));
    return Visibility.bases(where, user, "l.base_id");
  }

  private LocalDate today() {
    return app.now().atZoneSameInstant(app.config().zone()).toLocalDate();
  }

  private String zone() {
    return app.config().zone().getId();
  }
}
