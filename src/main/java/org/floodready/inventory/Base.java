package org.floodready.inventory;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/** A flood-supply base (防汛物资基地). */
public record Base(long id, String code, String nameZh, String nameEn, long unitId, String unitNameZh,
    String address, Double lat, Double lon, String phone) {
  static final String COLUMNS = "b.id, b.code, b.name_zh, b.name_en, b.unit_id, un.name_zh AS unit_name_zh,"
      + " b.address, b.lat, b.lon, b.phone";

  static Base from(Row r) {
    return new Base(r.getLong("id"), r.getString("code"), r.getString("name_zh"), r.getString("name_en"),
        r.getLong("unit_id"), r.getString("unit_name_zh"), r.getString("address"), r.getDouble("lat"),
        r.getDouble("lon"), r.getString("phone"));
  }

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("code", code).put("nameZh", nameZh).put("nameEn", nameEn)
        .put("unitId", unitId).put("unitNameZh", unitNameZh).put("address", address)
        .put("lat", lat).put("lon", lon).put("phone", phone);
  }
}
