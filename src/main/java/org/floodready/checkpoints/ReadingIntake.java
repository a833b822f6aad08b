package org.floodready.checkpoints;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.floodready.app.AppContext;
import org.floodready.audit.AuditLog;
import org.floodready.access.CurrentUser;
import org.floodready.checkpoints.CheckpointValidation.ReadingInput;
import org.floodready.checkpoints.ReadingRepository.State;
import org.floodready.checkpoints.ReadingRepository.Stored;
import org.floodready.events.EventType;
import org.floodready.events.Outbox;

/**
 * Stores validated readings in one transaction and brings each touched checkpoint's warning state
 * and level alert up to date; its events are appended to the event log in the same transaction.
 */
public final class ReadingIntake {
  /** What one checkpoint looks like after the readings. */
  public record StateAfter(long checkpointId, long unitId, WarningLevel level, String reason, Double lastValue,
      OffsetDateTime lastReadingAt) {
    JsonObject toJson(AppContext app) {
      return new JsonObject().put("checkpointId", checkpointId).put("level", level.code()).put("reason", reason)
          .put("lastValue", lastValue).put("lastReadingAt", app.iso(lastReadingAt));
    }
  }

  /** What one batch of readings did: the rows stored, the duplicates skipped, the suspect ones, states and alerts after. */
  public record Ingested(List<Stored> accepted, int duplicates, Set<Long> suspect, List<StateAfter> states,
      List<Alert.Change> alerts) {
  }

  private record Rise(WarningLevel level, String reason, double value, OffsetDateTime at) {
  }

  private final AppContext app;
  private final ReadingRepository readings;
  private final CheckpointRepository checkpoints;
  private final AlertRepository alerts;

  public ReadingIntake(AppContext app) {
    this.app = app;
    this.readings = new ReadingRepository(app.pool());
    this.checkpoints = new CheckpointRepository(app.pool());
    this.alerts = new AlertRepository(app.pool());
  }

  public Future<Ingested> ingest(CurrentUser source, List<ReadingInput> input, Map<Long, Checkpoint> byId) {
    OffsetDateTime now = app.now();
    return app.pool().withTransaction(tx -> readings.insert(tx, input, source, now).compose(stored -> {
      Map<Long, List<Stored>> fresh = new TreeMap<>();
      stored.forEach(s -> fresh.computeIfAbsent(s.checkpointId(), k -> new ArrayList<>()).add(s));
      Set<Long> suspect = new HashSet<>();
      List<StateAfter> states = new ArrayList<>();
      List<Alert.Change> changes = new ArrayList<>();
      Future<Void> chain = Future.succeededFuture();
      for (Map.Entry<Long, List<Stored>> e : fresh.entrySet()) {
        Checkpoint c = byId.get(e.getKey());
        chain = chain.compose(v -> update(tx, c, e.getValue(), now, suspect, changes)).map(states::add).mapEmpty();
      }
      return chain
          .compose(v -> AuditLog.record(tx, now, source, "readings.post", "checkpoint",
              fresh.size() == 1 ? fresh.keySet().iterator().next() : null, new JsonObject()
                  .put("sent", input.size()).put("accepted", stored.size()).put("suspect", suspect.size())
                  .put("checkpoints", new io.vertx.core.json.JsonArray(new ArrayList<>(fresh.keySet())))))
          .map(v -> new Ingested(stored, input.size() - stored.size(), suspect, states, changes))
          .compose(outcome -> app.events().appendAll(tx, events(outcome)).map(outcome));
    }));
  }

