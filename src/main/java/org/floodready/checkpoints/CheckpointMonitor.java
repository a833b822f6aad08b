package org.floodready.checkpoints;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.floodready.AppContext;

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
    return alerts.escalateDue(app.pool(), now)
        .compose(escalated -> app.pool().withTransaction(tx -> alerts.resolveCleared(tx, now))
            .compose(resolved -> alerts.raiseSilent(app.pool(), now, silentMinutes, app.config().zone())
                .map(silent -> new Sweep(escalated, resolved, silent))))
        .onSuccess(this::publish);
  }

  private void publish(Sweep sweep) {
    List<Alert.Change> all = new ArrayList<>(sweep.escalated());
    all.addAll(sweep.resolved());
    all.addAll(sweep.silent());
    for (Alert.Change c : all) {
      app.events().publish(c.type(), c.toJson(app::iso));
    }
  }
}
