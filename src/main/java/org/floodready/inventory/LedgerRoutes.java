package org.floodready.inventory;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Row;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.floodready.config.AppConfig;
import org.floodready.access.Visibility;
import org.floodready.app.AppContext;
import org.floodready.access.CurrentUser;
import org.floodready.db.Where;
import org.floodready.sheets.Xlsx;
import org.floodready.errors.ApiError;
import org.floodready.sheets.Csv;
import org.floodready.db.PageRequest;
import org.floodready.web.Paging;
import org.floodready.web.QueryParams;
import org.floodready.web.Respond;

/** The ledger (台账) and stock cards of one lot or one base-item, as JSON pages, CSV (UTF-8 with BOM) or .xlsx. */
final class LedgerRoutes {
  private static final Map<String, String> SORT = Map.of("id", "m.id", "at", "m.at, m.id");
  /** Ledger rows per chunk of a streamed CSV export. */
  private static final int CSV_CHUNK = 1_000;
  /** Rows of an .xlsx export at most (it is built whole; CSV streams every row). */
  static final int XLSX_LIMIT = 100_000;
  private static final List<String> HEADER = List.of("编号 No.", "时间 Time", "类型 Kind", "基地 Base", "物资 Item",
      "批次 Lot", "单位 Unit", "变动 Change", "结存 Balance", "经办人 Actor", "去向 Recipient", "原因 Reason",
      "盘点数 Counted", "备注 Note");
  private static final List<String> KINDS =
      List.of("receipt", "issue", "transfer", "adjustment", "write_off", "condition_change");

  private final AppContext app;
  private final StockLedger ledger;
  private final BaseAccess access;
  private final LotRepository lots;

  LedgerRoutes(AppContext app, BaseAccess access) {
    this.app = app;
    this.ledger = new StockLedger(app.pool());
    this.access = access;
    this.lots = new LotRepository(app.pool());
  }

  void mount(Router api) {
    api.get("/movements").handler(this::listMovements);
    api.get("/movements/check").handler(this::checkLedger);
    api.get("/lots/:lotId/movements").handler(this::lotCard);
    api.get("/bases/:baseId/items/:itemId/movements").handler(this::baseItemCard);
  }

  private void listMovements(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    QueryParams q = new QueryParams(ctx);
    Where where = new Where()
        .and("m.base_id = ?", q.id("baseId"))
        .and("m.item_id = ?", q.id("itemId"))
        .and("m.lot_id = ?", q.id("lotId"))
        .and(InventorySql.BASE_IN_UNIT, q.id("unitId"));
    Visibility.bases(where, user, "m.base_id");
    respond(ctx, where, "ledger", Listing.of(ctx, app.config()));
  }

  /** 账实相符: every lot whose on-hand differs from the sum of its ledger (should be none). */
  private void checkLedger(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    Where where = Visibility.bases(new Where(), user, "l.base_id");
    Respond.ok(ctx, ledger.mismatches(where).map(rows -> {
      io.vertx.core.json.JsonArray out = new io.vertx.core.json.JsonArray();
      long checked = 0;
      for (Row r : rows) {
        checked = r.getLong("checked");
        if (r.getLong("lot_id") != null) {
          out.add(new JsonObject().put("lotId", r.getLong("lot_id"))
              .put("onHand", Quantities.json(r.getBigDecimal("quantity")))
              .put("ledgerSum", Quantities.json(r.getBigDecimal("ledger_sum"))));
        }
      }
      return new JsonObject().put("checkedLots", checked).put("mismatches", out);
    }));
  }

  private void lotCard(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    long lotId = QueryParams.pathId(ctx, "lotId");
    Listing listing = Listing.of(ctx, app.config());
    LocalDate today = app.now().atZoneSameInstant(app.config().zone()).toLocalDate();
    lots.find(lotId, today, app.config().zone().getId())
        .map(lot -> lot.orElseThrow(() -> ApiError.notFound("Lot", lotId)))
        .compose(lot -> access.requireRead(user, lot.baseId()).map(lot))
        .onSuccess(lot -> respond(ctx, new Where().and("m.lot_id = ?", lotId), "stock-card-lot-" + lot.lotCode(),
            listing))
        .onFailure(ctx::fail);
  }

  private void baseItemCard(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    long baseId = QueryParams.pathId(ctx, "baseId");
    long itemId = QueryParams.pathId(ctx, "itemId");
    Listing listing = Listing.of(ctx, app.config());
    access.requireRead(user, baseId)
        .compose(base -> new ItemRepository(app.pool()).find(itemId)
            .map(item -> item.orElseThrow(() -> ApiError.notFound("Item", itemId))))
        .onSuccess(item -> respond(ctx, new Where().and("m.base_id = ?", baseId).and("m.item_id = ?", itemId),
            "stock-card-" + baseId + "-" + item.code(), listing))
        .onFailure(ctx::fail);
  }

