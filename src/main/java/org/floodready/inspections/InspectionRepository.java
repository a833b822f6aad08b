package org.floodready.inspections;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.floodready.db.Rows;
import org.floodready.db.Where;

/** Checklists, rounds and their answers in PostgreSQL. Answer photos stay here until the round closes. */
final class InspectionRepository {
  private static final String ROUND = """
      SELECT r.*, u.display_name AS opener_name,
        (SELECT count(*) FROM inspection_answers a WHERE a.round_id = r.id AND a.result = 'problem') AS problems,
        (SELECT count(*) FROM inspection_answers a WHERE a.round_id = r.id AND a.result IS NULL) AS unanswered
      FROM inspection_rounds r JOIN users u ON u.id = r.opened_by""";

  private InspectionRepository() {
  }

  static Future<RowSet<Row>> checklist(SqlClient db, String kind) {
    return db.preparedQuery("SELECT position, text_zh, text_en FROM inspection_checklist_items"
        + " WHERE site_kind = $1 ORDER BY position").execute(Tuple.of(kind));
  }

  static Future<Void> replaceChecklist(SqlClient tx, String kind, List<InspectionInput.Item> items) {
    Future<Void> chain = tx.preparedQuery("DELETE FROM inspection_checklist_items WHERE site_kind = $1")
        .execute(Tuple.of(kind)).mapEmpty();
    for (int i = 0; i < items.size(); i++) {
      Tuple row = Tuple.of(kind, i + 1, items.get(i).textZh(), items.get(i).textEn());
      chain = chain.compose(v -> tx.preparedQuery("INSERT INTO inspection_checklist_items"
          + " (site_kind, position, text_zh, text_en) VALUES ($1, $2, $3, $4)").execute(row).mapEmpty());
    }
    return chain;
  }

  /** Opens a round with a copy of the kind's checklist; returns its id. */
  static Future<Long> open(SqlClient tx, Site site, double lat, double lon, String note, long userId,
      OffsetDateTime now) {
    return tx.preparedQuery("""
            INSERT INTO inspection_rounds (site_kind, site_id, site_name_zh, site_name_en, unit_id, lat, lon, status,
              note, opened_by, opened_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $8, $9, $10) RETURNING id""")
        .execute(Tuple.from(new Object[] {site.kind(), site.id(), site.nameZh(), site.nameEn(), site.unitId(), lat,
            lon, note, userId, now}))
        .map(rows -> rows.iterator().next().getLong("id"))
        .compose(id -> tx.preparedQuery("""
                INSERT INTO inspection_answers (round_id, position, text_zh, text_en)
                SELECT $1, position, text_zh, text_en FROM inspection_checklist_items WHERE site_kind = $2""")
            .execute(Tuple.of(id, site.kind())).map(id));
  }

  static Future<Optional<Row>> round(SqlClient db, long id) {
    return db.preparedQuery(ROUND + " WHERE r.id = $1").execute(Tuple.of(id)).map(Rows::first);
  }

  static Future<Optional<Row>> lock(SqlClient tx, long id) {
    return tx.preparedQuery("SELECT * FROM inspection_rounds WHERE id = $1 FOR UPDATE").execute(Tuple.of(id))
        .map(Rows::first);
  }

  static Future<RowSet<Row>> answers(SqlClient db, long roundId) {
    return db.preparedQuery("""
            SELECT round_id, position, text_zh, text_en, result, severity, note, hazard_id,
              photo_content_type IS NOT NULL AS has_photo, answered_at
            FROM inspection_answers WHERE round_id = $1 ORDER BY position""").execute(Tuple.of(roundId));
  }

  static Future<RowSet<Row>> list(SqlClient db, Where where, int limit) {
    return db.preparedQuery(ROUND + where.sql() + " ORDER BY r.opened_at DESC, r.id DESC LIMIT " + limit)
        .execute(where.tuple());
  }

  /** Problems of rounds closed in [from, to), for the daily report. */
  static Future<RowSet<Row>> closedBetween(SqlClient db, OffsetDateTime from, OffsetDateTime to, int limit) {
    return db.preparedQuery("""
            SELECT r.id, r.site_kind, r.site_name_zh, r.closed_at, u.display_name AS opener_name, a.position,
              a.text_zh, a.severity, a.note, a.hazard_id, h.deadline_at,
              (SELECT count(*) FROM inspection_answers x WHERE x.round_id = r.id) AS items
            FROM inspection_rounds r JOIN users u ON u.id = r.opened_by
              LEFT JOIN inspection_answers a ON a.round_id = r.id AND a.result = 'problem'
              LEFT JOIN hazards h ON h.id = a.hazard_id
            WHERE r.closed_at >= $1 AND r.closed_at < $2 ORDER BY r.closed_at, r.id, a.position LIMIT $3""")
        .execute(Tuple.of(from, to, limit));
  }

