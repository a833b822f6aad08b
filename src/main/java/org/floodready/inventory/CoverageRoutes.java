package org.floodready.inventory;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.floodready.access.Assignments;
import org.floodready.app.AppContext;
import org.floodready.access.CurrentUser;
import org.floodready.access.Role;
import org.floodready.db.Where;
import org.floodready.errors.ApiError;
import org.floodready.sheets.Xlsx;
import org.floodready.sheets.Csv;
import org.floodready.web.QueryParams;
import org.floodready.web.Respond;
import org.floodready.units.Unit;
import org.floodready.units.UnitRepository;

/** Coverage (usable / required) at every level, and "where to get it from" for a shortfall. */
final class CoverageRoutes {
  private static final List<String> GROUPS = List.of("base", "category", "unit", "district", "all");

  private final AppContext app;
  private final BaseAccess access;
  private final CoverageService coverage;
  private final ResponseLevelRepository levels;
  private final UnitRepository units;
  private final LotRepository lots;
  private final Assignments assignments;
  private final Sourcing sourcing;

  CoverageRoutes(AppContext app, BaseAccess access) {
    this.app = app;
    this.access = access;
    this.coverage = new CoverageService(app);
    this.levels = new ResponseLevelRepository(app.pool());
    this.units = new UnitRepository(app.pool());
    this.lots = new LotRepository(app.pool());
    this.assignments = new Assignments(app.pool());
    this.sourcing = new Sourcing(app);
  }

  void mount(Router api) {
    api.get("/coverage").handler(this::itemCoverage);
    api.get("/coverage/summary").handler(this::coverageSummary);
    api.get("/coverage/lots").handler(this::lotCoverage);
    api.get("/coverage/sources").handler(this::findSources);
  }

  /** The selection every coverage view starts from: level, filters, keeper scope. */
  private record Selection(ResponseLevel level, List<CoverageLine> lines, Map<Long, Unit> units) {
  }

  private Future<Selection> select(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    QueryParams q = new QueryParams(ctx);
    Long baseId = q.id("baseId");
    Long itemId = q.id("itemId");
    Long unitId = q.id("unitId");
    String category = q.oneOf("category", Item.CATEGORIES);
    boolean shortOnly = Boolean.TRUE.equals(q.bool("shortOnly"));
    ResponseLevel asked = parseLevel(q.text("responseLevel"));
    Future<Set<Long>> kept = user.is(Role.BASE_KEEPER) ? assignments.keptBases(user.id()) : Future.succeededFuture(null);
    return (asked == null ? levels.current() : Future.succeededFuture(asked))
        .compose(level -> coverage.lines(app.now(), level).compose(lines -> units.list(new Where()).compose(all ->
            kept.map(mine -> {
              Map<Long, Unit> byId = new LinkedHashMap<>();
              all.forEach(u -> byId.put(u.id(), u));
              List<CoverageLine> out = new ArrayList<>();
              for (CoverageLine line : lines) {
                CoverageRow r = line.row();
                if ((baseId == null || r.baseId() == baseId) && (itemId == null || r.itemId() == itemId)
                    && (category == null || r.category().equals(category))
                    && (unitId == null || within(byId, r.unitId(), unitId))
                    && (mine == null || mine.contains(r.baseId()))
                    && (!shortOnly || r.shortfall().signum() > 0)) {
                  out.add(line);
                }
              }
              return new Selection(level, out, byId);
            }))));
  }

  private void itemCoverage(RoutingContext ctx) {
    String format = new QueryParams(ctx).oneOf("format", List.of("json", "csv", "xlsx"));
    select(ctx).onSuccess(sel -> {
      if ("csv".equals(format)) {
        Respond.csv(ctx, "coverage-" + sel.level().code() + ".csv", toCsv(sel).toString());
        return;
      }
      if ("xlsx".equals(format)) {
        Xlsx.send(app, ctx, "coverage-" + sel.level().code(), "保障率与缺口", toCsv(sel));
        return;
      }
      JsonArray items = new JsonArray();
      sel.lines().forEach(l -> items.add(l.toJson()));
      Respond.ok(ctx, new JsonObject().put("responseLevel", sel.level().code()).put("items", items));
    }).onFailure(ctx::fail);
  }

