package org.floodready.duty;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.Arrays;
import java.util.List;

/** How people are reached (users' phone, e-mail, preferred channel) and who answers for a unit. */
public final class ContactRepository {
  public static final List<String> CHANNELS = List.of("email", "sms", "wecom", "dingtalk", "feishu");

  public Future<JsonArray> contacts(SqlClient db) {
    return db.query("SELECT id, username, display_name, role, unit_id, phone, email, preferred_channel FROM users"
            + " WHERE active ORDER BY id").execute()
        .map(rows -> {
          JsonArray items = new JsonArray();
          rows.forEach(r -> items.add(contactJson(r)));
          return items;
        });
  }

  public Future<Boolean> updateContact(SqlClient tx, long userId, String phone, String email, String channel) {
    return tx.preparedQuery("UPDATE users SET phone = $2, email = $3, preferred_channel = $4 WHERE id = $1")
        .execute(Tuple.wrap(Arrays.asList(userId, phone, email, channel)))
        .map(rows -> rows.rowCount() > 0);
  }

  public Future<JsonArray> responsibles(SqlClient db, Long unitId) {
    return db.preparedQuery("SELECT r.unit_id, r.user_id, r.is_head, u.display_name FROM unit_responsibles r"
            + " JOIN users u ON u.id = r.user_id WHERE $1::bigint IS NULL OR r.unit_id = $1 ORDER BY r.unit_id, r.user_id")
        .execute(Tuple.of(unitId))
        .map(rows -> {
          JsonArray items = new JsonArray();
          rows.forEach(r -> items.add(new JsonObject().put("unitId", r.getLong("unit_id"))
              .put("userId", r.getLong("user_id")).put("displayName", r.getString("display_name"))
              .put("head", r.getBoolean("is_head"))));
          return items;
        });
  }

  /** Replaces the unit's responsible persons; {@code heads} among them are the unit's heads. */
  public Future<Void> replaceResponsibles(SqlClient tx, long unitId, List<Long> userIds, List<Long> heads) {
    return tx.preparedQuery("DELETE FROM unit_responsibles WHERE unit_id = $1").execute(Tuple.of(unitId))
        .compose(v -> tx.preparedQuery("INSERT INTO unit_responsibles (unit_id, user_id, is_head)"
                + " SELECT $1, x, x = ANY($3::bigint[]) FROM unnest($2::bigint[]) AS x")
            .execute(Tuple.of(unitId, userIds.toArray(new Long[0]), heads.toArray(new Long[0]))))
        .mapEmpty();
  }

  static JsonObject contactJson(Row r) {
    return new JsonObject().put("id", r.getLong("id")).put("username", r.getString("username"))
        .put("displayName", r.getString("display_name")).put("role", r.getString("role"))
        .put("unitId", r.getLong("unit_id")).put("phone", r.getString("phone")).put("email", r.getString("email"))
        .put("preferredChannel", r.getString("preferred_channel"));
  }
}