  /** Records an answer; false when the round has no such item. */
  static Future<Boolean> answer(SqlClient tx, long roundId, int position, InspectionInput.Answer a, long userId,
      OffsetDateTime now) {
    return tx.preparedQuery("""
            UPDATE inspection_answers SET result = $3, severity = $4, note = $5, answered_by = $6, answered_at = $7
            WHERE round_id = $1 AND position = $2""")
        .execute(Tuple.from(new Object[] {roundId, position, a.result(), a.severity(), a.note(), userId, now}))
        .map(rows -> rows.rowCount() == 1);
  }

  static Future<Boolean> photo(SqlClient tx, long roundId, int position, String type, Buffer data) {
    return tx.preparedQuery("UPDATE inspection_answers SET photo_content_type = $3, photo = $4"
            + " WHERE round_id = $1 AND position = $2")
        .execute(Tuple.of(roundId, position, type, data)).map(rows -> rows.rowCount() == 1);
  }

  static Future<Optional<Row>> photo(SqlClient db, long roundId, int position) {
    return db.preparedQuery("SELECT photo_content_type, photo, r.site_kind, r.site_id FROM inspection_answers a"
            + " JOIN inspection_rounds r ON r.id = a.round_id"
            + " WHERE a.round_id = $1 AND a.position = $2 AND a.photo IS NOT NULL")
        .execute(Tuple.of(roundId, position)).map(Rows::first);
  }

  static Future<RowSet<Row>> problems(SqlClient tx, long roundId) {
    return tx.preparedQuery("""
            SELECT position, text_zh, text_en, severity, note, photo_content_type, photo FROM inspection_answers
            WHERE round_id = $1 AND result = 'problem' ORDER BY position""").execute(Tuple.of(roundId));
  }

  static Future<Void> linkHazard(SqlClient tx, long roundId, int position, long hazardId) {
    return tx.preparedQuery("UPDATE inspection_answers SET hazard_id = $3 WHERE round_id = $1 AND position = $2")
        .execute(Tuple.of(roundId, position, hazardId)).mapEmpty();
  }

  static Future<Void> close(SqlClient tx, long roundId, long userId, OffsetDateTime now) {
    return tx.preparedQuery("UPDATE inspection_rounds SET status = 'closed', closed_by = $2, closed_at = $3"
        + " WHERE id = $1").execute(Tuple.of(roundId, userId, now)).mapEmpty();
  }

  static JsonObject toJson(Row r, Function<OffsetDateTime, String> iso) {
    long id = r.getLong("id");
    return new JsonObject().put("id", id).put("siteKind", r.getString("site_kind")).put("siteId", r.getLong("site_id"))
        .put("siteNameZh", r.getString("site_name_zh")).put("siteNameEn", r.getString("site_name_en"))
        .put("unitId", r.getLong("unit_id")).put("status", r.getString("status")).put("note", r.getString("note"))
        .put("openedBy", r.getLong("opened_by")).put("openerName", r.getString("opener_name"))
        .put("openedAt", iso.apply(r.getOffsetDateTime("opened_at")))
        .put("closedAt", iso.apply(r.getOffsetDateTime("closed_at")))
        .put("problems", r.getLong("problems")).put("unanswered", r.getLong("unanswered"));
  }

  static JsonArray answersJson(RowSet<Row> rows, Function<OffsetDateTime, String> iso) {
    JsonArray out = new JsonArray();
    for (Row a : rows) {
      long roundId = a.getLong("round_id");
      int position = a.getInteger("position");
      out.add(new JsonObject().put("position", position).put("textZh", a.getString("text_zh"))
          .put("textEn", a.getString("text_en")).put("result", a.getString("result"))
          .put("severity", a.getString("severity")).put("note", a.getString("note"))
          .put("hazardId", a.getLong("hazard_id")).put("answeredAt", iso.apply(a.getOffsetDateTime("answered_at")))
          .put("photoUrl", a.getBoolean("has_photo") ? photoUrl(roundId, position) : null));
    }
    return out;
  }

  static String photoUrl(long roundId, int position) {
    return "/api/inspection-rounds/" + roundId + "/items/" + position + "/photo";
  }
}
