package org.floodready.sheets;

import java.util.Map;

/**
 * Chinese-first labels for the CSV columns whose header is a bare English key (kept as is in CSV, where
 * scripts read them): a spreadsheet is read by people.
 */
final class Headers {
  private static final Map<String, String> LABELS = Map.ofEntries(
      Map.entry("id", "编号 Id"),
      Map.entry("status", "状态 Status"),
      Map.entry("severity", "严重程度 Severity"),
      Map.entry("type", "类型 Type"),
      Map.entry("unit", "单位 Unit"),
      Map.entry("reach", "河段 Reach"),
      Map.entry("description", "描述 Description"),
      Map.entry("lat", "纬度 Latitude"),
      Map.entry("lon", "经度 Longitude"),
      Map.entry("reporter", "上报人 Reporter"),
      Map.entry("reportedAt", "上报时间 Reported at"),
      Map.entry("assignedUnit", "责任单位 Assigned unit"),
      Map.entry("deadline", "整改期限 Deadline"),
      Map.entry("effectiveDeadline", "实际期限 Effective deadline"),
      Map.entry("overdue", "逾期 Overdue"),
      Map.entry("escalated", "已升级 Escalated"),
      Map.entry("closedAt", "销号时间 Closed at"),
      Map.entry("checkpointCode", "测点编码 Checkpoint code"),
      Map.entry("nameZh", "名称 Name"),
      Map.entry("kind", "种类 Kind"),
      Map.entry("level", "级别 Level"),
      Map.entry("reason", "原因 Reason"),
      Map.entry("raisedAt", "发出时间 Raised at"),
      Map.entry("escalatedAt", "升级时间 Escalated at"),
      Map.entry("acknowledgedAt", "确认时间 Acknowledged at"),
      Map.entry("resolvedAt", "解除时间 Resolved at"),
      Map.entry("levelRaisedAt", "升级为当前级别时间 Level raised at"),
      Map.entry("acknowledgedBy", "确认人 Acknowledged by"),
      Map.entry("acknowledgementComment", "确认意见 Acknowledgement comment"),
      Map.entry("measuredAt", "测量时间 Measured at"),
      Map.entry("value", "测值 Value"),
      Map.entry("suspect", "可疑 Suspect"),
      Map.entry("source", "来源 Source"),
      Map.entry("receivedAt", "接收时间 Received at"));

  private Headers() {
  }

  static Object label(Object header) {
    return header instanceof String s ? LABELS.getOrDefault(s, s) : header;
  }
}
