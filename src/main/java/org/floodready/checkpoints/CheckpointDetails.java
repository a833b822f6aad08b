package org.floodready.checkpoints;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.util.List;
import org.floodready.app.AppContext;
import org.floodready.db.Where;
import org.floodready.errors.ApiError;
import org.floodready.db.PageRequest;

/** Checkpoints as JSON: a list row with its state, or the full detail page. */
final class CheckpointDetails {
  private final AppContext app;
  private final CheckpointRepository checkpoints;

  CheckpointDetails(AppContext app) {
    this.app = app;
    this.checkpoints = new CheckpointRepository(app.pool());
  }

  /** A checkpoint with its state, flood-limit periods, services, inspectors, gauges and today's thresholds. */
  Future<JsonObject> detail(long id) {
    return checkpoints.page(new Where().and("c.id = ?", id), new PageRequest(1, 1, "c.id", "id"))
        .compose(rows -> {
          if (rows.size() == 0) {
            throw ApiError.notFound("Checkpoint", id);
          }
          Row row = rows.iterator().next();
          Checkpoint c = Checkpoint.from(row);
          JsonObject json = withState(row);
          return checkpoints.floodLimits(app.pool(), id)
              .compose(limits -> checkpoints.services(id).compose(services -> checkpoints.assignments(id)
                  .map(assigned -> json
                      .put("floodLimits", new JsonArray(limits.stream().map(FloodLimitPeriod::toJson).toList()))
                      .put("services", new JsonArray(services.stream().map(CheckpointDraft.Service::toJson).toList()))
                      .put("inspectors", assigned.getJsonArray("inspectors"))
                      .put("gauges", assigned.getJsonArray("gauges"))
                      .put("thresholdsNow", thresholds(c, limits)))));
        });
  }

  /** The thresholds in force today, so the duty room sees what a reading is compared with. */
  private JsonObject thresholds(Checkpoint c, List<FloodLimitPeriod> limits) {
    double[] t = WarningRules.thresholds(c, limits, app.now(), app.config().zone());
    JsonObject out = new JsonObject().put("blue", t[0]).put("yellow", t[1]).put("orange", t[2]).put("red", t[3])
        .put("margin", c.margin());
    if (c.isReservoir()) {
      out.put("floodLimitLevel", WarningRules.floodLimit(c, limits, app.now(), app.config().zone()))
          .put("riseRatePerHour", c.riseRatePerHour());
    }
    return out;
  }

  JsonObject withState(Row r) {
    return Checkpoint.from(r).toJson().put("state", new JsonObject()
        .put("level", r.getString("level")).put("levelSince", app.iso(r.getOffsetDateTime("level_since")))
        .put("reason", r.getString("reason")).put("lastValue", Checkpoint.opt(r, "last_value"))
        .put("lastReadingAt", app.iso(r.getOffsetDateTime("last_reading_at"))));
  }}
