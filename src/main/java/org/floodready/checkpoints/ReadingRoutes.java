package org.floodready.checkpoints;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.floodready.app.AppContext;
import org.floodready.access.CurrentUser;
import org.floodready.access.Role;
import org.floodready.checkpoints.CheckpointValidation.ReadingInput;
import org.floodready.errors.ApiError;
import org.floodready.input.Checked;
import org.floodready.input.Fields;
import org.floodready.web.JsonInput;
import org.floodready.web.QueryParams;
import org.floodready.web.Respond;

/**
 * Posting readings: one at a time (inspectors) or up to 1,000 in a batch (a gauge catching up after
 * being offline). A batch is all or nothing: one bad reading is a 400 naming its index.
 */
public final class ReadingRoutes {
  private final AppContext app;
  private final CheckpointRepository checkpoints;
  private final ReadingIntake intake;

  public ReadingRoutes(AppContext app) {
    this.app = app;
    this.checkpoints = new CheckpointRepository(app.pool());
    this.intake = new ReadingIntake(app);
  }

  public void mount(Router api) {
    api.post("/checkpoints/:checkpointId/readings").handler(this::postReading);
    api.post("/readings/batch").handler(this::postBatch);
  }

  private static CurrentUser poster(RoutingContext ctx) {
    return CurrentUser.of(ctx).require(Role.ADMIN, Role.DUTY_OFFICER, Role.INSPECTOR, Role.GAUGE);
  }

  private void postReading(RoutingContext ctx) {
    CurrentUser user = poster(ctx);
    long id = QueryParams.pathId(ctx, "checkpointId");
    Fields in = new Fields(JsonInput.object(ctx));
    ReadingInput reading = CheckpointValidation.reading(in.json(), id);
    OffsetDateTime now = app.now();
    checkpoints.find(id)
        .compose(found -> {
          Checkpoint c = found.orElseThrow(() -> ApiError.notFound("Checkpoint", id));
          return allowed(user, Set.of(id)).map(v -> c);
        })
        .compose(c -> {
          CheckpointValidation.checkReading(in, c, reading.value(), reading.measuredAt(), now);
          in.validate();
          requireActive(c);
          return intake.ingest(user, List.of(reading), Map.of(id, c));
        })
        .onSuccess(outcome -> {
          boolean duplicate = outcome.accepted().isEmpty();
          JsonObject body = new JsonObject()
              .put("reading", new JsonObject()
                  .put("id", duplicate ? null : outcome.accepted().get(0).id())
                  .put("checkpointId", id).put("value", reading.value())
                  .put("measuredAt", app.iso(reading.measuredAt())).put("duplicate", duplicate)
                  .put("suspect", !duplicate && outcome.suspect().contains(outcome.accepted().get(0).id())));
          if (!outcome.states().isEmpty()) {
            body.put("state", outcome.states().get(0).toJson(app));
          }
          Respond.json(ctx, duplicate ? 200 : 201, body);
        })
        .onFailure(ctx::fail);
  }

  private void postBatch(RoutingContext ctx) {
    CurrentUser user = poster(ctx);
    // the contract has checked the shape (1 to 1,000 readings, each with its checkpoint, value and time);
    // Fields collects what needs the checkpoints: unknown, inactive, physically impossible
    Fields in = new Fields(JsonInput.object(ctx));
    JsonArray array = in.json().getJsonArray("readings");
    List<Fields> fields = new ArrayList<>();
    List<ReadingInput> readings = new ArrayList<>();
    Set<Long> ids = new LinkedHashSet<>();
    for (int i = 0; i < array.size(); i++) {
      JsonObject o = array.getJsonObject(i);
      long checkpointId = Checked.id(o, "checkpointId");
      fields.add(in.nested(o, "readings[" + i + "]"));
      readings.add(CheckpointValidation.reading(o, checkpointId));
      ids.add(checkpointId);
    }
    OffsetDateTime now = app.now();
    checkpoints.findAll(ids)
        .compose(found -> allowed(user, found.keySet()).map(v -> found))
        .compose(found -> {
          for (int i = 0; i < readings.size(); i++) {
            ReadingInput r = readings.get(i);
            if (r == null || r.checkpointId() == 0) {
              continue;
            }
            Checkpoint c = found.get(r.checkpointId());
            if (c == null) {
              fields.get(i).error("checkpointId", "no checkpoint " + r.checkpointId());
            } else if (!c.active()) {
              fields.get(i).error("checkpointId", "checkpoint " + c.code() + " is inactive");
            } else {
              CheckpointValidation.checkReading(fields.get(i), c, r.value(), r.measuredAt(), now);
            }
          }
          in.validate();
          return intake.ingest(user, readings, found);
        })
        .onSuccess(outcome -> Respond.json(ctx, outcome.accepted().isEmpty() ? 200 : 201, new JsonObject()
            .put("received", readings.size()).put("accepted", outcome.accepted().size())
            .put("duplicates", outcome.duplicates()).put("suspect", outcome.suspect().size())
            .put("states", new JsonArray(outcome.states().stream().map(s -> s.toJson(app)).toList()))))
        .onFailure(ctx::fail);
  }

  private static void requireActive(Checkpoint c) {
    if (!c.active()) {
      throw ApiError.unprocessable("checkpoint_inactive", "Checkpoint " + c.code() + " is inactive");
    }
  }

  /** 403 unless the caller may post to every one of the checkpoints. */
  private Future<Void> allowed(CurrentUser user, Set<Long> ids) {
    return checkpoints.postable(user, ids).map(ok -> {
      Set<Long> missing = new HashSet<>(ids);
      ok.forEach(missing::remove);
      if (!missing.isEmpty()) {
        throw ApiError.forbidden("You may not post readings for checkpoint(s) " + missing);
      }
      return null;
    });
  }
}
