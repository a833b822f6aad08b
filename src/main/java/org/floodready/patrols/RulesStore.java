package org.floodready.patrols;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;

/** The district's overrides of the patrol rules, kept in the {@code settings} table. */
final class RulesStore {
  private RulesStore() {
  }

  static Future<JsonObject> overrides(SqlClient db) {
    return db.preparedQuery("SELECT value FROM settings WHERE key = $1")
        .execute(Tuple.of(PatrolRules.SETTING_KEY))
        .map(rows -> rows.size() == 0 ? new JsonObject() : rows.iterator().next().getJsonObject("value"));
  }

  static Future<PatrolRules> load(SqlClient db) {
    return overrides(db).map(o -> PatrolRules.defaults().withStored(o));
  }

  static Future<Void> save(SqlClient tx, JsonObject overrides, long userId, OffsetDateTime at) {
    return tx.preparedQuery("""
            INSERT INTO settings (key, value, updated_at, updated_by) VALUES ($1, $2, $3, $4)
            ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at,
              updated_by = EXCLUDED.updated_by""")
        .execute(Tuple.of(PatrolRules.SETTING_KEY, overrides, at, userId))
        .mapEmpty();
  }
}
