package org.floodready.units;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.floodready.db.PageRequest;
import org.floodready.db.Where;

/** The organisation tree in PostgreSQL. */
public final class UnitRepository {
  private static final String COLUMNS = "id, code, name_zh, name_en, level, parent_id";

  private final Pool pool;

  public UnitRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<List<Unit>> list(Where where) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM units" + where.sql() + " ORDER BY id")
        .execute(where.tuple())
        .map(UnitRepository::toUnits);
  }

  /** One page of units, each with its parent's Chinese name, and the (capped) total. */
  public Future<RowSet<Row>> page(Where where, PageRequest page) {
    return pool.preparedQuery(page.select(
            "u.id, u.code, u.name_zh, u.name_en, u.level, u.parent_id,"
                + " (SELECT p.name_zh FROM units p WHERE p.id = u.parent_id) AS parent_name_zh",
            " FROM units u", where))
        .execute(where.tuple());
  }

  public Future<Optional<Unit>> find(long id) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM units WHERE id = $1")
        .execute(Tuple.of(id))
        .map(rows -> toUnits(rows).stream().findFirst());
  }

  public Future<Long> insert(SqlClient tx, String code, String nameZh, String nameEn, String level, Long parentId) {
    return tx.preparedQuery("INSERT INTO units (code, name_zh, name_en, level, parent_id)"
            + " VALUES ($1, $2, $3, $4, $5) RETURNING id")
        .execute(Tuple.of(code, nameZh, nameEn, level, parentId))
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  private static List<Unit> toUnits(Iterable<Row> rows) {
    List<Unit> units = new ArrayList<>();
    rows.forEach(r -> units.add(Unit.from(r)));
    return units;
  }
}
