package org.floodready.board.panels;

import org.floodready.board.charts.ChartResponder;
import org.floodready.board.report.ReportDraft;
import org.floodready.board.report.ReportSource;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.time.OffsetDateTime;
import java.util.Map;
import org.floodready.access.CurrentUser;
import org.floodready.geo.MapView;

/** What one domain contributes to the board: panels, charts, map features and daily-report sections. */
public interface BoardPart extends ReportSource {

  default void addPanels(Map<String, PanelSources.Source> panels) {
  }

  default void mountCharts(Router api, ChartResponder charts) {
  }

  /** Adds this domain's features (bases, checkpoints, reaches) inside {@code view} to the site map. */
  default Future<Void> addToMap(CurrentUser user, OffsetDateTime now, MapView view, JsonObject map) {
    return Future.succeededFuture();
  }

  @Override
  default Future<Void> addToReport(ReportDraft report) {
    return Future.succeededFuture();
  }
}
