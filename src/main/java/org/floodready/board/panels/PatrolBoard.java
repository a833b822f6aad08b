package org.floodready.board.panels;

import org.floodready.access.Visibility;
import org.floodready.board.charts.BarChartSpec;
import org.floodready.board.charts.ChartKey;
import org.floodready.board.charts.ChartResponder;
import org.floodready.board.charts.ChartSpec;
import org.floodready.board.charts.ChartVersions;
import org.floodready.board.report.DailyReport;
import org.floodready.board.report.ReportDraft;
import org.floodready.print.ReportTable;
import org.floodready.board.report.ReportWords;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.floodready.app.AppContext;
import org.floodready.access.CurrentUser;
import org.floodready.board.charts.FlightCache;
import org.floodready.geo.MapView;
import org.floodready.access.Role;
import org.floodready.db.Where;
import org.floodready.errors.ApiError;
import org.floodready.patrols.ComplianceService;
import org.floodready.patrols.ReachCompliance;
import org.floodready.patrols.UnitCompliance;
import org.floodready.units.Unit;
import org.floodready.units.UnitRepository;

/** River chiefs on the board: compliance by unit, hazards by age, reaches on the map, the day's patrols. */
public final class PatrolBoard implements BoardPart {
  static final List<String> AGE_BUCKETS = List.of("≤7天 days", "8–30天 days", "31–90天 days", ">90天 days");
  static final Map<String, String> SEVERITY_ZH = Map.of("high", "重大 high", "medium", "较大 medium", "low", "一般 low");

  /** Reaches on the site map (at their first point): yellow when not compliant this period. */
  private static final SiteMapLayer MAP_REACHES = new SiteMapLayer("reaches", "reaches", "t.map_lat", "t.map_lon",
      List.of("ok", "yellow", "overdue"));

  private final AppContext app;
  private final ComplianceService compliance;
  private final PatrolData data;
  private final UnitRepository units;
  /** The ranks of every reach, by clock minute (see {@link #everyReachRank}). */
  private final FlightCache<Map<Long, Integer>> ranksByMinute = new FlightCache<>(2);

  PatrolBoard(AppContext app) {
    this.app = app;
    this.compliance = new ComplianceService(app);
    this.data = new PatrolData(app.pool());
    this.units = new UnitRepository(app.pool());
  }

  @Override
  public void addPanels(Map<String, PanelSources.Source> panels) {
    panels.put("compliance", (user, now) -> byUnit(user, now).map(list -> {
      JsonArray items = new JsonArray();
      list.forEach(c -> items.add(c));
      return new JsonObject().put("items", items);
    }));
  }

  @Override
  public void mountCharts(Router api, ChartResponder charts) {
    api.get("/charts/compliance.png").handler(ctx -> complianceChart(ctx, charts));
    api.get("/charts/hazard-ages.png").handler(ctx -> hazardAgesChart(ctx, charts));
  }

  private void complianceChart(RoutingContext ctx, ChartResponder charts) {
    CurrentUser user = CurrentUser.of(ctx);
    int[] size = ChartResponder.size(ctx, 900, 400);
    Future<Void> allowed = user.role().seesEverything() ? Future.succeededFuture() : Future.failedFuture(notForYou());
    charts.serve(ctx, new ChartKey("compliance", Map.of(), size, ChartVersions.COMPLIANCE), allowed,
        () -> byUnit(user, app.now()).map(PatrolBoard::complianceSpec));
  }

  static ChartSpec complianceSpec(List<JsonObject> rows) {
    List<BarChartSpec.Bar> bars = new ArrayList<>();
    rows.stream().filter(r -> r.getInteger("reaches") > 0).forEach(r -> bars.add(new BarChartSpec.Bar("巡河达标率",
        r.getString("nameZh"), Math.round(r.getDouble("complianceRate") * 1000) / 10.0)));
    return new BarChartSpec("河长巡河达标率 Patrol compliance by unit", "单位 Unit", "达标率 Compliance %", bars,
        100.0, "100%", 80.0);
  }

