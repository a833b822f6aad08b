package org.floodready.units;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/** A node of the organisation tree: city, district (区), street/township (街道/乡镇), community/village. */
public record Unit(long id, String code, String nameZh, String nameEn, String level, Long parentId) {
  public static final java.util.List<String> LEVELS = java.util.List.of("city", "district", "street", "community");

  static Unit from(Row r) {
    return new Unit(r.getLong("id"), r.getString("code"), r.getString("name_zh"), r.getString("name_en"),
        r.getString("level"), r.getLong("parent_id"));
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id).put("code", code).put("nameZh", nameZh).put("nameEn", nameEn)
        .put("level", level).put("parentId", parentId);
  }
}
