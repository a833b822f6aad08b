package org.floodready.inventory;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.floodready.db.Where;
import org.floodready.db.PageRequest;

/** Supply bases and their keepers in PostgreSQL. */
final class BaseRepository {
  private static final String FROM = " FROM bases b JOIN units un ON un.id = b.unit_id";

  private final Pool pool;

  BaseRepository(Pool pool) {
    this.pool = pool;
  }

  Future<RowSet<Row>> page(Where where, PageRequest page) {
    return pool.preparedQuery(page.select(Base.COLUMNS, FROM, where))
        .execute(where.tuple());
  }

  Future<List<Base>> all() {
    return pool.query("SELECT " + Base.COLUMNS + FROM + " ORDER BY b.id").execute()
        .map(rows -> {
          List<Base> bases = new ArrayList<>();
          rows.forEach(r -> bases.add(Base.from(r)));
          return bases;
        });
  }

  /** Every base's position, for "where to get it from" ({@link NearestSources}). */
  Future<List<Sourcing.Position>> positions() {
    return pool.query("SELECT id, lat, lon FROM bases").execute().map(rows -> {
      List<Sourcing.Position> out = new java.util.ArrayList<>(rows.size());
      rows.forEach(r -> out.add(new Sourcing.Position(r.getLong(0), r.getDouble(1), r.getDouble(2))));
      return out;
    });
  }

  Future<Optional<Base>> find(long id) {
    return pool.preparedQuery("SELECT " + Base.COLUMNS + FROM + " WHERE b.id = $1")
        .execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(Base.from(rows.iterator().next())));
  }

  Future<JsonArray> keepers(long baseId) {
    return pool.preparedQuery("SELECT u.id, u.username, u.display_name, u.phone FROM base_keepers k"
            + " JOIN users u ON u.id = k.user_id WHERE k.base_id = $1 ORDER BY u.username")
        .execute(Tuple.of(baseId))
        .map(rows -> {
          JsonArray out = new JsonArray();
          rows.forEach(r -> out.add(new JsonObject().put("id", r.getLong("id"))
              .put("username", r.getString("username")).put("displayName", r.getString("display_name"))
              .put("phone", r.getString("phone"))));
          return out;
        });
  }

  /** Ids among {@code userIds} that are not active base keepers. */
  Future<List<Long>> notKeepers(List<Long> userIds) {
    return pool.preparedQuery("SELECT x FROM unnest($1::bigint[]) AS x WHERE x NOT IN"
            + " (SELECT id FROM users WHERE role = 'base_keeper' AND active)")
        .execute(Tuple.tuple().addArrayOfLong(userIds.toArray(new Long[0])))
        .map(rows -> {
          List<Long> ids = new ArrayList<>();
          rows.forEach(r -> ids.add(r.getLong(0)));
          return ids;
        });
  }

  Future<Long> insert(SqlClient tx, InventoryValidation.BaseInput in) {
    return tx.preparedQuery("INSERT INTO bases (code, name_zh, name_en, unit_id, address, lat, lon, phone)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id")
        .execute(tuple(in))
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  Future<Boolean> update(SqlClient tx, long id, InventoryValidation.BaseInput in) {
    return tx.preparedQuery("UPDATE bases SET code = $1, name_zh = $2, name_en = $3, unit_id = $4, address = $5,"
            + " lat = $6, lon = $7, phone = $8 WHERE id = $9")
        .execute(tuple(in).addLong(id))
        .map(rows -> rows.rowCount() == 1);
  }

  Future<Void> replaceKeepers(SqlClient tx, long baseId, List<Long> userIds) {
    return tx.preparedQuery("DELETE FROM base_keepers WHERE base_id = $1").execute(Tuple.of(baseId))
        .compose(v -> tx.preparedQuery("INSERT INTO base_keepers (base_id, user_id)"
                + " SELECT $1, x FROM unnest($2::bigint[]) AS x")
            .execute(Tuple.tuple().addLong(baseId).addArrayOfLong(userIds.toArray(new Long[0]))))
        .mapEmpty();
  }

  private static Tuple tuple(InventoryValidation.BaseInput in) {
    return Tuple.wrap(new ArrayList<>(Arrays.asList(in.code(), in.nameZh(), in.nameEn(), in.unitId(),
        in.address(), in.lat(), in.lon(), in.phone())));
  }
}
