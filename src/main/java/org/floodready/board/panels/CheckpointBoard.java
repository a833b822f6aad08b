package org.floodready.board.panels;

import org.floodready.access.Assignments;
import org.floodready.board.charts.ChartKey;
import org.floodready.board.charts.ChartResponder;
import org.floodready.board.charts.ChartVersions;
import org.floodready.board.report.ReportDraft;
import org.floodready.print.ReportTable;
import org.floodready.board.report.ReportWords;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.floodready.app.AppContext;
import org.floodready.access.CurrentUser;
import org.floodready.geo.MapView;
import org.floodready.access.Role;
import org.floodready.checkpoints.CheckpointDefaults;
import org.floodready.checkpoints.CheckpointState;
import org.floodready.checkpoints.CheckpointStates;
import org.floodready.errors.ApiError;
import org.floodready.web.QueryParams;

/** Water on the board: checkpoint states, open alerts to acknowledge, level charts, checkpoints on the map. */
public final class CheckpointBoard implements BoardPart {
  static final Map<String, String> KIND_ZH = Map.of("reservoir", "水库 reservoir", "waterlogging", "积水点 waterlogging");

  /** Checkpoints on the site map, by {@link #state}: the worst of a cell is the last of these in it. */
  private static final SiteMapLayer MAP_CHECKPOINTS = new SiteMapLayer("checkpoints", "checkpoints", "t.lat", "t.lon",
      List.of("none", "blue", "yellow", "orange", "red", "unknown", "silent"));

  private final AppContext app;
  private final CheckpointStates states;
  private final CheckpointData data;
  private final Assignments assignments;

  CheckpointBoard(AppContext app) {
    this.app = app;
    this.states = new CheckpointStates(app);
    this.data = new CheckpointData(app.pool());
    this.assignments = new Assignments(app.pool());
  }

  @Override
  public void addPanels(Map<String, PanelSources.Source> panels) {
    panels.put("checkpoints", (user, now) -> visibleStates(user, now).compose(list -> data.pointKinds().map(kinds -> {
      JsonArray items = new JsonArray();
      list.stream()
          .sorted((a, b) -> Integer.compare(rank(b), rank(a)))
          .forEach(s -> items.add(stateJson(s, kinds, now)));
      return new JsonObject().put("items", items)
          .put("silent", list.stream().filter(CheckpointState::silent).count())
          .put("unknown", list.stream().filter(s -> s.lastReadingAt() == null).count());
    })));
    panels.put("alerts", (user, now) -> visibleIds(user).compose(ids -> data.openAlerts().map(alerts -> {
      boolean mayAck = user.is(Role.DUTY_OFFICER) || user.is(Role.ADMIN);
      JsonArray items = new JsonArray();
      alerts.stream().filter(a -> ids == null || ids.contains(a.checkpointId())).forEach(a -> items.add(alertJson(a,
          mayAck)));
      return new JsonObject().put("items", items);
    })));
  }

  /**
   * An acknowledgement shows only while it holds: once the level rose the alert is raised again, shows
   * when it rose, and the earlier acknowledgement is named as such.
   */
  private JsonObject alertJson(CheckpointData.OpenAlert a, boolean mayAck) {
    boolean open = a.status().equals("raised") || a.status().equals("escalated");
    boolean rose = a.levelRaisedAt() != null && a.levelRaisedAt().isAfter(a.raisedAt());
    JsonObject json = new JsonObject()
        .put("id", a.id()).put("checkpointId", a.checkpointId()).put("checkpointNameZh", a.checkpointNameZh())
        .put("unitId", a.unitId()).put("kind", a.kind()).put("level", a.level()).put("status", a.status())
        .put("message", a.reason()).put("raisedAt", app.iso(a.raisedAt()))
        .put("levelRaisedAt", rose ? app.iso(a.levelRaisedAt()) : null)
        .put("canAcknowledge", mayAck && open).put("capWithdrawnAt", app.iso(a.capWithdrawnAt()));
    JsonObject ack = a.acknowledgedAt() == null ? null : new JsonObject().put("at", app.iso(a.acknowledgedAt()))
        .put("by", a.acknowledgedBy()).put("comment", a.acknowledgementComment());
    if (open) {
      return json.putNull("acknowledgedAt").putNull("acknowledgedBy").put("earlierAcknowledgement", ack);
    }
    return json.put("acknowledgedAt", app.iso(a.acknowledgedAt())).put("acknowledgedBy", a.acknowledgedBy())
        .put("acknowledgementComment", a.acknowledgementComment());
  }

