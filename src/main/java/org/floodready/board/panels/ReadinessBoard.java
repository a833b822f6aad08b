package org.floodready.board.panels;

import org.floodready.board.charts.BarChartSpec;
import org.floodready.board.charts.ChartKey;
import org.floodready.board.charts.ChartResponder;
import org.floodready.board.charts.ChartSpec;
import org.floodready.board.charts.ChartVersions;
import org.floodready.board.report.DailyReport;
import org.floodready.board.report.ReportDraft;
import org.floodready.print.ReportTable;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.floodready.app.AppContext;
import org.floodready.access.CurrentUser;
import org.floodready.readiness.ReadinessNode;
import org.floodready.access.Scope;

/** Readiness on the board: the score chart by unit and the report's summary, from the live snapshot. */
public final class ReadinessBoard implements BoardPart {
  static final List<String> RANKED_LEVELS = List.of("district", "street");

  private final AppContext app;

  ReadinessBoard(AppContext app) {
    this.app = app;
  }

  @Override
  public void mountCharts(Router api, ChartResponder charts) {
    api.get("/charts/readiness.png").handler(ctx -> readinessChart(ctx, charts));
  }

  private void readinessChart(RoutingContext ctx, ChartResponder charts) {
    CurrentUser user = CurrentUser.of(ctx);
    int[] size = ChartResponder.size(ctx, 900, 400);
    ReadinessNode node = ReadinessNode.of(app.vertx());
    node.scopes().of(user).onSuccess(scope -> {
      // A scoped caller's chart holds only his units, so the scope is part of what selects the image.
      String scopeKey = scope.everything() ? "all" : new java.util.TreeSet<>(scope.units()).toString();
      charts.serve(ctx, new ChartKey("readiness", Map.of("scope", scopeKey), size, ChartVersions.READINESS),
          Future.succeededFuture(), () -> rankedUnits(scope).map(ReadinessBoard::scoreSpec));
    }).onFailure(ctx::fail);
  }

  static ChartSpec scoreSpec(List<JsonObject> units) {
    List<BarChartSpec.Bar> bars = new ArrayList<>();
    for (JsonObject u : units) {
      if (u.getValue("score") instanceof Number score) {
        bars.add(new BarChartSpec.Bar(u.getString("level").equals("district") ? "区 District" : "街道/乡镇 Street",
            u.getString("nameZh"), Math.round(score.doubleValue() * 10) / 10.0));
      }
    }
    return new BarChartSpec("备汛评分 Readiness score by unit", "单位 Unit", "评分 Score", bars, null, null, 60.0);
  }

  @Override
  public Future<Void> addToReport(ReportDraft report) {
    return rankedUnits(Scope.EVERYTHING).map(units -> {
      List<List<Object>> rows = new ArrayList<>();
      for (JsonObject u : units) {
        JsonObject m = u.getJsonObject("metrics", new JsonObject());
        rows.add(List.of(LEVEL_ZH.get(u.getString("level")), u.getValue("rank") == null ? "" : u.getValue("rank"),
            u.getString("nameZh"),
            u.getValue("score") == null ? "" : u.getValue("score"),
            "red".equals(u.getString("flag")) ? "红旗 red" : "black".equals(u.getString("flag")) ? "黑旗 black" : "",
            metric(m, "shortItems"), metric(m, "activeAlerts"), metric(m, "silentCheckpoints"),
            metric(m, "overdueHazards")));
      }
      report.table(new ReportTable("readiness", "备汛评分 Readiness summary (as of report time)",
          List.of("层级 Level", "排名 Rank (within level)", "单位 Unit", "评分 Score", "红黑旗 Flag", "缺口 Short items", "预警 Alerts",
              "失联 Silent", "超期隐患 Overdue hazards"), rows,
          "排名在同一层级内比较（区、街道/乡镇分别排名）Ranks compare units of one level (districts, streets separately);"
              + " 评分为生成报告时的实时评分 scores are the live scores when the report was generated"));
      report.chart(new DailyReport.Chart("备汛评分 Readiness score by unit",
          "/api/charts/readiness.png?width=1000&height=420", scoreSpec(units)));
      return null;
    });
  }

  static final Map<String, String> LEVEL_ZH = Map.of("district", "区 district", "street", "街道/乡镇 street");

  /** Districts then streets, each by rank (unranked last), of the units in the scope. */
  private Future<List<JsonObject>> rankedUnits(Scope scope) {
    return ReadinessNode.of(app.vertx()).service().snapshot(scope).map(snapshot -> {
      List<JsonObject> units = new ArrayList<>();
      snapshot.getJsonArray("units").forEach(o -> {
        JsonObject u = (JsonObject) o;
        if (RANKED_LEVELS.contains(u.getString("level"))) {
          units.add(u);
        }
      });
      units.sort((a, b) -> {
        int level = Integer.compare(RANKED_LEVELS.indexOf(a.getString("level")),
            RANKED_LEVELS.indexOf(b.getString("level")));
        if (level != 0) {
          return level;
        }
        Integer ra = a.getInteger("rank");
        Integer rb = b.getInteger("rank");
        return ra == null ? (rb == null ? 0 : 1) : rb == null ? -1 : Integer.compare(ra, rb);
      });
      return units;
    });
  }

  private static Object metric(JsonObject metrics, String name) {
    JsonObject m = metrics.getJsonObject(name);
    return m == null || m.getValue("value") == null ? "" : m.getValue("value");
  }
}
