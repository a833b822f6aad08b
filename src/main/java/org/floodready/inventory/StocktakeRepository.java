package org.floodready.inventory;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
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
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.floodready.db.Rows;
import org.floodready.db.Where;
import org.floodready.db.PageRequest;

/** Stocktakes (盘点): a count sheet per base with one line per lot. */
final class StocktakeRepository {
  static final String COLUMNS = "s.id, s.base_id, b.name_zh AS base_name_zh, b.unit_id, s.status, s.note, s.opened_at,"
      + " ou.username AS opened_by_name, s.closed_at, cu.username AS closed_by_name";
  static final String FROM = " FROM stocktakes s JOIN bases b ON b.id = s.base_id"
      + " JOIN users ou ON ou.id = s.opened_by LEFT JOIN users cu ON cu.id = s.closed_by";

  /** A line as the close needs it. */
  record Line(long lotId, BigDecimal counted) {
  }

  private final Pool pool;

  StocktakeRepository(Pool pool) {
    this.pool = pool;
  }

  Future<RowSet<Row>> page(Where where, PageRequest page) {
    return pool.preparedQuery(page.select(COLUMNS, FROM, where))
        .execute(where.tuple());
  }

  static Future<Optional<Row>> find(SqlClient client, long id) {
    return client.preparedQuery("SELECT " + COLUMNS + FROM + " WHERE s.id = $1").execute(Tuple.of(id))
        .map(Rows::first);
  }

  Future<Optional<Row>> find(long id) {
    return find(pool, id);
  }

  /** Opens a count sheet with a line for every lot at the base that holds stock or is not scrapped. */
  static Future<Long> open(SqlClient tx, long baseId, String note, OffsetDateTime now, long userId) {
    return tx.preparedQuery("INSERT INTO stocktakes (base_id, status, note, opened_at, opened_by)"
            + " VALUES ($1, 'open', $2, $3, $4) RETURNING id")
        .execute(Tuple.wrap(new ArrayList<>(Arrays.asList(baseId, note, now, userId))))
        .map(rows -> rows.iterator().next().getLong("id"))
        .compose(id -> tx.preparedQuery("INSERT INTO stocktake_lines (stocktake_id, lot_id, book_at_open)"
                + " SELECT $1, id, quantity FROM lots WHERE base_id = $2 AND (quantity > 0 OR condition <> 'scrapped')")
            .execute(Tuple.of(id, baseId)).map(id));
  }

  /** Enters a counted quantity while the sheet is open; false when there is no such line on an open sheet. */
  static Future<Boolean> count(SqlClient tx, long id, long lotId, BigDecimal counted, String note, long userId,
      OffsetDateTime now) {
    return tx.preparedQuery("UPDATE stocktake_lines SET counted_quantity = $3, note = $4, counted_by = $5,"
            + " counted_at = $6 WHERE stocktake_id = $1 AND lot_id = $2")
        .execute(Tuple.wrap(new ArrayList<>(Arrays.asList(id, lotId, counted, note, userId, now))))
        .map(rows -> rows.rowCount() == 1);
  }

  /** Locks the sheet (counts and the close queue behind each other) and returns its status. */
  static Future<String> lockStatus(SqlClient tx, long id) {
    return tx.preparedQuery("SELECT status FROM stocktakes WHERE id = $1 FOR UPDATE").execute(Tuple.of(id))
        .map(rows -> rows.iterator().next().getString("status"));
  }

  static Future<List<Line>> linesForClose(SqlClient tx, long id) {
    return tx.preparedQuery("SELECT lot_id, counted_quantity FROM stocktake_lines WHERE stocktake_id = $1"
            + " ORDER BY lot_id")
        .execute(Tuple.of(id))
        .map(rows -> {
          List<Line> lines = new ArrayList<>();
          rows.forEach(r -> lines.add(new Line(r.getLong("lot_id"), r.getBigDecimal("counted_quantity"))));
          return lines;
        });
  }

  static Future<Void> closeLine(SqlClient tx, long id, long lotId, BigDecimal book, Long movementId) {
    return tx.preparedQuery("UPDATE stocktake_lines SET book_at_close = $3, movement_id = $4"
            + " WHERE stocktake_id = $1 AND lot_id = $2")
        .execute(Tuple.wrap(new ArrayList<>(Arrays.asList(id, lotId, book, movementId)))).mapEmpty();
  }

  static Future<Void> close(SqlClient tx, long id, OffsetDateTime now, long userId) {
    return tx.preparedQuery("UPDATE stocktakes SET status = 'closed', closed_at = $2, closed_by = $3 WHERE id = $1")
        .execute(Tuple.of(id, now, userId)).mapEmpty();
  }

  /** The sheet with book vs counted per line; book is the on-hand at close, or now while open. */
  static Future<JsonObject> report(SqlClient client, long id, Function<OffsetDateTime, String> iso) {
    return find(client, id).compose(header -> client.preparedQuery("""
            SELECT sl.lot_id, l.lot_code, i.code AS item_code, i.name_zh AS item_name_zh, i.unit_of_measure,
                   sl.book_at_open, COALESCE(sl.book_at_close, l.quantity) AS book, sl.counted_quantity,
                   sl.movement_id, u.username AS counted_by_name, sl.counted_at, sl.note
            FROM stocktake_lines sl JOIN lots l ON l.id = sl.lot_id JOIN items i ON i.id = l.item_id
            LEFT JOIN users u ON u.id = sl.counted_by
            WHERE sl.stocktake_id = $1 ORDER BY i.code, l.lot_code""")
        .execute(Tuple.of(id))
        .map(rows -> {
          JsonArray lines = new JsonArray();
          int counted = 0;
          int differing = 0;
          for (Row r : rows) {
            BigDecimal book = r.getBigDecimal("book");
            BigDecimal count = r.getBigDecimal("counted_quantity");
            BigDecimal diff = count == null ? null : count.subtract(book);
            counted += count == null ? 0 : 1;
            differing += diff != null && diff.signum() != 0 ? 1 : 0;
            lines.add(new JsonObject().put("lotId", r.getLong("lot_id")).put("lotCode", r.getString("lot_code"))
                .put("itemCode", r.getString("item_code")).put("itemNameZh", r.getString("item_name_zh"))
                .put("unitOfMeasure", r.getString("unit_of_measure"))
                .put("bookAtOpen", Quantities.json(r.getBigDecimal("book_at_open")))
                .put("book", Quantities.json(book)).put("counted", Quantities.json(count))
                .put("difference", Quantities.json(diff)).put("movementId", r.getLong("movement_id"))
                .put("countedBy", r.getString("counted_by_name"))
                .put("countedAt", iso.apply(r.getOffsetDateTime("counted_at"))).put("note", r.getString("note")));
          }
          return toJson(header.orElseThrow(), iso).put("lines", lines)
              .put("summary", new JsonObject().put("lines", lines.size()).put("counted", counted)
                  .put("matching", counted - differing).put("differing", differing));
        }));
  }

  static JsonObject toJson(Row r, Function<OffsetDateTime, String> iso) {
    return new JsonObject().put("id", r.getLong("id")).put("baseId", r.getLong("base_id"))
        .put("baseNameZh", r.getString("base_name_zh")).put("status", r.getString("status"))
        .put("note", r.getString("note")).put("openedAt", iso.apply(r.getOffsetDateTime("opened_at")))
        .put("openedBy", r.getString("opened_by_name")).put("closedAt", iso.apply(r.getOffsetDateTime("closed_at")))
        .put("closedBy", r.getString("closed_by_name"));
  }
}