  @Override
  public void mountCharts(Router api, ChartResponder charts) {
    api.get("/charts/checkpoints/:checkpointId/levels.png").handler(ctx -> levelChart(ctx, charts));
  }

  private void levelChart(RoutingContext ctx, ChartResponder charts) {
    CurrentUser user = CurrentUser.of(ctx);
    long id = QueryParams.pathId(ctx, "checkpointId");
    int hours = new QueryParams(ctx).integer("hours", 72, 1, 24 * 31);
    int[] size = ChartResponder.size(ctx, 900, 420);
    // The window ends at the next 5-minute mark, so an image is reused for those minutes unless
    // a reading of this checkpoint arrives (its data version then moves).
    OffsetDateTime now = app.now();
    OffsetDateTime to = now.truncatedTo(java.time.temporal.ChronoUnit.HOURS)
        .plusMinutes((now.getMinute() / 5 + 1) * 5L);
    OffsetDateTime from = to.minusHours(hours);
    Future<Void> allowed = visibleIds(user).map(ids -> {
      if (ids != null && !ids.contains(id)) {
        throw ApiError.forbidden("Checkpoint " + id + " is not one of yours");
      }
      return null;
    });
    ChartKey key = new ChartKey("levels-" + id, Map.of("hours", hours, "to", to.toInstant().toString()), size,
        ChartVersions.LEVELS + id);
    charts.serve(ctx, key, allowed, () -> data.site(id).compose(site -> {
      CheckpointData.Site s = site.orElseThrow(() -> ApiError.notFound("Checkpoint", id));
      return data.readings(id, from, to).compose(readings -> data.floodLimits(id)
          .map(limits -> LevelCharts.spec(s, readings, limits, from, to, app.config().zone())));
    }));
  }

  @Override
  public Future<Void> addToMap(CurrentUser user, OffsetDateTime now, MapView view, JsonObject map) {
    if (!user.role().seesEverything() && !user.is(Role.INSPECTOR)) {
      return Future.succeededFuture();
    }
    return visibleIds(user).compose(visible -> states.all(now).compose(all -> data.pointKinds().compose(kinds -> {
      Map<Long, CheckpointState> byId = new HashMap<>();
      for (CheckpointState s : all) {
        if (visible == null || visible.contains(s.checkpointId())) {
          byId.put(s.checkpointId(), s);
        }
      }
      Map<Long, Integer> ranks = MAP_CHECKPOINTS.ranks(byId.values(), CheckpointState::checkpointId,
          CheckpointBoard::state);
      Long[] mine = visible == null ? null : visible.toArray(Long[]::new);
      SiteMapLayer.Scope scope = mine == null ? SiteMapLayer.ALL : where -> where.and("t.id = ANY(?)", mine);
      return MAP_CHECKPOINTS.addExtent(map, app.pool(), scope).compose(v -> MAP_CHECKPOINTS.addTo(map, app.pool(),
          view, scope, ids -> Future.succeededFuture(ids.stream().map(byId::get).filter(Objects::nonNull)
              .map(s -> stateJson(s, kinds, now)).toList()),
          () -> Future.succeededFuture(ranks)));
    })));
  }