  private void hazardAgesChart(RoutingContext ctx, ChartResponder charts) {
    CurrentUser user = CurrentUser.of(ctx);
    int[] size = ChartResponder.size(ctx, 900, 400);
    OffsetDateTime now = app.now();
    // Ages are counted in whole days, so the image changes at most once a day unless hazards change.
    String day = now.atZoneSameInstant(app.config().zone()).toLocalDate().toString();
    Long chief = chiefScope(user);
    ChartKey key = new ChartKey("hazard-ages", Map.of("day", day, "scope", chief == null ? "all" : "chief-" + chief),
        size, ChartVersions.HAZARDS);
    charts.serve(ctx, key, Future.succeededFuture(),
        () -> data.openHazards(chief).map(list -> hazardAgesSpec(list, app.now())));
  }

  static ChartSpec hazardAgesSpec(List<PatrolData.OpenHazard> hazards, OffsetDateTime now) {
    Map<String, int[]> counts = new HashMap<>();
    for (PatrolData.OpenHazard h : hazards) {
      long days = Duration.between(h.reportedAt(), now).toDays();
      int bucket = days <= 7 ? 0 : days <= 30 ? 1 : days <= 90 ? 2 : 3;
      counts.computeIfAbsent(h.severity(), k -> new int[4])[bucket]++;
    }
    List<BarChartSpec.Bar> bars = new ArrayList<>();
    for (String severity : List.of("high", "medium", "low")) {
      int[] c = counts.getOrDefault(severity, new int[4]);
      for (int i = 0; i < AGE_BUCKETS.size(); i++) {
        bars.add(new BarChartSpec.Bar(SEVERITY_ZH.get(severity), AGE_BUCKETS.get(i), c[i]));
      }
    }
    return new BarChartSpec("未销号隐患 Open hazards by age", "隐患已存在 Age", "数量 Count",
        hazards.isEmpty() ? List.of() : bars, null, null, null, List.of("red", "orange", "yellow"), true);
  }

  @Override
  public Future<Void> addToMap(CurrentUser user, OffsetDateTime now, MapView view, JsonObject map) {
    if (!user.role().seesEverything() && !user.is(Role.RIVER_CHIEF)) {
      return Future.succeededFuture();
    }
    Long chief = user.role().seesEverything() ? null : user.id();
    SiteMapLayer.Scope scope = chief == null ? SiteMapLayer.ALL : where -> where.and("t.chief_user_id = ?", chief);
    return MAP_REACHES.addExtent(map, app.pool(), scope).compose(v -> MAP_REACHES.addTo(map, app.pool(), view, scope,
        ids -> reachesOnMap(ids, now), () -> chief == null ? everyReachRank(now) : reachRanks(chief, now)));
  }

  /**
   * The cells' worst states need the compliance of every reach in view (60,000 at province size, seconds of SQL):
   * computed at most once a clock minute and shared by the map's requests; single reaches (points) are always
   * computed afresh.
   */
  private Future<Map<Long, Integer>> everyReachRank(OffsetDateTime now) {
    String minute = now.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString();
    return ranksByMinute.get(minute, () -> reachRanks(null, now));
  }

  private Future<Map<Long, Integer>> reachRanks(Long chief, OffsetDateTime now) {
    return compliance.reaches(new Where().and("r.chief_user_id = ?", chief), now)
        .map(states -> MAP_REACHES.ranks(states, ReachCompliance::reachId, PatrolBoard::reachState));
  }

  private Future<List<JsonObject>> reachesOnMap(List<Long> ids, OffsetDateTime now) {
    Long[] wanted = ids.toArray(Long[]::new);
    return compliance.reaches(new Where().and("r.id = ANY(?)", wanted), now).compose(states -> data.reaches(wanted)
        .map(lines -> {
          Map<Long, ReachCompliance> byReach = new HashMap<>();
          states.forEach(s -> byReach.put(s.reachId(), s));
          List<JsonObject> out = new ArrayList<>();
          for (PatrolData.ReachLine r : lines) {
            ReachCompliance c = byReach.get(r.id());
            out.add(new JsonObject().put("id", r.id()).put("code", r.code()).put("nameZh", r.nameZh())
                .put("unitId", r.unitId()).put("coordinates", r.coordinates()).put("state", reachState(c))
                .put("patrolsThisPeriod", c == null ? null : c.counted())
                .put("required", c == null ? null : c.frequency().times())
                .put("chief", c == null ? null : c.chiefName()));
          }
          return out;
        }));
  }

