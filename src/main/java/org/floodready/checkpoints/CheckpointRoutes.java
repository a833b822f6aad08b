package org.floodready.checkpoints;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Row;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.floodready.access.Visibility;
import org.floodready.app.AppContext;
import org.floodready.access.CurrentUser;
import org.floodready.access.Role;
import org.floodready.db.Where;
import org.floodready.sheets.Xlsx;
import org.floodready.errors.ApiError;
import org.floodready.sheets.Csv;
import org.floodready.db.PageRequest;
import org.floodready.web.Paging;
import org.floodready.geo.GeoJson;
import org.floodready.web.QueryParams;
import org.floodready.web.Respond;

/**
 * Checkpoints: lists, details, readings, chart series and the GeoJSON feed for everyone who may see
 * them. Also mounts the admin, reading and alert routes and starts the monitor.
 */
public final class CheckpointRoutes {
  private static final Map<String, String> SORTABLE = Map.of("id", "c.id", "code", "c.code", "name", "c.name_zh",
      "kind", "c.kind", "level", "array_position(ARRAY['none','blue','yellow','orange','red'], s.level)",
      "lastReadingAt", "s.last_reading_at");
  private static final Map<String, String> READING_SORTABLE = Map.of("measuredAt", "measured_at", "id", "id",
      "value", "value");

  private final AppContext app;
  private final CheckpointRepository checkpoints;
  private final ReadingRepository readings;
  private final CheckpointDetails details;

  public CheckpointRoutes(AppContext app) {
    this.app = app;
    this.checkpoints = new CheckpointRepository(app.pool());
    this.readings = new ReadingRepository(app.pool());
    this.details = new CheckpointDetails(app);
  }

  public void mount(Router api) {
    api.get("/checkpoints").handler(this::listCheckpoints);
    api.get("/checkpoints.geojson").handler(this::geoJson);
    api.get("/checkpoints/:checkpointId").handler(this::getCheckpoint);
    api.get("/checkpoints/:checkpointId/readings").handler(this::listReadings);
    api.get("/checkpoints/:checkpointId/readings.csv").handler(this::readingsCsv);
    api.get("/checkpoints/:checkpointId/readings.xlsx").handler(this::readingsXlsx);
    api.get("/checkpoints/:checkpointId/series").handler(this::series);
    new CheckpointAdminRoutes(app).mount(api);
    new ReadingRoutes(app).mount(api);
    new AlertRoutes(app).mount(api);
  }

  private void listCheckpoints(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    PageRequest page = Paging.from(ctx, app.config(), SORTABLE, "code");
    QueryParams q = new QueryParams(ctx);
    Where where = Visibility.checkpoints(new Where(), user, "c.id")
        .and("c.kind = ?", q.oneOf("kind", CheckpointValidation.KINDS))
        .and("c.unit_id = ?", q.id("unitId"))
        .and("s.level = ?", q.oneOf("level", WarningLevel.CODES))
        .and("c.active = ?", q.bool("active"));
    where.matching(q.text("q"), "c.code", "c.name_zh", "c.name_en");
    Respond.ok(ctx, checkpoints.page(where, page).map(rows -> page.result(rows, details::withState)));
  }

  private void geoJson(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    Future<List<Long>> visible = user.is(Role.INSPECTOR) || user.isGauge()
        ? checkpoints.page(Visibility.checkpoints(new Where(), user, "c.id"), new PageRequest(1, 10_000, "c.id", "id"))
            .map(rows -> {
              List<Long> ids = new ArrayList<>();
              rows.forEach(r -> ids.add(r.getLong("id")));
              return ids;
            })
        : Future.succeededFuture(null);
    visible.compose(ids -> new CheckpointStates(app).all(app.now())
            .map(all -> all.stream().filter(s -> ids == null || ids.contains(s.checkpointId())).toList()))
        .onSuccess(states -> Respond.geoJson(ctx,
            GeoJson.collection(new JsonArray(states.stream().map(s -> s.feature(app::iso)).toList()))))
        .onFailure(ctx::fail);
  }

  private void getCheckpoint(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    long id = QueryParams.pathId(ctx, "checkpointId");
    visible(user, id).compose(v -> details.detail(id))
        .onSuccess(json -> Respond.ok(ctx, json))
        .onFailure(ctx::fail);
  }
  private void listReadings(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    long id = QueryParams.pathId(ctx, "checkpointId");
    PageRequest page = Paging.from(ctx, app.config(), READING_SORTABLE, "-measuredAt");
    Where where = readingFilter(ctx, id);
    Respond.ok(ctx, existing(user, id).compose(v -> readings.page(where, page))
        .map(rows -> page.result(rows, this::readingJson)));
  }

