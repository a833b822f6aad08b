package org.floodready.board.panels;

import org.floodready.access.Assignments;
import org.floodready.board.charts.BarChartSpec;
import org.floodready.board.charts.ChartCache;
import org.floodready.board.charts.ChartKey;
import org.floodready.board.charts.ChartResponder;
import org.floodready.board.charts.ChartSpec;
import org.floodready.board.charts.ChartVersions;
import org.floodready.board.report.DailyReport;
import org.floodready.board.report.ReportDraft;
import org.floodready.print.ReportTable;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.floodready.app.AppContext;
import org.floodready.access.CurrentUser;
import org.floodready.geo.MapView;
import org.floodready.access.Role;
import org.floodready.errors.ApiError;
import org.floodready.web.QueryParams;
import org.floodready.inventory.CoverageRow;
import org.floodready.inventory.CoverageService;
import org.floodready.inventory.Sourcing;

/** Stock on the board: shortfalls with where to get it from, the coverage chart, bases on the map. */
public final class InventoryBoard implements BoardPart {
  static final List<String> GROUPINGS = List.of("category", "base");

  /** Bases on the site map: short when any item is below its quota. */
  private static final SiteMapLayer MAP_BASES = new SiteMapLayer("bases", "bases", "t.lat", "t.lon",
      List.of("ok", "short"));

  private final AppContext app;
  private final CoverageService coverage;
  private final InventoryData data;
  private final Assignments assignments;
  private final ChartCache chartCache;
  private final CoverageRows coverageRows;
  private final Sourcing sourcing;

  InventoryBoard(AppContext app) {
    this.app = app;
    this.chartCache = ChartCache.of(app.vertx());
    this.coverageRows = CoverageRows.of(app);
    this.coverage = new CoverageService(app);
    this.data = new InventoryData(app.pool());
    this.assignments = new Assignments(app.pool());
    this.sourcing = new Sourcing(app);
  }

  @Override
  public void addPanels(Map<String, PanelSources.Source> panels) {
    panels.put("coverage", (user, now) -> bases(user, now).compose(bases -> {
      List<CoverageRow> shortRows = BaseCoverage.shortRows(bases);
      return shortfalls(shortRows, now).map(items -> new JsonObject().put("items", items)
          .put("pairs", bases.stream().mapToInt(BaseCoverage::pairs).sum())
          .put("pairsShort", shortRows.size()));
    }));
  }

  @Override
  public void mountCharts(Router api, ChartResponder charts) {
    api.get("/charts/coverage.png").handler(ctx -> coverageChart(ctx, charts));
  }

  private void coverageChart(RoutingContext ctx, ChartResponder charts) {
    CurrentUser user = CurrentUser.of(ctx);
    QueryParams q = new QueryParams(ctx);
    String by = q.oneOf("by", GROUPINGS);
    String grouping = by == null ? "category" : by;
    int threshold = q.integer("threshold", 80, 1, 100);
    int[] size = ChartResponder.size(ctx, 900, 450);
    ChartKey key = new ChartKey("coverage", Map.of("by", grouping, "threshold", threshold, "scope", scopeKey(user)),
        size, ChartVersions.COVERAGE);
    Future<Void> allowed = seesCoverage(user) ? Future.succeededFuture() : Future.failedFuture(notForYou());
    charts.serve(ctx, key, allowed, version -> chartCache.coverageRows.get(scopeKey(user) + "|" + version,
        () -> bases(user, app.now()).<List<?>>map(bases -> bases))
        .map(bases -> basesSpec(baseCoverage(bases), grouping, threshold)));
  }

  @SuppressWarnings("unchecked")
  private static List<BaseCoverage> baseCoverage(List<?> cached) {
    return (List<BaseCoverage>) cached;
  }

  static ChartSpec coverageSpec(List<CoverageRow> rows, String by, int threshold) {
    return basesSpec(BaseCoverage.of(rows), by, threshold);
  }

  private static ChartSpec basesSpec(List<BaseCoverage> bases, String by, int threshold) {
    String title = by.equals("base") ? "各基地物资满足率 Coverage by base" : "各类物资满足率 Coverage by category";
    return new BarChartSpec(title, by.equals("base") ? "基地 Base" : "类别 Category", "满足率 Coverage %",
        CoverageFigures.percentOf(bases, by), 100.0, "定额 Quota 100%", (double) threshold);
  }