  @Override
  public Future<Void> addToReport(ReportDraft report) {
    return data.alertEvents(report.from, report.to, ReportDraft.MAX_ROWS).compose(events -> {
      List<List<Object>> rows = new ArrayList<>();
      for (CheckpointData.AlertOfDay e : events) {
        rows.add(List.of(report.time(e.at()), e.checkpointNameZh(), ReportWords.word(e.action()),
            ReportWords.word(e.level()), ReportWords.word(e.status()), e.actor(),
            e.comment() == null ? "" : e.comment()));
      }
      report.table(new ReportTable("alerts", "预警处置 Alerts of the day", List.of("时间 Time", "监测点 Checkpoint",
          "事件 Event", "等级 Level", "状态 Status", "处置人 By", "说明 Comment"), rows, ReportDraft.limitNote(events.size())));
      return states.all(report.asOf());
    }).map(list -> {
      List<List<Object>> rows = new ArrayList<>();
      list.stream().sorted((a, b) -> Integer.compare(rank(b), rank(a))).forEach(s -> rows.add(List.of(s.nameZh(),
          KIND_ZH.getOrDefault(s.kind(), s.kind()), STATE_ZH.get(state(s)),
          s.lastValue() == null ? "" : s.lastValue().toString(), s.lastReadingAt() == null ? "从未上报 never" : report.dateTime(s.lastReadingAt()),
          s.activeAlerts())));
      report.table(new ReportTable("checkpoints", "水情 Checkpoint states", List.of("监测点 Checkpoint", "类型 Kind",
          "状态 State", "最新读数 Last value", "读数时间 Read at", "未解除预警 Open alerts"), rows, null));
      return null;
    });
  }

  /**
   * What the board shows: silent (失联) or never reported (unknown) before any warning level, since "none"
   * only means normal when readings arrive. An underpass or tunnel without readings in the flood season
   * needs attention.
   */
  private JsonObject stateJson(CheckpointState s, Map<Long, String> pointKinds, OffsetDateTime now) {
    String pointKind = pointKinds.get(s.checkpointId());
    boolean blindSpot = (s.silent() || s.lastReadingAt() == null) && ("underpass".equals(pointKind)
        || "tunnel".equals(pointKind)) && CheckpointDefaults.inSeason(now, app.config().zone());
    return new JsonObject().put("id", s.checkpointId()).put("checkpointId", s.checkpointId()).put("code", s.code())
        .put("nameZh", s.nameZh()).put("nameEn", s.nameEn()).put("kind", s.kind())
        .put("kindZh", KIND_ZH.getOrDefault(s.kind(), s.kind())).put("pointKind", pointKind).put("unitId", s.unitId())
        .put("lat", s.lat()).put("lon", s.lon()).put("level", s.level()).put("state", state(s))
        .put("stateZh", STATE_ZH.get(state(s))).put("needsAttention", blindSpot).put("lastValue", s.lastValue())
        .put("lastReadingAt", app.iso(s.lastReadingAt())).put("silent", s.silent()).put("activeAlerts", s.activeAlerts())
        .put("chart", "/api/charts/checkpoints/" + s.checkpointId() + "/levels.png");
  }

  static final Map<String, String> STATE_ZH = Map.of("silent", "失联 silent", "unknown", "未知 never reported",
      "none", "正常 normal", "blue", "蓝 blue", "yellow", "黄 yellow", "orange", "橙 orange", "red", "红 red");

  /** silent, unknown (never reported) or the warning level. */
  static String state(CheckpointState s) {
    if (s.silent()) {
      return "silent";
    }
    return s.lastReadingAt() == null ? "unknown" : s.level() == null ? "none" : s.level();
  }

  /** Silent first, then never reported, then the highest warning level. */
  private static int rank(CheckpointState s) {
    int level = switch (s.level() == null ? "none" : s.level()) {
      case "red" -> 4;
      case "orange" -> 3;
      case "yellow" -> 2;
      case "blue" -> 1;
      default -> 0;
    };
    return (s.silent() ? 20 : s.lastReadingAt() == null ? 10 : 0) + level;
  }

  private Future<List<CheckpointState>> visibleStates(CurrentUser user, OffsetDateTime now) {
    return visibleIds(user).compose(ids -> states.all(now)
        .map(list -> ids == null ? list : list.stream().filter(s -> ids.contains(s.checkpointId())).toList()));
  }

  /** null = every checkpoint; an inspector sees his own; other scoped roles none (403). */
  private Future<Set<Long>> visibleIds(CurrentUser user) {
    if (user.role().seesEverything()) {
      return Future.succeededFuture(null);
    }
    if (user.is(Role.INSPECTOR)) {
      return assignments.inspectedCheckpoints(user.id());
    }
    return Future.failedFuture(ApiError.forbidden("Checkpoints are for the duty room and their inspectors"));
  }

  /** The zone's today, for callers that need it. */
  static LocalDate today(OffsetDateTime now, ZoneId zone) {
    return now.atZoneSameInstant(zone).toLocalDate();
  }
}
