package org.floodready.sheets;

import java.util.Map;

/**
 * Chinese for the codes of enumeration columns, by the column's (spreadsheet) header: "acknowledged" becomes
 * "已确认 acknowledged". The CSV keeps the bare codes for scripts; a sheet is read by people. Unknown values
 * stay as they are.
 */
final class Labels {
  private static final Map<String, String> ALERT_STATUS = Map.of("raised", "已发出", "escalated", "已升级",
      "acknowledged", "已确认", "resolved", "已解除", "reported", "已上报", "assigned", "已交办",
      "rectifying", "整改中", "rectified", "已整改", "closed", "已销号");
  private static final Map<String, Map<String, String>> BY_HEADER = Map.of(
      "类型 Kind", Map.of("receipt", "入库", "issue", "出库", "transfer", "调拨", "adjustment", "盘点调整",
          "write_off", "报废核销", "condition_change", "状况变更"),
      "类别 Category", Map.of("materials", "防御材料", "life_saving", "救生器材", "equipment", "抢险机具"),
      "层级 Level", Map.of("city", "市", "district", "区", "street", "街道/乡镇", "community", "社区/村"),
      "种类 Kind", Map.of("level", "水位预警", "silent", "静默预警"),
      "级别 Level", Map.of("blue", "蓝色", "yellow", "黄色", "orange", "橙色", "red", "红色"),
      "状态 Status", ALERT_STATUS,
      "严重程度 Severity", Map.of("low", "一般", "medium", "较大", "high", "重大"),
      "河长级别 Chief level", Map.of("city", "市级", "county", "县区级", "township", "乡镇级", "village", "村级"),
      "周期 Period", Map.of("week", "每周", "month", "每月", "quarter", "每季度", "half_year", "每半年"));

  private Labels() {
  }

  /** The dictionary of a column, or null when its values are not codes. */
  static Map<String, String> of(Object header) {
    return header == null ? null : BY_HEADER.get(header.toString());
  }

  static Object label(Map<String, String> dictionary, Object value) {
    if (dictionary == null || !(value instanceof String code) || !dictionary.containsKey(code)) {
      return value;
    }
    return dictionary.get(code) + " " + code;
  }
}