  private static Csv toCsv(Selection sel) {
    Csv csv = new Csv().row("基地 Base", "物资 Item", "类别 Category",
        "单位 Unit", "定额 Quota", "响应级别 Level", "应储 Required", "可用 Usable", "在库 On hand", "保障率 Coverage",
        "缺口 Shortfall");
    for (CoverageLine line : sel.lines()) {
      CoverageRow r = line.row();
      BigDecimal ratio = r.ratio();
      csv.row(r.baseNameZh(), r.itemNameZh(), r.category(), line.unitOfMeasure(), line.quota(),
          sel.level().label(), Quantities.json(r.required()), Quantities.json(r.usable()),
          Quantities.json(line.onHand()), ratio == null ? "" : new Csv.Percent(ratio),
          Quantities.json(r.shortfall()));
    }
    return csv;
  }

  private void coverageSummary(RoutingContext ctx) {
    String groupBy = new QueryParams(ctx).oneOf("groupBy", GROUPS);
    String by = groupBy == null ? "base" : groupBy;
    select(ctx).onSuccess(sel -> {
      Map<String, List<CoverageLine>> groups = new LinkedHashMap<>();
      Map<String, String> names = new LinkedHashMap<>();
      for (CoverageLine line : sel.lines()) {
        CoverageRow r = line.row();
        String key;
        String name;
        switch (by) {
          case "base" -> {
            key = Long.toString(r.baseId());
            name = r.baseNameZh();
          }
          case "category" -> {
            key = r.category();
            name = r.category();
          }
          case "unit" -> {
            key = Long.toString(r.unitId());
            name = unitName(sel.units(), r.unitId());
          }
          case "district" -> {
            Unit d = ancestorAt(sel.units(), r.unitId(), "district");
            key = d == null ? "-" : Long.toString(d.id());
            name = d == null ? "-" : d.nameZh();
          }
          default -> {
            key = "all";
            name = "全部 All";
          }
        }
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(line);
        names.put(key, name);
      }
      JsonArray out = new JsonArray();
      groups.forEach((key, lines) -> out.add(CoverageRollup.of(key, names.get(key), lines)));
      Respond.ok(ctx, new JsonObject().put("responseLevel", sel.level().code()).put("groupBy", by)
          .put("groups", out));
    }).onFailure(ctx::fail);
  }

  /** One base-item: quota, usable and every lot with why it does or does not count. */
  private void lotCoverage(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    QueryParams q = new QueryParams(ctx);
    Long baseId = q.id("baseId");
    Long itemId = q.id("itemId");
    if (baseId == null || itemId == null) {
      throw ApiError.invalid(baseId == null ? "baseId" : "itemId", "is required");
    }
    LocalDate today = coverage.today(app.now());
    access.requireRead(user, baseId)
        .compose(base -> select(ctx))
        .compose(sel -> lots.list(LotRepository.where(today, app.config().zone().getId())
                .and("l.base_id = ?", baseId).and("l.item_id = ?", itemId).and("l.quantity > 0"), "l.id")
            .map(list -> {
              JsonArray lotJson = new JsonArray();
              list.forEach(l -> lotJson.add(l.toJson(app::iso)));
              JsonObject line = sel.lines().isEmpty() ? null : sel.lines().get(0).toJson();
              return new JsonObject().put("responseLevel", sel.level().code()).put("baseId", baseId)
                  .put("itemId", itemId).put("quota", line).put("lots", lotJson);
            }))
        .onSuccess(json -> Respond.ok(ctx, json))
        .onFailure(ctx::fail);
  }