  @Override
  public Future<Void> addToMap(CurrentUser user, OffsetDateTime now, MapView view, JsonObject map) {
    if (!user.role().seesEverything() && !user.is(Role.BASE_KEEPER)) {
      return Future.succeededFuture();
    }
    return bases(user, now).compose(coverage -> {
      Map<Long, BaseCoverage> byId = coverage.stream().collect(Collectors.toMap(BaseCoverage::baseId, c -> c));
      Long[] mine = byId.keySet().toArray(Long[]::new);
      SiteMapLayer.Scope scope = user.role().seesEverything() ? SiteMapLayer.ALL : where -> where.and("t.id = ANY(?)", mine);
      return MAP_BASES.addExtent(map, app.pool(), scope).compose(v -> MAP_BASES.addTo(map, app.pool(), view, scope,
          ids -> data.bases(ids).map(bases -> bases.stream().map(b -> baseOnMap(b, byId.get(b.id()))).toList()),
          () -> Future.succeededFuture(byId.values().stream().filter(c -> !c.shortRows().isEmpty())
              .collect(Collectors.toMap(BaseCoverage::baseId, c -> 1)))));
    });
  }

  private static JsonObject baseOnMap(InventoryData.BaseSite b, BaseCoverage c) {
    long shortItems = c == null ? 0 : c.shortRows().size();
    return new JsonObject().put("id", b.id()).put("code", b.code()).put("nameZh", b.nameZh())
        .put("nameEn", b.nameEn()).put("lat", b.lat()).put("lon", b.lon())
        .put("state", shortItems > 0 ? "short" : "ok").put("shortItems", shortItems);
  }

  @Override
  public Future<Void> addToReport(ReportDraft report) {
    return data.movements(report.from, report.to, ReportDraft.MAX_ROWS).compose(moves -> {
      List<List<Object>> lines = new ArrayList<>();
      for (InventoryData.MovementLine m : moves) {
        lines.add(List.of(report.time(m.at()), m.baseNameZh(), m.itemNameZh(), m.kind(),
            plain(m.quantity()) + " " + m.unitOfMeasure(), m.actor(), m.note() == null ? "" : m.note()));
      }
      report.table(new ReportTable("movements", "物资出入库 Stock movements", List.of("时间 Time", "基地 Base",
          "物资 Item", "类型 Kind", "数量 Qty", "经办 By", "备注 Note"), lines, ReportDraft.limitNote(moves.size())));
      return coverage.coverage(report.asOf()).compose(rows -> shortfalls(rows, report.asOf()).map(shortRows -> {
        List<List<Object>> gaps = new ArrayList<>();
        for (Object o : shortRows) {
          JsonObject r = (JsonObject) o;
          gaps.add(List.of(r.getString("baseNameZh"), r.getString("itemNameZh"), plain(r.getDouble("required")),
              plain(r.getDouble("usable")), r.getDouble("coveragePct") + "%", r.getString("getFrom")));
        }
        report.table(new ReportTable("shortfalls", "物资缺口 Stock shortfalls", List.of("基地 Base", "物资 Item",
            "定额 Quota", "可用 Usable", "满足率 Coverage", "可调自 Get it from"), gaps, null));
        report.chart(new DailyReport.Chart("各类物资满足率 Coverage by category",
            "/api/charts/coverage.png?by=category&width=1000&height=420", coverageSpec(rows, "category", 80)));
        report.chart(new DailyReport.Chart("各基地物资满足率 Coverage by base",
            "/api/charts/coverage.png?by=base&width=1000&height=420", coverageSpec(rows, "base", 80)));
        return null;
      }));
    });
  }

  /** The rows below quota with where to get each from (inventory's one {@link Sourcing}), two sources each. */
  private Future<JsonArray> shortfalls(List<CoverageRow> rows, OffsetDateTime now) {
    List<CoverageRow> shortRows = CoverageFigures.shortRows(rows);
    return sourcing.nearest(CoverageFigures.needs(shortRows), 2, now)
        .map(plans -> CoverageFigures.shortfalls(shortRows, plans));
  }

  /**
   * The coverage of the bases the user may see, from the node's incrementally kept figures (see
   * {@link CoverageRows}): all for the duty room, his bases for a keeper, else 403.
   */
  private Future<List<BaseCoverage>> bases(CurrentUser user, OffsetDateTime now) {
    if (user.role().seesEverything()) {
      return coverageRows.all(now);
    }
    if (!seesCoverage(user)) {
      return Future.failedFuture(notForYou());
    }
    return assignments.keptBases(user.id()).compose(bases -> coverageRows.all(now)
        .map(all -> all.stream().filter(b -> bases.contains(b.baseId())).toList()));
  }

  private static boolean seesCoverage(CurrentUser user) {
    return user.role().seesEverything() || user.is(Role.BASE_KEEPER);
  }

  private static ApiError notForYou() {
    return ApiError.forbidden("Stock coverage is for the duty room and base keepers");
  }

  /** The chart's cache key holds the scope: a keeper's chart covers only the bases he keeps. */
  private static String scopeKey(CurrentUser user) {
    return user.role().seesEverything() ? "all" : "user-" + user.id();
  }

  static String plain(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
