package org.floodready.inventory;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import org.floodready.db.Rows;
import org.floodready.db.Where;
import org.floodready.db.PageRequest;

/** Transfers (调拨) between bases: dispatched → in transit → received. */
final class TransferRepository {
  static final String COLUMNS = "t.id, t.from_base_id, fb.name_zh AS from_base_name_zh, fb.unit_id AS from_unit_id,"
      + " t.to_base_id, tb.name_zh AS to_base_name_zh, tb.unit_id AS to_unit_id, t.item_id, i.code AS item_code,"
      + " i.name_zh AS item_name_zh, i.unit_of_measure, t.from_lot_id, t.to_lot_id, t.quantity, t.status, t.tracked,"
      + " t.note, t.ordered_by, ou.username AS ordered_by_name, t.dispatched_at, t.departed_at, t.received_at,"
      + " t.received_by, ru.username AS received_by_name";
  static final String FROM = " FROM transfers t JOIN bases fb ON fb.id = t.from_base_id"
      + " JOIN bases tb ON tb.id = t.to_base_id JOIN items i ON i.id = t.item_id"
      + " JOIN users ou ON ou.id = t.ordered_by LEFT JOIN users ru ON ru.id = t.received_by";

  private final Pool pool;

  TransferRepository(Pool pool) {
    this.pool = pool;
  }

  Future<RowSet<Row>> page(Where where, PageRequest page) {
    return pool.preparedQuery(page.select(COLUMNS, FROM, where))
        .execute(where.tuple());
  }

  static Future<Optional<Row>> find(SqlClient client, long id) {
    return client.preparedQuery("SELECT " + COLUMNS + FROM + " WHERE t.id = $1").execute(Tuple.of(id))
        .map(Rows::first);
  }

  Future<Optional<Row>> find(long id) {
    return find(pool, id);
  }

  static Future<Long> insert(SqlClient tx, Lot from, long toBaseId, BigDecimal quantity, boolean tracked,
      String note, long orderedBy, OffsetDateTime now) {
    return tx.preparedQuery("""
            INSERT INTO transfers (from_base_id, to_base_id, item_id, from_lot_id, quantity, status, tracked, note,
                                   ordered_by, dispatched_at)
            VALUES ($1, $2, $3, $4, $5, 'dispatched', $6, $7, $8, $9) RETURNING id""")
        .execute(Tuple.wrap(new ArrayList<>(Arrays.asList(from.baseId(), toBaseId, from.itemId(), from.id(), quantity,
            tracked, note, orderedBy, now))))
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  /** Locks the transfer and returns its status. */
  static Future<String> lockStatus(SqlClient tx, long id) {
    return tx.preparedQuery("SELECT status FROM transfers WHERE id = $1 FOR UPDATE").execute(Tuple.of(id))
        .map(rows -> rows.iterator().next().getString("status"));
  }

  static Future<Void> markDeparted(SqlClient tx, long id, OffsetDateTime now) {
    return tx.preparedQuery("UPDATE transfers SET status = 'in_transit', departed_at = $2 WHERE id = $1")
        .execute(Tuple.of(id, now)).mapEmpty();
  }

  static Future<Void> markReceived(SqlClient tx, long id, long toLotId, long receivedBy, OffsetDateTime now) {
    return tx.preparedQuery("UPDATE transfers SET status = 'received', to_lot_id = $2, received_by = $3,"
            + " received_at = $4 WHERE id = $1")
        .execute(Tuple.of(id, toLotId, receivedBy, now)).mapEmpty();
  }

  static JsonObject toJson(Row r, Function<OffsetDateTime, String> iso) {
    return new JsonObject().put("id", r.getLong("id")).put("fromBaseId", r.getLong("from_base_id"))
        .put("fromBaseNameZh", r.getString("from_base_name_zh")).put("toBaseId", r.getLong("to_base_id"))
        .put("toBaseNameZh", r.getString("to_base_name_zh")).put("itemId", r.getLong("item_id"))
        .put("itemCode", r.getString("item_code")).put("itemNameZh", r.getString("item_name_zh"))
        .put("unitOfMeasure", r.getString("unit_of_measure")).put("fromLotId", r.getLong("from_lot_id"))
        .put("toLotId", r.getLong("to_lot_id")).put("quantity", Quantities.json(r.getBigDecimal("quantity")))
        .put("status", r.getString("status")).put("tracked", r.getBoolean("tracked")).put("note", r.getString("note"))
        .put("orderedBy", r.getString("ordered_by_name"))
        .put("dispatchedAt", iso.apply(r.getOffsetDateTime("dispatched_at")))
        .put("departedAt", iso.apply(r.getOffsetDateTime("departed_at")))
        .put("receivedAt", iso.apply(r.getOffsetDateTime("received_at")))
        .put("receivedBy", r.getString("received_by_name"));
  }
}