  /**
   * Bases that can give an item without falling below their own quota, nearest first (straight
   * line), with a plan that covers the need. The need is a quantity, or a base's shortfall.
   */
  private void findSources(RoutingContext ctx) {
    CurrentUser.of(ctx);
    QueryParams q = new QueryParams(ctx);
    Long itemId = q.id("itemId");
    if (itemId == null) {
      throw ApiError.invalid("itemId", "is required");
    }
    Long baseId = q.id("baseId");
    BigDecimal quantity = quantityParam(q.text("quantity"));
    Double lat = coordinate(q.text("lat"), "lat", 90);
    Double lon = coordinate(q.text("lon"), "lon", 180);
    if (baseId == null && (lat == null || lon == null)) {
      throw ApiError.invalid(lat == null ? "lat" : "lon", "give baseId, or lat and lon of where it is needed");
    }
    if (baseId == null && quantity == null) {
      throw ApiError.invalid("quantity", "is required when the need is at a location");
    }
    ResponseLevel asked = parseLevel(q.text("responseLevel"));
    new ItemRepository(app.pool()).find(itemId)
        .map(item -> item.orElseThrow(() -> ApiError.notFound("Item", itemId)))
        .compose(item -> (asked == null ? levels.current() : Future.succeededFuture(asked))
            .compose(level -> sourcing.stockAtEveryBase(List.of(itemId), app.now(), level).map(byItem -> {
              List<Sourcing.Stock> stock = byItem.getOrDefault(itemId, List.of());
              Sourcing.Stock target = null;
              for (Sourcing.Stock s : stock) {
                if (baseId != null && s.base().id() == baseId) {
                  target = s;
                }
              }
              if (baseId != null && target == null) {
                throw ApiError.notFound("Base", baseId);
              }
              BigDecimal need = quantity != null ? quantity : Quantities.shortfall(target.usable(), target.required());
              double fromLat = lat != null ? lat : orNaN(target.base().lat());
              double fromLon = lon != null ? lon : orNaN(target.base().lon());
              Sourcing.Plan plan = Sourcing.rank(stock, baseId, fromLat, fromLon, need);
              return new JsonObject().put("responseLevel", level.code()).put("item", item.toJson())
                  .put("need", Quantities.json(need)).put("coverable", Quantities.json(plan.coverable()))
                  .put("uncovered", Quantities.json(plan.uncovered())).put("sources", plan.sourcesJson());
            })))
        .onSuccess(json -> Respond.ok(ctx, json))
        .onFailure(ctx::fail);
  }

  private static boolean within(Map<Long, Unit> units, long unitId, long ancestorId) {
    for (Unit u = units.get(unitId); u != null; u = u.parentId() == null ? null : units.get(u.parentId())) {
      if (u.id() == ancestorId) {
        return true;
      }
    }
    return false;
  }

  private static Unit ancestorAt(Map<Long, Unit> units, long unitId, String level) {
    for (Unit u = units.get(unitId); u != null; u = u.parentId() == null ? null : units.get(u.parentId())) {
      if (u.level().equals(level)) {
        return u;
      }
    }
    return null;
  }

  private static String unitName(Map<Long, Unit> units, long id) {
    Unit u = units.get(id);
    return u == null ? "-" : u.nameZh();
  }

  private static ResponseLevel parseLevel(String text) {
    if (text == null) {
      return null;
    }
    ResponseLevel level = ResponseLevel.parse(text);
    if (level == null) {
      throw ApiError.invalid("responseLevel", "must be one of " + String.join(", ", ResponseLevel.codes()));
    }
    return level;
  }

  private static BigDecimal quantityParam(String text) {
    if (text == null) {
      return null;
    }
    Function<String, ApiError> bad = p -> ApiError.invalid("quantity", p);
    BigDecimal q;
    try {
      q = new BigDecimal(text).stripTrailingZeros();
    } catch (NumberFormatException e) {
      throw bad.apply("must be a number");
    }
    if (q.signum() <= 0 || q.scale() > 3 || q.compareTo(new BigDecimal("1000000000")) > 0) {
      throw bad.apply("must be > 0, at most 1000000000, with at most 3 decimals");
    }
    return q;
  }

  private static Double coordinate(String text, String name, double max) {
    if (text == null) {
      return null;
    }
    try {
      double d = Double.parseDouble(text);
      if (Double.isFinite(d) && Math.abs(d) <= max) {
        return d;
      }
    } catch (NumberFormatException e) {
      // falls through
    }
    throw ApiError.invalid(name, "must be a number between -" + (int) max + " and " + (int) max);
  }

  private static double orNaN(Double d) {
    return d == null ? Double.NaN : d;
  }
}