  private void readingsCsv(RoutingContext ctx) {
    long id = QueryParams.pathId(ctx, "checkpointId");
    readingSheet(ctx, id).onSuccess(csv -> Respond.csv(ctx, "readings-" + id + ".csv", csv.toString()))
        .onFailure(ctx::fail);
  }

  private void readingsXlsx(RoutingContext ctx) {
    long id = QueryParams.pathId(ctx, "checkpointId");
    readingSheet(ctx, id).onSuccess(csv -> Xlsx.send(app, ctx, "readings-" + id, "监测读数", csv))
        .onFailure(ctx::fail);
  }

  /** The readings' rows, shared by the CSV and the .xlsx sheet. */
  private Future<Csv> readingSheet(RoutingContext ctx, long id) {
    CurrentUser user = CurrentUser.of(ctx);
    Where where = readingFilter(ctx, id);
    return existing(user, id).compose(v -> readings.all(where)).map(rows -> {
      Csv csv = new Csv().row("measuredAt", "value", "suspect", "source", "receivedAt");
      for (Row r : rows) {
        csv.row(app.iso(r.getOffsetDateTime("measured_at")), r.getBigDecimal("value"),
            r.getBoolean("suspect"), r.getString("source_name"), app.iso(r.getOffsetDateTime("received_at")));
      }
      return csv;
    });
  }

  private static Where readingFilter(RoutingContext ctx, long id) {
    QueryParams q = new QueryParams(ctx);
    return new Where().and("checkpoint_id = ?", id)
        .and("measured_at >= ?", q.time("from"))
        .and("measured_at < ?", q.time("to"))
        .and("suspect = ?", q.bool("suspect"));
  }

  private JsonObject readingJson(Row r) {
    return new JsonObject().put("id", r.getLong("id")).put("checkpointId", r.getLong("checkpoint_id"))
        .put("measuredAt", app.iso(r.getOffsetDateTime("measured_at")))
        .put("value", r.getNumeric("value").doubleValue()).put("suspect", r.getBoolean("suspect"))
        .put("sourceId", r.getLong("source_id")).put("source", r.getString("source_name"))
        .put("receivedAt", app.iso(r.getOffsetDateTime("received_at")));
  }

  private void series(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    long id = QueryParams.pathId(ctx, "checkpointId");
    QueryParams q = new QueryParams(ctx);
    OffsetDateTime to = q.time("to") != null ? q.time("to") : app.now();
    OffsetDateTime from = q.time("from") != null ? q.time("from") : to.minusHours(24);
    int points = q.integer("points", 200, 1, 2000);
    boolean includeSuspect = Boolean.TRUE.equals(q.bool("includeSuspect"));
    if (!from.isBefore(to)) {
      throw ApiError.invalid("from", "must be before to");
    }
    Duration span = Duration.between(from, to);
    visible(user, id).compose(v -> checkpoints.find(id))
        .compose(found -> {
          Checkpoint c = found.orElseThrow(() -> ApiError.notFound("Checkpoint", id));
          return readings.series(id, from, to, points, includeSuspect).map(rows -> {
            JsonArray buckets = new JsonArray();
            for (Row r : rows) {
              int b = r.getInteger("bucket");
              buckets.add(new JsonObject()
                  .put("start", app.iso(from.plus(span.multipliedBy(b).dividedBy(points))))
                  .put("end", app.iso(from.plus(span.multipliedBy(b + 1L).dividedBy(points))))
                  .put("min", r.getNumeric("min").doubleValue()).put("max", r.getNumeric("max").doubleValue())
                  .put("last", r.getNumeric("last").doubleValue())
                  .put("lastAt", app.iso(r.getOffsetDateTime("last_at"))).put("count", r.getLong("n")));
            }
            return new JsonObject().put("checkpointId", id).put("valueUnit", c.unitOfMeasure())
                .put("from", app.iso(from)).put("to", app.iso(to)).put("points", points)
                .put("bucketSeconds", span.toSeconds() / (double) points).put("buckets", buckets);
          });
        })
        .onSuccess(json -> Respond.ok(ctx, json))
        .onFailure(ctx::fail);
  }
  /** Like {@link #visible}, then 404 when there is no such checkpoint. */
  private Future<Void> existing(CurrentUser user, long id) {
    return visible(user, id).compose(v -> checkpoints.find(id))
        .map(found -> {
          found.orElseThrow(() -> ApiError.notFound("Checkpoint", id));
          return null;
        });
  }

  /** 403 unless the caller may see the checkpoint (inspectors and gauges see only their own). */
  private Future<Void> visible(CurrentUser user, long id) {
    if (!user.is(Role.INSPECTOR) && !user.isGauge()) {
      return Future.succeededFuture();
    }
    return checkpoints.postable(user, List.of(id)).map(allowed -> {
      if (allowed.isEmpty()) {
        throw ApiError.forbidden("Checkpoint " + id + " is not assigned to you");
      }
      return null;
    });
  }
}