  /**
   * The common filters (kind, from, to), format and paging, read before any lookup: a bad value must
   * fail the request, not throw later inside a success handler where nobody would answer.
   */
  private record Listing(String kind, OffsetDateTime from, OffsetDateTime to, String format, PageRequest page) {
    static Listing of(RoutingContext ctx, AppConfig config) {
      QueryParams q = new QueryParams(ctx);
      String format = q.oneOf("format", List.of("json", "csv", "xlsx"));
      boolean file = "csv".equals(format) || "xlsx".equals(format);
      return new Listing(q.oneOf("kind", KINDS), q.time("from"), q.time("to"), format,
          file ? null : Paging.from(ctx, config, SORT, "id"));
    }

    boolean file() {
      return page == null;
    }
  }

  /** Adds the common filters and answers a page, or the whole card as CSV with format=csv. */
  private void respond(RoutingContext ctx, Where where, String name, Listing listing) {
    where.and("m.kind = ?", listing.kind())
        .and("m.at >= ?", listing.from())
        .and("m.at < ?", listing.to());
    if (listing.file()) {
      String file = name.replaceAll("[^A-Za-z0-9_.-]", "_");
      if ("xlsx".equals(listing.format())) {
        xlsx(ctx, where, file);
      } else {
        streamCsv(ctx, where, file + ".csv");
      }
      return;
    }
    PageRequest page = listing.page();
    ledger.page(where, page)
        .onSuccess(rows -> Respond.ok(ctx, page.result(rows, r -> StockLedger.toJson(r, app::iso))))
        .onFailure(ctx::fail);
  }

  /**
   * The whole selection as CSV, streamed: a cursor reads {@link #CSV_CHUNK} rows at a time and the next chunk only
   * when the client has taken the last one (the response's write queue drained), so the heap holds one chunk
   * whatever the ledger's length. A failure before the first chunk is the JSON error; after it (the head is sent)
   * the download is cut off.
   */
  private void streamCsv(RoutingContext ctx, Where where, String filename) {
    HttpServerResponse resp = ctx.response();
    Promise<Void> gone = Promise.promise();
    resp.closeHandler(v -> gone.tryFail("the client closed the download"));
    ledger.inChunks(where, CSV_CHUNK, rows -> {
      if (gone.future().failed()) {
        return gone.future();
      }
      Csv chunk = new Csv();
      if (!resp.headWritten()) {
        resp.setChunked(true).putHeader("Content-Type", "text/csv; charset=utf-8")
            .putHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        chunk.row(HEADER);
      }
      rows.forEach(r -> chunk.row(csvCells(r)));
      resp.write((resp.headWritten() ? "" : "\uFEFF") + chunk);
      if (!resp.writeQueueFull()) {
        return Future.succeededFuture();
      }
      Promise<Void> drained = Promise.promise();
      resp.drainHandler(v -> drained.tryComplete());
      gone.future().onFailure(drained::tryFail);
      return drained.future();
    }).onSuccess(v -> resp.end()).onFailure(e -> {
      if (resp.headWritten()) {
        resp.reset();
      } else {
        ctx.fail(e);
      }
    });
  }

  /**
   * The selection as .xlsx, at most {@link #XLSX_LIMIT} rows (a spreadsheet is built whole; Excel's own limit is
   * 1,048,576 rows): when there are more, the last row says so and the answer's {@code X-Export-Truncated} header.
   */
  private void xlsx(RoutingContext ctx, Where where, String file) {
    ledger.all(where, XLSX_LIMIT + 1).onSuccess(rows -> {
      Csv table = new Csv().row(HEADER);
      int n = 0;
      for (Row r : rows) {
        if (n++ == XLSX_LIMIT) {
          table.row("仅含前 " + String.format("%,d", XLSX_LIMIT) + " 行；完整台账请导出 CSV。Only the first "
              + String.format("%,d", XLSX_LIMIT) + " rows: export CSV for the whole ledger.");
          ctx.response().putHeader("X-Export-Truncated", "true");
          break;
        }
        table.row(csvCells(r));
      }
      Xlsx.send(app, ctx, file, "台账", table);
    }).onFailure(ctx::fail);
  }

  private List<Object> csvCells(Row r) {
    JsonObject m = StockLedger.toJson(r, app::iso);
    return java.util.Arrays.asList(m.getLong("id"), m.getString("at"), m.getString("kind"), m.getString("baseNameZh"),
        m.getString("itemNameZh"), m.getString("lotCode"), m.getString("unitOfMeasure"),
        plain(m.getValue("quantity")), plain(m.getValue("balance")), m.getString("actorName"),
        m.getString("recipient"), m.getString("reason"), plain(m.getValue("countedQuantity")),
        m.getString("note"));
  }

  private static BigDecimal plain(Object n) {
    return n == null ? null : new BigDecimal(n.toString());
  }
}
