package org.floodready.incidents.summary;

import java.math.BigDecimal;
import java.util.Map;

/** How the summary writes quantities and the incident's words (Chinese, then English). */
final class Figures {
  private static final Map<String, String> KINDS = Map.of("piping", "管涌 Piping", "seepage", "渗水 Seepage",
      "overtopping", "漫溢 Overtopping", "breach", "决口 Breach", "slope_slide", "滑坡 Slope slide",
      "waterlogging", "内涝积水 Waterlogging", "structure_damage", "工程损坏 Structure damage", "other", "其他 Other");
  private static final Map<String, String> STATUSES = Map.of("reported", "已报告 Reported",
      "responding", "处置中 Responding", "under_control", "已控制 Under control", "closed", "已结束 Closed");
  private static final Map<String, String> SEVERITIES = Map.of("low", "一般 Low", "medium", "较大 Medium",
      "high", "重大 High", "critical", "特别重大 Critical");

  private static final Map<String, String> REQUEST_STATUSES = Map.of("pending", "待审批 Pending",
      "approved", "已批准 Approved", "refused", "未批准 Refused", "dispatched", "已发出 Dispatched",
      "received", "已签收 Received");

  private Figures() {
  }

  /** 2 not 2.000, 0 not 0E-3: what JSON and people read. */
  static BigDecimal json(BigDecimal q) {
    if (q == null) {
      return null;
    }
    return q.signum() == 0 ? BigDecimal.ZERO : q.stripTrailingZeros().scale() < 0
        ? q.setScale(0) : q.stripTrailingZeros();
  }

  static String text(BigDecimal q) {
    return q == null ? "" : json(q).toPlainString();
  }

  static String kindZh(String kind) {
    return KINDS.getOrDefault(kind, kind);
  }

  static String statusZh(String status) {
    return STATUSES.getOrDefault(status, status);
  }

  static String requestStatusZh(String status) {
    return REQUEST_STATUSES.getOrDefault(status, status);
  }

  static String severityZh(String severity) {
    return SEVERITIES.getOrDefault(severity, severity);
  }
}
