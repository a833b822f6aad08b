package org.floodready.inventory;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.function.Function;

/** The district's current emergency response level, kept in {@code settings} under 'response_level'. */
final class ResponseLevelRepository {
  static final String KEY = "response_level";

  private final Pool pool;

  ResponseLevelRepository(Pool pool) {
    this.pool = pool;
  }

  Future<ResponseLevel> current() {
    return pool.preparedQuery("SELECT value FROM settings WHERE key = $1").execute(Tuple.of(KEY))
        .map(rows -> rows.size() == 0 ? ResponseLevel.NONE : level(rows.iterator().next()));
  }

  Future<JsonObject> describe(Function<OffsetDateTime, String> iso) {
    return pool.preparedQuery("SELECT s.value, s.updated_at, u.username FROM settings s"
            + " LEFT JOIN users u ON u.id = s.updated_by WHERE s.key = $1")
        .execute(Tuple.of(KEY))
        .map(rows -> {
          if (rows.size() == 0) {
            return toJson(ResponseLevel.NONE).putNull("updatedAt").putNull("updatedBy");
          }
          Row r = rows.iterator().next();
          return toJson(level(r)).put("updatedAt", iso.apply(r.getOffsetDateTime("updated_at")))
              .put("updatedBy", r.getString("username"));
        });
  }

  static Future<Void> set(SqlClient tx, ResponseLevel level, OffsetDateTime now, long userId) {
    return tx.preparedQuery("INSERT INTO settings (key, value, updated_at, updated_by) VALUES ($1, $2, $3, $4)"
            + " ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at,"
            + " updated_by = EXCLUDED.updated_by")
        .execute(Tuple.of(KEY, new JsonObject().put("level", level.code()), now, userId))
        .mapEmpty();
  }

  static JsonObject toJson(ResponseLevel level) {
    return new JsonObject().put("level", level.code()).put("label", level.label());
  }

  private static ResponseLevel level(Row r) {
    ResponseLevel level = ResponseLevel.parse(r.getJsonObject("value").getString("level"));
    return level == null ? ResponseLevel.NONE : level;
  }
}
