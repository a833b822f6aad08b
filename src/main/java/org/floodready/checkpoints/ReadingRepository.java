package org.floodready.checkpoints;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.floodready.access.CurrentUser;
import org.floodready.db.Where;
import org.floodready.db.PageRequest;

/** Readings and the per-checkpoint warning state in PostgreSQL. */
public final class ReadingRepository {
  /** A stored reading. */
  public record Stored(long id, long checkpointId, OffsetDateTime measuredAt, double value) {
  }

  /** The state row of a checkpoint, locked for the evaluation. */
  public record State(WarningLevel level, OffsetDateTime levelSince, String reason, OffsetDateTime evaluatedAt,
      Double evaluatedValue, OffsetDateTime clearSince) {
  }

  private final Pool pool;

  public ReadingRepository(Pool pool) {
    this.pool = pool;
  }

  /** Inserts readings; one already stored for (checkpoint, source, time) is skipped. Returns the new ones. */
  public Future<List<Stored>> insert(SqlClient tx, List<CheckpointValidation.ReadingInput> readings,
      CurrentUser source, OffsetDateTime now) {
    Long[] ids = new Long[readings.size()];
    OffsetDateTime[] times = new OffsetDateTime[readings.size()];
    Double[] values = new Double[readings.size()];
    for (int i = 0; i < readings.size(); i++) {
      ids[i] = readings.get(i).checkpointId();
      times[i] = readings.get(i).measuredAt();
      values[i] = readings.get(i).value();
    }
    return tx.preparedQuery("""
            INSERT INTO readings (checkpoint_id, source_id, source_name, measured_at, value, received_at)
            SELECT t.cid, $4, $5, t.at, t.v::numeric(8, 2), $6
            FROM unnest($1::bigint[], $2::timestamptz[], $3::float8[]) AS t(cid, at, v)
            ON CONFLICT (checkpoint_id, source_id, measured_at) DO NOTHING
            RETURNING id, checkpoint_id, measured_at, value""")
        .execute(Tuple.of(ids, times, values, source.id(), source.username(), now))
        .map(rows -> {
          List<Stored> out = new ArrayList<>();
          rows.forEach(r -> out.add(new Stored(r.getLong("id"), r.getLong("checkpoint_id"),
              r.getOffsetDateTime("measured_at"), r.getNumeric("value").doubleValue())));
          return out;
        });
  }

  /** Readings from the last trustworthy one before {@code from} onwards, in time order. */
  public Future<List<SuspectRule.Point>> sequenceFrom(SqlClient tx, long checkpointId, OffsetDateTime from) {
    return tx.preparedQuery("""
            SELECT id, value, suspect FROM readings
            WHERE checkpoint_id = $1 AND measured_at >= coalesce((SELECT max(measured_at) FROM readings
              WHERE checkpoint_id = $1 AND measured_at < $2 AND NOT suspect), $2)
            ORDER BY measured_at, id""")
        .execute(Tuple.of(checkpointId, from))
        .map(rows -> {
          List<SuspectRule.Point> out = new ArrayList<>();
          rows.forEach(r -> out.add(new SuspectRule.Point(r.getLong("id"), r.getNumeric("value").doubleValue(),
              r.getBoolean("suspect"))));
          return out;
        });
  }