  private Future<StateAfter> update(SqlConnection tx, Checkpoint c, List<Stored> fresh, OffsetDateTime now,
      Set<Long> suspect, List<Alert.Change> changes) {
    OffsetDateTime earliest = fresh.stream().map(Stored::measuredAt).min(OffsetDateTime::compareTo).orElseThrow();
    Set<Long> freshIds = new HashSet<>();
    fresh.forEach(s -> freshIds.add(s.id()));
    return readings.lockState(tx, c.id())
        .compose(state -> readings.sequenceFrom(tx, c.id(), earliest)
            .compose(seq -> {
              List<Long> flagged = SuspectRule.flag(seq, freshIds, c.suspectStep());
              suspect.addAll(flagged);
              return readings.markSuspect(tx, flagged);
            })
            .compose(v -> checkpoints.floodLimits(tx, c.id()))
            .compose(limits -> readings.trustedSince(tx, c.id(), state.evaluatedAt() == null ? null
                    : state.evaluatedAt().minus(CheckpointDefaults.RISE_WINDOW_MAX))
                .compose(samples -> {
                  List<Rise> rises = new ArrayList<>();
                  State next = step(c, limits, state, samples, rises);
                  return applyRises(tx, c, rises, now, changes)
                      .compose(v -> readings.newest(tx, c.id()))
                      .compose(newest -> readings.saveState(tx, c.id(), next, newest, now)
                          .compose(v -> alerts.resolveSilent(tx, c.id(), c.unitId(), now))
                          .map(resolved -> {
                            changes.addAll(resolved);
                            return new StateAfter(c.id(), c.unitId(), next.level(), next.reason(),
                                newest == null ? null : newest.value(), newest == null ? null : newest.measuredAt());
                          }));
                })));
  }

  /** Applies the rules to each trustworthy reading newer than the last one evaluated, in time order. */
  private State step(Checkpoint c, List<FloodLimitPeriod> limits, State state, List<WarningRules.Sample> samples,
      List<Rise> rises) {
    ZoneId zone = app.config().zone();
    State current = state;
    for (int i = 0; i < samples.size(); i++) {
      WarningRules.Sample s = samples.get(i);
      if (current.evaluatedAt() != null && !s.at().isAfter(current.evaluatedAt())) {
        continue;
      }
      Double rate = c.isReservoir() ? WarningRules.risePerHour(samples.subList(0, i), s) : null;
      WarningRules.Evaluation e = WarningRules.evaluate(c, limits, current.level(), s, rate, zone);
      WarningLevel before = current.level();
      if (e.level().above(before)) {
        rises.add(new Rise(e.level(), e.reason(), s.value(), s.at()));
      }
      OffsetDateTime since = e.level() == before ? current.levelSince() : s.at();
      OffsetDateTime clear = e.level() != WarningLevel.NONE ? null
          : before != WarningLevel.NONE ? s.at() : current.clearSince();
      current = new State(e.level(), since, e.reason(), s.at(), s.value(), clear);
    }
    return current;
  }

  /** Raises the level alert at the first rise and lifts it at every rise above its level. */
  private Future<Void> applyRises(SqlConnection tx, Checkpoint c, List<Rise> rises, OffsetDateTime now,
      List<Alert.Change> changes) {
    Future<Void> chain = Future.succeededFuture();
    for (Rise rise : rises) {
      chain = chain.compose(v -> alerts.openOf(tx, c.id(), "level").compose(open -> {
        if (open.isEmpty()) {
          return alerts.raise(tx, c.id(), "level", rise.level(), rise.reason(), rise.value(), rise.at(), now)
              .map(id -> {
                id.ifPresent(alertId -> changes.add(new Alert.Change(EventType.ALERT_RAISED, c.unitId(), c.id(), alertId,
                    rise.level().code(), "raised", now)));
                return null;
              });
        }
        if (!rise.level().above(open.get().level())) {
          return Future.succeededFuture();
        }
        return alerts.upgrade(tx, open.get().id(), rise.level(), rise.reason(), rise.value(), rise.at(), now)
            .map(x -> {
              changes.add(new Alert.Change(EventType.ALERT_RAISED, c.unitId(), c.id(), open.get().id(),
                  rise.level().code(), "raised", now));
              return null;
            });
      }));
    }
    return chain;
  }

  /** What the intake logs: a reading per touched checkpoint, then the alerts it raised or resolved. */
  private List<Outbox.Event> events(Ingested outcome) {
    List<Outbox.Event> events = new ArrayList<>();
    for (StateAfter s : outcome.states()) {
      events.add(new Outbox.Event(EventType.READING_RECORDED, new JsonObject().put("unitId", s.unitId())
          .put("checkpointId", s.checkpointId()).put("level", s.level().code())));
    }
    outcome.alerts().forEach(change -> events.add(change.event(app::iso)));
    return events;
  }
}
