package org.floodready.inventory;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Cursor;
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

/** The stock ledger (台账): rows are only ever inserted (a trigger refuses UPDATE and DELETE). */
final class StockLedger {
  static final String COLUMNS = "m.id, m.lot_id, l.lot_code, m.base_id, b.name_zh AS base_name_zh, m.item_id,"
      + " i.code AS item_code, i.name_zh AS item_name_zh, i.unit_of_measure, m.kind, m.quantity, m.balance, m.at,"
      + " m.actor_id, m.actor_name, m.note, m.recipient_type, m.recipient, m.reason, m.counted_quantity,"
      + " m.condition_from, m.condition_to, m.transfer_id, m.stocktake_id, m.received_at, m.incident_id,"
      + " EXISTS (SELECT 1 FROM movement_photos p WHERE p.movement_id = m.id) AS has_photo";
  private static final String FROM = " FROM stock_movements m JOIN lots l ON l.id = m.lot_id"
      + " JOIN items i ON i.id = m.item_id JOIN bases b ON b.id = m.base_id";

  private final Pool pool;

  StockLedger(Pool pool) {
    this.pool = pool;
  }

  static Future<Long> append(SqlClient tx, Movement m) {
    return tx.preparedQuery("""
            INSERT INTO stock_movements (lot_id, base_id, item_id, kind, quantity, balance, at, actor_id, actor_name,
              note, recipient_type, recipient, reason, counted_quantity, condition_from, condition_to,
              transfer_id, stocktake_id, received_at, incident_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
            RETURNING id""")
        .execute(Tuple.wrap(new ArrayList<>(Arrays.asList(m.lotId, m.baseId, m.itemId, m.kind, m.quantity,
            m.balance, m.at, m.actor.id(), m.actor.username(), m.note, m.recipientType, m.recipient, m.reason,
            m.countedQuantity, m.conditionFrom, m.conditionTo, m.transferId, m.stocktakeId, m.receivedAt(),
            m.incidentId))))
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  Future<RowSet<Row>> page(Where where, PageRequest page) {
    return pool.preparedQuery(page.select(COLUMNS, FROM, where))
        .execute(where.tuple());
  }

  /** Every matching row in ledger order, for a CSV stock card; capped at {@code limit} rows. */
  Future<RowSet<Row>> all(Where where, int limit) {
    return pool.preparedQuery("SELECT " + COLUMNS + FROM + where.sql() + " ORDER BY m.id LIMIT " + limit)
        .execute(where.tuple());
  }

  /**
   * Every row of {@code where} in id order, {@code chunk} rows at a time through a cursor (one transaction): the
   * next chunk is read only when {@code each} has taken the last one, so a consumer that waits (a slow download)
   * holds at most one chunk.
   */
  Future<Void> inChunks(Where where, int chunk, Function<RowSet<Row>, Future<Void>> each) {
    return pool.withTransaction(tx -> tx.prepare("SELECT " + COLUMNS + FROM + where.sql() + " ORDER BY m.id")
        .compose(ps -> {
          Cursor cursor = ps.cursor(where.tuple());
          return readChunks(cursor, chunk, each).eventually(cursor::close);
        }));
  }

  private static Future<Void> readChunks(Cursor cursor, int chunk, Function<RowSet<Row>, Future<Void>> each) {
    return cursor.read(chunk).compose(rows -> each.apply(rows))
        .compose(v -> cursor.hasMore() ? readChunks(cursor, chunk, each) : Future.succeededFuture());
  }

  /** Lots whose on-hand is not the sum of their ledger, plus one row carrying how many lots were checked. */
  Future<RowSet<Row>> mismatches(Where where) {
    return pool.preparedQuery("WITH sums AS (SELECT l.id, l.quantity, COALESCE(sum(m.quantity), 0) AS ledger_sum"
            + " FROM lots l LEFT JOIN stock_movements m ON m.lot_id = l.id" + where.sql() + " GROUP BY l.id)"
            + " SELECT (SELECT count(*) FROM sums) AS checked, s.id AS lot_id, s.quantity, s.ledger_sum"
            + " FROM (SELECT 1) one LEFT JOIN sums s ON s.quantity <> s.ledger_sum ORDER BY s.id")
        .execute(where.tuple());
  }

  static JsonObject toJson(Row r, Function<OffsetDateTime, String> iso) {
    return new JsonObject().put("id", r.getLong("id")).put("lotId", r.getLong("lot_id"))
        .put("lotCode", r.getString("lot_code")).put("baseId", r.getLong("base_id"))
        .put("baseNameZh", r.getString("base_name_zh")).put("itemId", r.getLong("item_id"))
        .put("itemCode", r.getString("item_code")).put("itemNameZh", r.getString("item_name_zh"))
        .put("unitOfMeasure", r.getString("unit_of_measure")).put("kind", r.getString("kind"))
        .put("quantity", Quantities.json(r.getBigDecimal("quantity")))
        .put("balance", Quantities.json(r.getBigDecimal("balance")))
        .put("at", iso.apply(r.getOffsetDateTime("at"))).put("actorId", r.getLong("actor_id"))
        .put("actorName", r.getString("actor_name")).put("note", r.getString("note"))
        .put("recipientType", r.getString("recipient_type")).put("recipient", r.getString("recipient"))
        .put("reason", r.getString("reason"))
        .put("countedQuantity", Quantities.json(r.getBigDecimal("counted_quantity")))
        .put("conditionFrom", r.getString("condition_from")).put("conditionTo", r.getString("condition_to"))
        .put("transferId", r.getLong("transfer_id")).put("stocktakeId", r.getLong("stocktake_id"))
        .put("incidentId", r.getLong("incident_id"))
        .put("receivedAt", iso.apply(r.getOffsetDateTime("received_at") == null ? r.getOffsetDateTime("at")
            : r.getOffsetDateTime("received_at")))
        .put("photoUrl", r.getBoolean("has_photo") ? MovementPhotoRoutes.url(r.getLong("id")) : null);
  }

  /** The JSON {@link #toJson(Row, Function)} gives for this movement of this lot once it is stored as {@code id}. */
  static JsonObject toJson(long id, Movement m, Lot lot, Function<OffsetDateTime, String> iso) {
    return new JsonObject().put("id", id).put("lotId", m.lotId)
        .put("lotCode", lot.lotCode()).put("baseId", m.baseId)
        .put("baseNameZh", lot.baseNameZh()).put("itemId", m.itemId)
        .put("itemCode", lot.itemCode()).put("itemNameZh", lot.itemNameZh())
        .put("unitOfMeasure", lot.unitOfMeasure()).put("kind", m.kind)
        .put("quantity", Quantities.json(m.quantity))
        .put("balance", Quantities.json(m.balance))
        .put("at", iso.apply(m.at)).put("actorId", m.actor.id())
        .put("actorName", m.actor.username()).put("note", m.note)
        .put("recipientType", m.recipientType).put("recipient", m.recipient)
        .put("reason", m.reason)
        .put("countedQuantity", Quantities.json(m.countedQuantity))
        .put("conditionFrom", m.conditionFrom).put("conditionTo", m.conditionTo)
        .put("transferId", m.transferId).put("stocktakeId", m.stocktakeId)
        .put("incidentId", m.incidentId)
        .put("receivedAt", iso.apply(m.receivedAt()))
        .put("photoUrl", null);
  }

  /** One movement by id, as JSON, read inside the writing transaction. */
  static Future<JsonObject> read(SqlClient tx, long id, Function<OffsetDateTime, String> iso) {
    return tx.preparedQuery("SELECT " + COLUMNS + FROM + " WHERE m.id = $1").execute(Tuple.of(id))
        .map(rows -> toJson(rows.iterator().next(), iso));
  }
}
