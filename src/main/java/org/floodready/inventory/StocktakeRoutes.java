package org.floodready.inventory;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Row;
import java.util.List;
import java.util.Map;
import org.floodready.access.Visibility;
import org.floodready.app.AppContext;
import org.floodready.audit.AuditLog;
import org.floodready.access.CurrentUser;
import org.floodready.db.Where;
import org.floodready.sheets.Xlsx;
import org.floodready.errors.ApiError;
import org.floodready.sheets.Csv;
import org.floodready.web.Idempotency;
import org.floodready.web.JsonInput;
import org.floodready.db.PageRequest;
import org.floodready.web.Paging;
import org.floodready.web.QueryParams;
import org.floodready.web.Respond;
import org.floodready.web.WriteRoute;

/** Stocktakes (盘点, 账、表、卡、物四相符): open a sheet, count lines, close into adjustments, report. */
final class StocktakeRoutes {
  private static final Map<String, String> SORT = Map.of("id", "s.id", "openedAt", "s.opened_at, s.id");

  private final AppContext app;
  private final BaseAccess access;
  private final StocktakeRepository stocktakes;
  private final StocktakeService service;

  StocktakeRoutes(AppContext app, BaseAccess access, StocktakeService service) {
    this.app = app;
    this.access = access;
    this.stocktakes = new StocktakeRepository(app.pool());
    this.service = service;
  }

  void mount(Router api) {
    api.get("/stocktakes").handler(this::listStocktakes);
    api.post("/bases/:baseId/stocktakes").handler(this::openStocktake);
    api.get("/stocktakes/:stocktakeId").handler(this::getStocktake);
    api.put("/stocktakes/:stocktakeId/lines/:lotId").handler(this::countLine);
    api.post("/stocktakes/:stocktakeId/close").handler(this::closeStocktake);
  }

  private void listStocktakes(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    PageRequest page = Paging.from(ctx, app.config(), SORT, "-id");
    QueryParams q = new QueryParams(ctx);
    Where where = new Where()
        .and("s.base_id = ?", q.id("baseId"))
        .and("s.status = ?", q.oneOf("status", List.of("open", "closed")));
    Visibility.bases(where, user, "s.base_id");
    stocktakes.page(where, page)
        .onSuccess(rows -> Respond.ok(ctx, page.result(rows,
            r -> StocktakeRepository.toJson(r, app::iso))))
        .onFailure(ctx::fail);
  }

  private void openStocktake(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    long baseId = QueryParams.pathId(ctx, "baseId");
    JsonObject body = ctx.body().length() == 0 ? new JsonObject() : JsonInput.object(ctx);
    String note = InventoryValidation.note(body);
    access.requireKeeper(user, baseId)
        .compose(base -> app.pool().withTransaction(tx -> StocktakeRepository.open(tx, baseId, note, app.now(),
                user.id())
            .compose(id -> AuditLog.record(tx, app.now(), user, "stocktake.open", "stocktake", id,
                new JsonObject().put("baseId", baseId)).map(id))))
        .recover(failure -> Future.failedFuture(isDuplicate(failure)
            ? ApiError.conflict("stocktake_open", "This base already has an open stocktake; close it first")
            : failure))
        .compose(id -> StocktakeRepository.report(app.pool(), id, app::iso))
        .onSuccess(report -> Respond.created(ctx, report))
        .onFailure(ctx::fail);
  }

  /** The sheet with its lines (book vs counted); format=csv for the printed report. */
  private void getStocktake(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    long id = QueryParams.pathId(ctx, "stocktakeId");
    String format = new QueryParams(ctx).oneOf("format", List.of("json", "csv", "xlsx"));
    findStocktake(id)
        .compose(s -> access.requireRead(user, s.getLong("base_id")))
        .compose(base -> StocktakeRepository.report(app.pool(), id, app::iso))
        .onSuccess(report -> {
          if ("csv".equals(format)) {
            Respond.csv(ctx, "stocktake-" + id + ".csv", toCsv(report).toString());
          } else if ("xlsx".equals(format)) {
            Xlsx.send(app, ctx, "stocktake-" + id, "盘点单", toCsv(report));
          } else {
            Respond.ok(ctx, report);
          }
        })
        .onFailure(ctx::fail);
  }

  private void countLine(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    long id = QueryParams.pathId(ctx, "stocktakeId");
    long lotId = QueryParams.pathId(ctx, "lotId");
    InventoryValidation.CountInput in = InventoryValidation.count(JsonInput.object(ctx));
    findStocktake(id)
        .compose(s -> access.requireKeeper(user, s.getLong("base_id")))
        .compose(base -> app.pool().withTransaction(tx -> StocktakeRepository.lockStatus(tx, id)
            .compose(status -> {
              if (!status.equals("open")) {
                throw ApiError.conflict("stocktake_closed", "Stocktake " + id + " is " + status);
              }
              return StocktakeRepository.count(tx, id, lotId, in.countedQuantity(), in.note(), user.id(), app.now());
            })
            .compose(found -> {
              if (!found) {
                throw ApiError.notFound("Line for lot " + lotId + " on stocktake", id);
              }
              return AuditLog.record(tx, app.now(), user, "stocktake.count", "stocktake", id,
                  new JsonObject().put("lotId", lotId).put("counted", Quantities.json(in.countedQuantity())));
            })))
        .compose(v -> StocktakeRepository.report(app.pool(), id, app::iso))
        .onSuccess(report -> Respond.ok(ctx, report))
        .onFailure(ctx::fail);
  }

  private void closeStocktake(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    long id = QueryParams.pathId(ctx, "stocktakeId");
    JsonObject body = ctx.body().length() == 0 ? new JsonObject() : JsonInput.object(ctx);
    Idempotency.requireKey(ctx);
    findStocktake(id)
        .compose(s -> access.requireKeeper(user, s.getLong("base_id")))
        .compose(base -> WriteRoute.inTransaction(ctx, app, body,
            (tx, events) -> service.close(tx, user, id, base, events)))
        .onFailure(ctx::fail);
  }

  private Future<Row> findStocktake(long id) {
    return stocktakes.find(id).map(s -> s.orElseThrow(() -> ApiError.notFound("Stocktake", id)));
  }

  private static Csv toCsv(JsonObject report) {
    Csv csv = new Csv().row("盘点单 Stocktake", report.getLong("id"), "基地 Base", report.getString("baseNameZh"),
        "状态 Status", report.getString("status"));
    csv.row("物资 Item", "批次 Lot", "单位 Unit", "账面 Book", "实盘 Counted", "差异 Difference", "盘点人 Counted by",
        "备注 Note");
    JsonArray lines = report.getJsonArray("lines");
    for (int i = 0; i < lines.size(); i++) {
      JsonObject l = lines.getJsonObject(i);
      csv.row(l.getString("itemNameZh"), l.getString("lotCode"), l.getString("unitOfMeasure"), l.getValue("book"),
          l.getValue("counted"), l.getValue("difference"), l.getString("countedBy"), l.getString("note"));
    }
    return csv;
  }

  private static boolean isDuplicate(Throwable t) {
    return t instanceof io.vertx.pgclient.PgException pg && "23505".equals(pg.getSqlState());
  }
}
