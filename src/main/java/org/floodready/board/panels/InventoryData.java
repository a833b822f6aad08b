package org.floodready.board.panels;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The board's reads of the inventory tables (bases for the map, the day's movements). */
public final class InventoryData {
  private final Pool pool;

  InventoryData(Pool pool) {
    this.pool = pool;
  }

  record BaseSite(long id, String code, String nameZh, String nameEn, long unitId, Double lat, Double lon) {
  }

  record MovementLine(OffsetDateTime at, String baseNameZh, String itemNameZh, String kind, double quantity,
      String unitOfMeasure, String actor, String note) {
  }

  Future<List<BaseSite>> bases(List<Long> ids) {
    return pool.preparedQuery("SELECT id, code, name_zh, name_en, unit_id, lat, lon FROM bases WHERE id = ANY($1)"
            + " ORDER BY id").execute(io.vertx.sqlclient.Tuple.of(ids.toArray(Long[]::new)))
        .map(rows -> {
          List<BaseSite> out = new ArrayList<>();
          for (Row r : rows) {
            out.add(new BaseSite(r.getLong("id"), r.getString("code"), r.getString("name_zh"), r.getString("name_en"),
                r.getLong("unit_id"), r.getDouble("lat"), r.getDouble("lon")));
          }
          return out;
        });
  }

  Future<List<MovementLine>> movements(OffsetDateTime from, OffsetDateTime to, int limit) {
    return pool.preparedQuery("""
            SELECT m.at, b.name_zh AS base_name, i.name_zh AS item_name, m.kind, m.quantity, i.unit_of_measure,
                   m.actor_name, coalesce(m.note, m.recipient, m.reason) AS note
            FROM stock_movements m JOIN bases b ON b.id = m.base_id JOIN items i ON i.id = m.item_id
            WHERE m.at >= $1 AND m.at < $2 ORDER BY m.at, m.id LIMIT $3""")
        .execute(Tuple.of(from, to, limit))
        .map(rows -> {
          List<MovementLine> out = new ArrayList<>();
          for (Row r : rows) {
            out.add(new MovementLine(r.getOffsetDateTime("at"), r.getString("base_name"), r.getString("item_name"),
                r.getString("kind"), r.getBigDecimal("quantity").doubleValue(), r.getString("unit_of_measure"),
                r.getString("actor_name"), r.getString("note")));
          }
          return out;
        });
  }
}
