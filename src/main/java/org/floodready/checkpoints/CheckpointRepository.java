package org.floodready.checkpoints;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.floodready.access.CurrentUser;
import org.floodready.access.Assignments;
import org.floodready.db.Where;
import org.floodready.db.PageRequest;

/** Checkpoints, their flood-limit periods, services, inspectors and gauges in PostgreSQL. */
public final class CheckpointRepository {
  private final Pool pool;

  public CheckpointRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<Optional<Checkpoint>> find(SqlClient client, long id) {
    return client.preparedQuery("SELECT " + Checkpoint.COLUMNS + " FROM checkpoints c WHERE c.id = $1")
        .execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(Checkpoint.from(rows.iterator().next())));
  }

  public Future<Optional<Checkpoint>> find(long id) {
    return find(pool, id);
  }

  public Future<Map<Long, Checkpoint>> findAll(Collection<Long> ids) {
    return pool.preparedQuery("SELECT " + Checkpoint.COLUMNS + " FROM checkpoints c WHERE c.id = ANY($1::bigint[])")
        .execute(Tuple.of(ids.toArray(new Long[0])))
        .map(rows -> {
          Map<Long, Checkpoint> out = new LinkedHashMap<>();
          rows.forEach(r -> out.put(r.getLong("id"), Checkpoint.from(r)));
          return out;
        });
  }

  public Future<List<FloodLimitPeriod>> floodLimits(SqlClient client, long checkpointId) {
    return client.preparedQuery("SELECT name, start_md, end_md, level FROM flood_limit_periods"
            + " WHERE checkpoint_id = $1 ORDER BY start_md")
        .execute(Tuple.of(checkpointId))
        .map(rows -> {
          List<FloodLimitPeriod> out = new ArrayList<>();
          rows.forEach(r -> out.add(FloodLimitPeriod.from(r)));
          return out;
        });
  }

  public Future<List<CheckpointDraft.Service>> services(long checkpointId) {
    return pool.preparedQuery("SELECT kind, name, base_id, quantity FROM checkpoint_services"
            + " WHERE checkpoint_id = $1 ORDER BY id")
        .execute(Tuple.of(checkpointId))
        .map(rows -> {
          List<CheckpointDraft.Service> out = new ArrayList<>();
          rows.forEach(r -> out.add(new CheckpointDraft.Service(r.getString("kind"), r.getString("name"),
              r.getLong("base_id"), r.getInteger("quantity"))));
          return out;
        });
  }

  /** Inspectors (users) and gauges (API keys) assigned to the checkpoint. */
  public Future<JsonObject> assignments(long checkpointId) {
    return pool.preparedQuery("""
            SELECT 'inspector' AS what, u.id, u.username AS name FROM checkpoint_inspectors i
              JOIN users u ON u.id = i.user_id WHERE i.checkpoint_id = $1
            UNION ALL
            SELECT 'gauge', k.id, k.name FROM api_key_checkpoints g
              JOIN api_keys k ON k.id = g.api_key_id WHERE g.checkpoint_id = $1 AND k.revoked_at IS NULL
            ORDER BY 1, 2""")
        .execute(Tuple.of(checkpointId))
        .map(rows -> {
          JsonArray inspectors = new JsonArray();
          JsonArray gauges = new JsonArray();
          for (Row r : rows) {
            JsonObject o = new JsonObject().put("id", r.getLong("id")).put("name", r.getString("name"));
            ("inspector".equals(r.getString("what")) ? inspectors : gauges).add(o);
          }
          return new JsonObject().put("inspectors", inspectors).put("gauges", gauges);
        });
  }

  public Future<Long> insert(SqlClient tx, CheckpointDraft d, OffsetDateTime now) {
    Tuple t = columns(d).addOffsetDateTime(now);
    return tx.preparedQuery("""
            INSERT INTO checkpoints (code, kind, name_zh, name_en, unit_id, lat, lon, bed_level, dead_level,
              normal_pool_level, flood_high_level, design_flood_level, check_flood_level, crest_level, point_kind,
              watch_cm, attention_cm, close_road_cm, severe_cm, hysteresis_margin, suspect_step, rise_rate_per_hour,
              silent_minutes, resolve_minutes, active, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21,
              $22, $23, $24, $25, $26, $26) RETURNING id""")
        .execute(t)
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  public Future<Boolean> update(SqlClient tx, long id, CheckpointDraft d, OffsetDateTime now) {
    Tuple t = columns(d).addOffsetDateTime(now).addLong(id);
    return tx.preparedQuery("""
            UPDATE checkpoints SET code = $1, kind = $2, name_zh = $3, name_en = $4, unit_id = $5, lat = $6, lon = $7,
              bed_level = $8, dead_level = $9, normal_pool_level = $10, flood_high_level = $11,
              design_flood_level = $12, check_flood_level = $13, crest_level = $14, point_kind = $15, watch_cm = $16,
              attention_cm = $17, close_road_cm = $18, severe_cm = $19, hysteresis_margin = $20, suspect_step = $21,
              rise_rate_per_hour = $22, silent_minutes = $23, resolve_minutes = $24, active = $25, updated_at = $26
            WHERE id = $27""")
        .execute(t)
        .map(rows -> rows.rowCount() == 1);
  }

  private static Tuple columns(CheckpointDraft d) {
    Checkpoint.Reservoir r = d.reservoir();
    Checkpoint.Waterlogging w = d.waterlogging();
    Checkpoint.Overrides o = d.overrides();
    List<Object> values = new ArrayList<>(List.of(d.code(), d.kind(), d.nameZh(), d.nameEn(), d.unitId(), d.lat(),
        d.lon()));
    values.add(r == null ? null : Checkpoint.decimal(r.bed()));
    values.add(r == null ? null : Checkpoint.decimal(r.dead()));
    values.add(r == null ? null : Checkpoint.decimal(r.normalPool()));
    values.add(r == null ? null : Checkpoint.decimal(r.floodHigh()));
    values.add(r == null ? null : Checkpoint.decimal(r.design()));
    values.add(r == null ? null : Checkpoint.decimal(r.check()));
    values.add(r == null ? null : Checkpoint.decimal(r.crest()));
    values.add(w == null ? null : w.pointKind());
    values.add(w == null ? null : Checkpoint.decimal(w.watch()));
    values.add(w == null ? null : Checkpoint.decimal(w.attention()));
    values.add(w == null ? null : Checkpoint.decimal(w.closeRoad()));
    values.add(w == null ? null : Checkpoint.decimal(w.severe()));
    values.add(Checkpoint.decimal(o.hysteresisMargin()));
    values.add(Checkpoint.decimal(o.suspectStep()));
    values.add(Checkpoint.decimal(o.riseRatePerHour()));
    values.add(o.silentMinutes());
    values.add(o.resolveMinutes());
    values.add(d.active());
    return Tuple.wrap(values);
  }

  /** Replaces the flood-limit periods and services of a checkpoint with the draft's. */
  public Future<Void> replaceDetails(SqlClient tx, long id, CheckpointDraft d) {
    Future<Void> chain = tx.preparedQuery("DELETE FROM flood_limit_periods WHERE checkpoint_id = $1")
        .execute(Tuple.of(id))
        .mapEmpty();
    for (FloodLimitPeriod p : d.floodLimits()) {
      chain = chain.compose(v -> tx.preparedQuery("INSERT INTO flood_limit_periods (checkpoint_id, name, start_md,"
              + " end_md, level) VALUES ($1, $2, $3, $4, $5)")
          .execute(Tuple.of(id, p.name(), FloodLimitPeriod.md(p.start()), FloodLimitPeriod.md(p.end()),
              Checkpoint.decimal(p.level())))
          .mapEmpty());
    }
    return chain.compose(v -> replaceServices(tx, id, d.services()));
  }

  /** Replaces the services of a checkpoint (pumps, pump trucks, pump stations, bases serving it). */
  public Future<Void> replaceServices(SqlClient tx, long id, List<CheckpointDraft.Service> services) {
    return tx.preparedQuery("DELETE FROM checkpoint_services WHERE checkpoint_id = $1").execute(Tuple.of(id))
        .compose(v -> insertServices(tx, id, services));
  }

  private Future<Void> insertServices(SqlClient tx, long id, List<CheckpointDraft.Service> services) {
    Future<Void> chain = Future.succeededFuture();
    for (CheckpointDraft.Service s : services) {
      chain = chain.compose(v -> tx.preparedQuery("INSERT INTO checkpoint_services (checkpoint_id, kind, name,"
              + " base_id, quantity) VALUES ($1, $2, $3, $4, $5)")
          .execute(Tuple.of(id, s.kind(), s.name(), s.baseId(), s.quantity()))
          .mapEmpty());
    }
    return chain;
  }

  /** Sets the inspectors of a checkpoint; false if a user id is not an inspector account. */
  public Future<Boolean> setInspectors(SqlClient tx, long id, List<Long> userIds) {
    Long[] ids = userIds.toArray(new Long[0]);
    return tx.preparedQuery("SELECT count(*) AS n FROM users WHERE id = ANY($1::bigint[]) AND role = 'inspector'")
        .execute(Tuple.of((Object) ids))
        .compose(rows -> {
          if (rows.iterator().next().getLong("n") != userIds.size()) {
            return Future.succeededFuture(false);
          }
          return tx.preparedQuery("DELETE FROM checkpoint_inspectors WHERE checkpoint_id = $1").execute(Tuple.of(id))
              .compose(v -> tx.preparedQuery("INSERT INTO checkpoint_inspectors (checkpoint_id, user_id)"
                  + " SELECT $1, unnest($2::bigint[])").execute(Tuple.of(id, (Object) ids)))
              .map(true);
        });
  }

  /** Sets the gauges (API keys) of a checkpoint; false if a key does not exist or is revoked. */
  public Future<Boolean> setGauges(SqlClient tx, long id, List<Long> keyIds) {
    Long[] ids = keyIds.toArray(new Long[0]);
    return tx.preparedQuery("SELECT count(*) AS n FROM api_keys WHERE id = ANY($1::bigint[]) AND revoked_at IS NULL")
        .execute(Tuple.of((Object) ids))
        .compose(rows -> {
          if (rows.iterator().next().getLong("n") != keyIds.size()) {
            return Future.succeededFuture(false);
          }
          return tx.preparedQuery("DELETE FROM api_key_checkpoints WHERE checkpoint_id = $1").execute(Tuple.of(id))
              .compose(v -> tx.preparedQuery("INSERT INTO api_key_checkpoints (api_key_id, checkpoint_id)"
                  + " SELECT unnest($2::bigint[]), $1").execute(Tuple.of(id, (Object) ids)))
              .map(true);
        });
  }

  /** The subset of the checkpoints the caller may post readings to. */
  public Future<List<Long>> postable(CurrentUser user, Collection<Long> ids) {
    return new Assignments(pool).postable(user, ids);
  }

  public Future<RowSet<Row>> page(Where where, PageRequest page) {
    return pool.preparedQuery(page.select(Checkpoint.COLUMNS + ", s.level, s.level_since, s.reason, s.last_value, s.last_reading_at",
            " FROM checkpoints c JOIN checkpoint_state s ON s.checkpoint_id = c.id", where))
        .execute(where.tuple());
  }

  public Future<Boolean> unitExists(long unitId) {
    return pool.preparedQuery("SELECT 1 FROM units WHERE id = $1").execute(Tuple.of(unitId))
        .map(rows -> rows.size() == 1);
  }
}