  public Future<Void> markSuspect(SqlClient tx, List<Long> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture();
    }
    return tx.preparedQuery("UPDATE readings SET suspect = TRUE WHERE id = ANY($1::bigint[])")
        .execute(Tuple.of(ids.toArray(new Long[0]))).mapEmpty();
  }

  /** Trustworthy readings at or after {@code from} (all when null), in time order. */
  public Future<List<WarningRules.Sample>> trustedSince(SqlClient tx, long checkpointId, OffsetDateTime from) {
    return tx.preparedQuery("""
            SELECT DISTINCT ON (measured_at) measured_at, value FROM readings
            WHERE checkpoint_id = $1 AND NOT suspect AND ($2::timestamptz IS NULL OR measured_at >= $2)
            ORDER BY measured_at, id""")
        .execute(Tuple.of(checkpointId, from))
        .map(rows -> {
          List<WarningRules.Sample> out = new ArrayList<>();
          rows.forEach(r -> out.add(new WarningRules.Sample(r.getOffsetDateTime("measured_at"),
              r.getNumeric("value").doubleValue())));
          return out;
        });
  }

  /** The newest reading of a checkpoint, suspect or not; null when it has none. */
  public Future<Stored> newest(SqlClient tx, long checkpointId) {
    return tx.preparedQuery("SELECT id, checkpoint_id, measured_at, value FROM readings WHERE checkpoint_id = $1"
            + " ORDER BY measured_at DESC, id DESC LIMIT 1")
        .execute(Tuple.of(checkpointId))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next())
        .map(r -> r == null ? null : new Stored(r.getLong("id"), r.getLong("checkpoint_id"),
            r.getOffsetDateTime("measured_at"), r.getNumeric("value").doubleValue()));
  }

  /** Locks and reads the state row; concurrent writers for the same checkpoint queue here. */
  public Future<State> lockState(SqlClient tx, long checkpointId) {
    return tx.preparedQuery("SELECT level, level_since, reason, evaluated_at, evaluated_value, clear_since"
            + " FROM checkpoint_state WHERE checkpoint_id = $1 FOR UPDATE")
        .execute(Tuple.of(checkpointId))
        .map(rows -> {
          Row r = rows.iterator().next();
          return new State(WarningLevel.of(r.getString("level")), r.getOffsetDateTime("level_since"),
              r.getString("reason"), r.getOffsetDateTime("evaluated_at"), Checkpoint.opt(r, "evaluated_value"),
              r.getOffsetDateTime("clear_since"));
        });
  }

  public Future<Void> saveState(SqlClient tx, long checkpointId, State s, Stored newest, OffsetDateTime now) {
    return tx.preparedQuery("""
            UPDATE checkpoint_state SET level = $2, level_since = $3, reason = $4, evaluated_at = $5,
              evaluated_value = $6::float8::numeric(8, 2), clear_since = $7, last_value = $8::float8::numeric(8, 2),
              last_reading_at = $9, updated_at = $10
            WHERE checkpoint_id = $1""")
        .execute(Tuple.tuple().addLong(checkpointId).addString(s.level().code()).addOffsetDateTime(s.levelSince())
            .addString(s.reason()).addOffsetDateTime(s.evaluatedAt()).addDouble(s.evaluatedValue())
            .addOffsetDateTime(s.clearSince()).addDouble(newest == null ? null : newest.value())
            .addOffsetDateTime(newest == null ? null : newest.measuredAt()).addOffsetDateTime(now))
        .mapEmpty();
  }

  public Future<Void> insertState(SqlClient tx, long checkpointId, OffsetDateTime now) {
    return tx.preparedQuery("INSERT INTO checkpoint_state (checkpoint_id, level, updated_at) VALUES ($1, 'none', $2)")
        .execute(Tuple.of(checkpointId, now)).mapEmpty();
  }

  public Future<RowSet<Row>> page(Where where, PageRequest page) {
    return pool.preparedQuery(page.select("id, checkpoint_id, source_id, source_name, measured_at, value, suspect, received_at",
            " FROM readings", where))
        .execute(where.tuple());
  }

  public Future<RowSet<Row>> all(Where where) {
    return pool.preparedQuery("SELECT id, checkpoint_id, source_id, source_name, measured_at, value, suspect,"
            + " received_at FROM readings" + where.sql() + " ORDER BY measured_at, id LIMIT 100000")
        .execute(where.tuple());
  }

  /**
   * Readings between two times in at most {@code buckets} equal buckets: min, max and the last value
   * of each bucket, for charts.
   */
  public Future<RowSet<Row>> series(long checkpointId, OffsetDateTime from, OffsetDateTime to, int buckets,
      boolean includeSuspect) {
    return pool.preparedQuery("""
            SELECT b.bucket, min(b.value) AS min, max(b.value) AS max, count(*) AS n,
              (array_agg(b.value ORDER BY b.measured_at DESC, b.id DESC))[1] AS last,
              max(b.measured_at) AS last_at
            FROM (SELECT id, value, measured_at,
                    least($4 - 1, floor(extract(epoch FROM measured_at - $2) * $4
                      / extract(epoch FROM $3::timestamptz - $2))::int) AS bucket
                  FROM readings
                  WHERE checkpoint_id = $1 AND measured_at >= $2 AND measured_at <= $3 AND ($5 OR NOT suspect)) b
            GROUP BY b.bucket ORDER BY b.bucket""")
        .execute(Tuple.of(checkpointId, from, to, buckets, includeSuspect));
  }
}
