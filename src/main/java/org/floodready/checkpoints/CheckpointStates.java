package org.floodready.checkpoints;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.floodready.app.AppContext;

/**
 * Contract for readiness and the board: every active checkpoint with its current warning level,
 * latest reading, whether it is silent at {@code now}, and how many alerts are open.
 */
public final class CheckpointStates {
  private final Pool pool;
  private final ZoneId zone;

  public CheckpointStates(AppContext app) {
    this.pool = app.pool();
    this.zone = app.config().zone();
  }

  public Future<List<CheckpointState>> all(OffsetDateTime now) {
    return states(now, "", null);
  }

  /** The active checkpoints belonging directly to the given units, in the same order as {@link #all}. */
  public Future<List<CheckpointState>> ofUnits(OffsetDateTime now, Collection<Long> unitIds) {
    return states(now, " AND c.unit_id = ANY($3::bigint[])", unitIds.toArray(new Long[0]));
  }

  /**
   * The units owning a checkpoint whose silence may have begun or ended with time alone in ({@code from},
   * {@code to}]: the silence starts at the last reading plus the timeout, so with one timeout over the window
   * that start lies in the window; when the flood season's default timeout changes within it, every start
   * between the shorter and the longer timeout's is taken (a superset, never a miss). Readings and changes of a
   * checkpoint are events of their own.
   */
  public Future<List<Long>> unitsWithSilenceCrossed(OffsetDateTime from, OffsetDateTime to) {
    int atFrom = CheckpointDefaults.silentMinutes(from, zone);
    int atTo = CheckpointDefaults.silentMinutes(to, zone);
    return pool.preparedQuery("SELECT DISTINCT c.unit_id FROM checkpoints c"
            + " JOIN checkpoint_state s ON s.checkpoint_id = c.id WHERE " + SilentRule.WATCHED
            + " AND " + SilentRule.SILENT_FROM.formatted("$3") + " > $1::timestamptz"
            + " AND " + SilentRule.SILENT_FROM.formatted("$4") + " <= $2::timestamptz")
        .execute(Tuple.of(from, to, Math.max(atFrom, atTo), Math.min(atFrom, atTo)))
        .map(rows -> {
          List<Long> units = new ArrayList<>(rows.size());
          rows.forEach(r -> units.add(r.getLong(0)));
          return units;
        });
  }

  private Future<List<CheckpointState>> states(OffsetDateTime now, String filter, Long[] unitIds) {
    Tuple args = Tuple.of(now, CheckpointDefaults.silentMinutes(now, zone));
    if (unitIds != null) {
      args.addValue(unitIds);
    }
    return pool.preparedQuery("SELECT c.id, c.code, c.name_zh, c.name_en, c.kind, c.unit_id, c.lat, c.lon, s.level,"
            + " s.last_value, s.last_reading_at, (" + SilentRule.CONDITION + ") AS silent,"
            + " (SELECT count(*) FROM alerts a WHERE a.checkpoint_id = c.id AND a.status <> 'resolved') AS open_alerts"
            + " FROM checkpoints c JOIN checkpoint_state s ON s.checkpoint_id = c.id WHERE c.active" + filter
            + " ORDER BY c.id")
        .execute(args)
        .map(rows -> {
          List<CheckpointState> out = new ArrayList<>();
          for (Row r : rows) {
            out.add(new CheckpointState(r.getLong("id"), r.getString("code"), r.getString("name_zh"),
                r.getString("name_en"), r.getString("kind"), r.getLong("unit_id"), r.getDouble("lat"),
                r.getDouble("lon"), r.getString("level"), Checkpoint.opt(r, "last_value"),
                r.getOffsetDateTime("last_reading_at"), r.getBoolean("silent"), r.getLong("open_alerts").intValue()));
          }
          return out;
        });
  }
}
