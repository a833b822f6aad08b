package org.floodready;

import org.floodready.app.AppContext;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.floodready.checkpoints.CheckpointMonitor;
import org.floodready.patrols.HazardService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the domains' time-driven sweeps on this node once a minute: alert escalation, auto-resolve
 * and silent checkpoints, then overdue hazards. Every node runs them; each sweep is written so that
 * concurrent runs on several nodes do each change once.
 */
public final class SweepsVerticle extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(SweepsVerticle.class);

  private final AppContext app;
  private final long intervalMs;
  private long timer = -1;
  private boolean running;

  public SweepsVerticle(AppContext app, long intervalMs) {
    this.app = app;
    this.intervalMs = intervalMs;
  }

  @Override
  public Future<?> start() {
    CheckpointMonitor checkpoints = new CheckpointMonitor(app);
    HazardService hazards = new HazardService(app);
    timer = vertx.setPeriodic(intervalMs, id -> {
      if (running) {
        return;
      }
      running = true;
      checkpoints.sweep(app.now())
          .compose(done -> hazards.sweepOverdue(null))
          .onFailure(e -> log.warn("Periodic sweep failed: {}", e.getMessage()))
          .onComplete(r -> running = false);
    });
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }
}