  private static String reachState(ReachCompliance c) {
    return c == null ? "ok" : c.overdue() ? "overdue" : c.compliant() ? "ok" : "yellow";
  }

  @Override
  public Future<Void> addToReport(ReportDraft report) {
    return data.patrols(report.from, report.to, ReportDraft.MAX_ROWS).compose(patrols -> {
      List<List<Object>> rows = new ArrayList<>();
      for (PatrolData.PatrolOfDay p : patrols) {
        rows.add(List.of(report.time(p.startedAt()), p.reachNameZh(), p.patroller(),
            String.format("%.1f km", p.distanceM() / 1000), (p.durationS() / 60) + " min",
            p.counted() ? "计入 counted" : "不计入 " + p.notCountedReason()));
      }
      report.table(new ReportTable("patrols", "河长巡河 Patrols of the day", List.of("开始 Start", "河段 Reach",
          "巡河人 Patroller", "距离 Distance", "时长 Duration", "是否计入 Counted"), rows,
          ReportDraft.limitNote(patrols.size())));
      return data.hazardEvents(report.from, report.to, ReportDraft.MAX_ROWS);
    }).compose(events -> {
      List<List<Object>> rows = new ArrayList<>();
      for (PatrolData.HazardEvent e : events) {
        rows.add(List.of(report.time(e.at()), "#" + e.hazardId() + " " + ReportWords.word(e.type()),
            e.reachNameZh() == null ? "" : e.reachNameZh(), ReportWords.word(e.action()),
            (e.fromStatus() == null ? "" : ReportWords.word(e.fromStatus()) + " → ") + ReportWords.word(e.toStatus()),
            e.actor(), e.reason() == null ? "" : e.reason()));
      }
      report.table(new ReportTable("hazards", "隐患处置 Hazards of the day", List.of("时间 Time", "隐患 Hazard",
          "河段 Reach", "操作 Action", "状态 Status", "操作人 By", "原因 Reason"), rows,
          ReportDraft.limitNote(events.size())));
      return byUnit(null, report.asOf());
    }).map(list -> {
      report.chart(new DailyReport.Chart("河长巡河达标率 Patrol compliance by unit",
          "/api/charts/compliance.png?width=1000&height=420", complianceSpec(list)));
      return null;
    });
  }

  /** Compliance per unit with the unit's name; the duty room sees all, others 403. null user = the report. */
  private Future<List<JsonObject>> byUnit(CurrentUser user, OffsetDateTime now) {
    if (user != null && !user.role().seesEverything()) {
      return Future.failedFuture(notForYou());
    }
    return compliance.byUnit(now).compose(list -> units.list(new Where()).map(all -> {
      Map<Long, Unit> byId = new HashMap<>();
      all.forEach(u -> byId.put(u.id(), u));
      List<JsonObject> out = new ArrayList<>();
      for (UnitCompliance c : list) {
        Unit u = byId.get(c.unitId());
        out.add(c.toJson().put("nameZh", u == null ? "#" + c.unitId() : u.nameZh())
            .put("nameEn", u == null ? null : u.nameEn())
            .put("compliancePct", Math.round(c.complianceRate() * 1000) / 10.0));
      }
      out.sort((a, b) -> Double.compare(a.getDouble("complianceRate"), b.getDouble("complianceRate")));
      return out;
    }));
  }

  private static ApiError notForYou() {
    return ApiError.forbidden("Compliance by unit is for the duty room");
  }

  private static Long chiefScope(CurrentUser user) {
    if (user.role().seesEverything()) {
      return null;
    }
    if (Visibility.chief(user) != null) {
      return Visibility.chief(user);
    }
    throw ApiError.forbidden("Hazards are for the duty room and river chiefs");
  }
}
