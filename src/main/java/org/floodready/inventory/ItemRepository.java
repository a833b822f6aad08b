package org.floodready.inventory;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Optional;
import org.floodready.db.Where;
import org.floodready.db.PageRequest;

/** The catalogue in PostgreSQL. */
final class ItemRepository {
  private final Pool pool;

  ItemRepository(Pool pool) {
    this.pool = pool;
  }

  Future<RowSet<Row>> page(Where where, PageRequest page) {
    return pool.preparedQuery(page.select(Item.COLUMNS, " FROM items i", where))
        .execute(where.tuple());
  }

  /** Ids of the items whose Chinese name matches {@code query} as pinyin (initials or syllables). */
  Future<Long[]> idsByPinyin(String query) {
    return pool.query("SELECT id, name_zh FROM items").execute().map(rows -> {
      java.util.List<Long> ids = new java.util.ArrayList<>();
      rows.forEach(r -> {
        if (PinyinMatch.matches(r.getString("name_zh"), query)) {
          ids.add(r.getLong("id"));
        }
      });
      return ids.toArray(Long[]::new);
    });
  }

  Future<Optional<Item>> find(long id) {
    return pool.preparedQuery("SELECT " + Item.COLUMNS + " FROM items i WHERE i.id = $1")
        .execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(Item.from(rows.iterator().next())));
  }

  Future<Long> insert(SqlClient tx, InventoryValidation.ItemInput in) {
    return tx.preparedQuery("INSERT INTO items (code, name_zh, name_en, category, unit_of_measure,"
            + " shelf_life_months, needs_test_run, test_interval_days, criticality, reusable)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, coalesce($10::boolean, $7::boolean)) RETURNING id")
        .execute(tuple(in))
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  Future<Boolean> update(SqlClient tx, long id, InventoryValidation.ItemInput in) {
    return tx.preparedQuery("UPDATE items SET code = $1, name_zh = $2, name_en = $3, category = $4,"
            + " unit_of_measure = $5, shelf_life_months = $6, needs_test_run = $7, test_interval_days = $8,"
            + " criticality = $9, reusable = coalesce($10::boolean, reusable) WHERE id = $11")
        .execute(tuple(in).addLong(id))
        .map(rows -> rows.rowCount() == 1);
  }

  private static Tuple tuple(InventoryValidation.ItemInput in) {
    return Tuple.wrap(new ArrayList<>(Arrays.asList(in.code(), in.nameZh(), in.nameEn(),
        in.category(), in.unitOfMeasure(), in.shelfLifeMonths(), in.needsTestRun(), in.testIntervalDays(),
        in.criticality(), in.reusable())));
  }
}
