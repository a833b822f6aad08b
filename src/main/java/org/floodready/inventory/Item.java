package org.floodready.inventory;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.math.BigDecimal;
import java.util.List;

/** A catalogue entry: what a base can hold. */
public record Item(long id, String code, String nameZh, String nameEn, String category, String unitOfMeasure,
    Integer shelfLifeMonths, boolean needsTestRun, Integer testIntervalDays, BigDecimal criticality,
    boolean reusable) {
  public static final List<String> CATEGORIES = List.of("materials", "life_saving", "equipment");

  static final String COLUMNS = "i.id, i.code, i.name_zh, i.name_en, i.category, i.unit_of_measure,"
      + " i.shelf_life_months, i.needs_test_run, i.test_interval_days, i.criticality, i.reusable";

  static Item from(Row r) {
    return new Item(r.getLong("id"), r.getString("code"), r.getString("name_zh"), r.getString("name_en"),
        r.getString("category"), r.getString("unit_of_measure"), r.getInteger("shelf_life_months"),
        r.getBoolean("needs_test_run"), r.getInteger("test_interval_days"), r.getBigDecimal("criticality"),
        r.getBoolean("reusable"));
  }

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("code", code).put("nameZh", nameZh).put("nameEn", nameEn)
        .put("category", category).put("unitOfMeasure", unitOfMeasure).put("shelfLifeMonths", shelfLifeMonths)
        .put("needsTestRun", needsTestRun).put("testIntervalDays", testIntervalDays)
        .put("criticality", Quantities.json(criticality)).put("reusable", reusable);
  }
}
