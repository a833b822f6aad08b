package org.floodready.duty;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The handover log (交接班记录): written by the outgoing officer, confirmed by the incoming one. */
public final class HandoverRepository {
  private static final String SELECT = "SELECT h.id, h.unit_id, h.shift_id, h.open_items, h.written_by,"
      + " w.display_name AS written_by_name, h.written_at, h.confirmed_by, c.display_name AS confirmed_by_name,"
      + " h.confirmed_at, h.confirm_note FROM duty_handovers h JOIN users w ON w.id = h.written_by"
      + " LEFT JOIN users c ON c.id = h.confirmed_by";

  public Future<List<Row>> list(SqlClient db, Long unitId, OffsetDateTime from, OffsetDateTime to, int limit) {
    return db.preparedQuery(SELECT + " WHERE ($1::bigint IS NULL OR h.unit_id = $1)"
            + " AND ($2::timestamptz IS NULL OR h.written_at >= $2) AND ($3::timestamptz IS NULL OR h.written_at < $3)"
            + " ORDER BY h.written_at DESC, h.id DESC LIMIT $4")
        .execute(Tuple.wrap(Arrays.asList(unitId, from, to, limit)))
        .map(rows -> {
          List<Row> list = new java.util.ArrayList<>();
          rows.forEach(list::add);
          return list;
        });
  }

  public Future<Optional<Row>> find(SqlClient db, long id, boolean lock) {
    return db.preparedQuery(lock ? "SELECT id, written_by, confirmed_at FROM duty_handovers WHERE id = $1 FOR UPDATE"
            : SELECT + " WHERE h.id = $1")
        .execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next()));
  }

  public Future<Long> insert(SqlClient tx, long unitId, Long shiftId, String openItems, long writer, OffsetDateTime at) {
    return tx.preparedQuery("INSERT INTO duty_handovers (unit_id, shift_id, open_items, written_by, written_at)"
            + " VALUES ($1, $2, $3, $4, $5) RETURNING id")
        .execute(Tuple.wrap(Arrays.asList(unitId, shiftId, openItems, writer, at)))
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  public Future<Void> confirm(SqlClient tx, long id, long by, String note, OffsetDateTime at) {
    return tx.preparedQuery("UPDATE duty_handovers SET confirmed_by = $2, confirmed_at = $3, confirm_note = $4"
            + " WHERE id = $1").execute(Tuple.wrap(Arrays.asList(id, by, at, note))).mapEmpty();
  }

  static JsonObject toJson(Row r, Function<OffsetDateTime, String> iso) {
    return new JsonObject().put("id", r.getLong("id")).put("unitId", r.getLong("unit_id"))
        .put("shiftId", r.getLong("shift_id")).put("openItems", r.getString("open_items"))
        .put("writtenBy", r.getLong("written_by")).put("writtenByName", r.getString("written_by_name"))
        .put("writtenAt", iso.apply(r.getOffsetDateTime("written_at")))
        .put("confirmedBy", r.getLong("confirmed_by")).put("confirmedByName", r.getString("confirmed_by_name"))
        .put("confirmedAt", iso.apply(r.getOffsetDateTime("confirmed_at"))).put("confirmNote", r.getString("confirm_note"))
        .put("confirmed", r.getOffsetDateTime("confirmed_at") != null);
  }
}
