package org.floodready.readiness;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.floodready.sheets.Csv;

/** The readiness ranking (考核排名) as a spreadsheet: one row per unit with its score and main figures. */
final class ReadinessCsv {
  private ReadinessCsv() {
  }

  static String render(JsonArray units) {
    return table(units).toString();
  }

  /** The ranking's rows, shared by the CSV and the .xlsx sheet. */
  static Csv table(JsonArray units) {
    Csv csv = new Csv().row("层级 Level", "编码 Code", "单位", "Unit", "得分 Score", "排名 Rank", "同级 Peers",
        "红黑旗 Flag", "物资保障指数 Stock index", "短缺品种 Short items", "设备可用率 Equipment ratio",
        "红色预警 Red", "橙色预警 Orange", "黄色预警 Yellow", "蓝色预警 Blue", "静默测站 Silent checkpoints",
        "巡河合规率 Patrol compliance", "未销号隐患 Open hazards", "逾期隐患 Overdue hazards", "更新时间 Updated");
    for (Object o : units) {
      JsonObject u = (JsonObject) o;
      JsonObject m = u.getJsonObject("metrics", new JsonObject());
      JsonObject alerts = value(m, "alertsByLevel") instanceof JsonObject a ? a : new JsonObject();
      csv.row(u.getString("level"), u.getString("code"), u.getString("nameZh"), u.getString("nameEn"),
          u.getValue("score"), u.getValue("rank"), u.getValue("peers"), u.getValue("flag"),
          value(m, "stockIndex"), value(m, "shortItems"), value(m, "equipmentRatio"),
          alerts.getValue("red"), alerts.getValue("orange"), alerts.getValue("yellow"), alerts.getValue("blue"),
          value(m, "silentCheckpoints"), value(m, "patrolCompliance"), value(m, "openHazards"),
          value(m, "overdueHazards"), u.getString("updatedAt"));
    }
    return csv;
  }

  private static Object value(JsonObject metrics, String name) {
    JsonObject figure = metrics.getJsonObject(name);
    return figure == null ? null : figure.getValue("value");
  }
}
