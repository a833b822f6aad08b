package org.floodready.inventory;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.function.Function;
import org.floodready.db.Where;
import org.floodready.db.PageRequest;

/** Reserve quotas (储备定额) per base and item, with a multiplier per response level. */
final class QuotaRepository {
  private static final String FROM = " FROM quotas q JOIN bases b ON b.id = q.base_id JOIN items i ON i.id = q.item_id"
      + " LEFT JOIN users u ON u.id = q.updated_by";

  private final Pool pool;

  QuotaRepository(Pool pool) {
    this.pool = pool;
  }

  Future<RowSet<Row>> page(Where where, PageRequest page, ResponseLevel level) {
    return pool.preparedQuery(page.select("q.id, q.base_id, b.name_zh AS base_name_zh, b.unit_id, q.item_id,"
            + " i.code AS item_code, i.name_zh AS item_name_zh, i.category, i.unit_of_measure, q.required,"
            + " q.mult_iv, q.mult_iii, q.mult_ii, q.mult_i, q.note, q.updated_at, u.username AS updated_by_name,"
            + " " + level.requiredSql("q", "i") + " AS required_now", FROM, where))
        .execute(where.tuple());
  }

  /** Creates or replaces the quota; true when it was new. */
  static Future<Boolean> upsert(SqlClient tx, long baseId, long itemId, InventoryValidation.QuotaInput in,
      OffsetDateTime now, long userId) {
    return tx.preparedQuery("""
            INSERT INTO quotas (base_id, item_id, required, mult_iv, mult_iii, mult_ii, mult_i, note, updated_at,
                                updated_by)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            ON CONFLICT (base_id, item_id) DO UPDATE SET required = EXCLUDED.required, mult_iv = EXCLUDED.mult_iv,
              mult_iii = EXCLUDED.mult_iii, mult_ii = EXCLUDED.mult_ii, mult_i = EXCLUDED.mult_i,
              note = EXCLUDED.note, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
            RETURNING (xmax = 0) AS inserted""")
        .execute(Tuple.wrap(new ArrayList<>(Arrays.asList(baseId, itemId, in.required(), in.multipliers().get(0),
            in.multipliers().get(1), in.multipliers().get(2), in.multipliers().get(3), in.note(), now, userId))))
        .map(rows -> rows.iterator().next().getBoolean("inserted"));
  }

  static Future<Boolean> delete(SqlClient tx, long baseId, long itemId) {
    return tx.preparedQuery("DELETE FROM quotas WHERE base_id = $1 AND item_id = $2")
        .execute(Tuple.of(baseId, itemId))
        .map(rows -> rows.rowCount() == 1);
  }

  static JsonObject toJson(Row r, Function<OffsetDateTime, String> iso) {
    return new JsonObject().put("id", r.getLong("id")).put("baseId", r.getLong("base_id"))
        .put("baseNameZh", r.getString("base_name_zh")).put("unitId", r.getLong("unit_id"))
        .put("itemId", r.getLong("item_id")).put("itemCode", r.getString("item_code"))
        .put("itemNameZh", r.getString("item_name_zh")).put("category", r.getString("category"))
        .put("unitOfMeasure", r.getString("unit_of_measure"))
        .put("required", Quantities.json(r.getBigDecimal("required")))
        .put("multipliers", new JsonObject().put("IV", Quantities.json(r.getBigDecimal("mult_iv")))
            .put("III", Quantities.json(r.getBigDecimal("mult_iii")))
            .put("II", Quantities.json(r.getBigDecimal("mult_ii")))
            .put("I", Quantities.json(r.getBigDecimal("mult_i"))))
        .put("requiredNow", Quantities.json(r.getBigDecimal("required_now")))
        .put("note", r.getString("note")).put("updatedAt", iso.apply(r.getOffsetDateTime("updated_at")))
        .put("updatedBy", r.getString("updated_by_name"));
  }
}
