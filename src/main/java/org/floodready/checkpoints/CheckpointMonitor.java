package org.floodready.checkpoints;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import io.vertx.sqlclient.SqlConnection;
import java.util.List;
import java.util.function.Function;
import org.floodready.app.AppContext;

/**
 * The periodic sweep: escalates alerts nobody acknowledged in time, resolves level alerts whose
 * checkpoint stayed clear long enough, and raises alerts for silent checkpoints. Every step is a
 * conditional statement, so sweeps running at the same time on several nodes do each thing once.
 */
public final class CheckpointMonitor {

  /** What one sweep did. */
  public record Sweep(List<Alert.Change> escalated, List<Alert.Change> resolved, List<Alert.Change> silent) {
    public JsonObject toJson() {
      return new JsonObject().put("escalated", escalated.size()).put("resolved", resolved.size())
          .put("silentRaised", silent.size());
    }
  }

  private final AppContext app;
  private final AlertRepository alerts;

  public CheckpointMonitor(AppContext app) {
    this.app = app;
    this.alerts = new AlertRepository(app.pool());
  }

  public Future<Sweep> sweep(OffsetDateTime now) {
    int silentMinutes = CheckpointDefaults.silentMinutes(now, app.config().zone());
    return logged(tx -> alerts.escalateDue(tx, now))
        .compose(escalated -> logged(tx -> alerts.resolveCleared(tx, now))
            .compose(resolved -> logged(tx -> alerts.raiseSilent(tx, now, silentMinutes, app.config().zone()))
                .map(silent -> new Sweep(escalated, resolved, silent))));
  }

  /** One step in a transaction of its own that also appends the step's alert changes to the event log. */
  private Future<List<Alert.Change>> logged(Function<SqlConnection, Future<List<Alert.Change>>> step) {
    return app.pool().withTransaction(tx -> step.apply(tx).compose(changes -> app.events()
        .appendAll(tx, changes.stream().map(c -> c.event(app::iso)).toList()).map(changes)));
  }
}
