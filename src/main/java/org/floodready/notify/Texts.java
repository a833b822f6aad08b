package org.floodready.notify;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** The short Chinese texts of the messages: what, where, level, time. */
final class Texts {
  private static final Map<String, String> LEVELS = Map.of("blue", "蓝色", "yellow", "黄色", "orange", "橙色",
      "red", "红色");
  private static final Map<String, String> RESPONSE = Map.of("none", "无", "IV", "Ⅳ级", "III", "Ⅲ级", "II", "Ⅱ级",
      "I", "Ⅰ级");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");

  private final ZoneId zone;

  Texts(ZoneId zone) {
    this.zone = zone;
  }

  String time(OffsetDateTime t) {
    return t == null ? "" : t.atZoneSameInstant(zone).format(TIME);
  }

  static String level(String code) {
    return LEVELS.getOrDefault(code, code);
  }

  static String responseLevel(String code) {
    return code == null ? "无" : RESPONSE.getOrDefault(code, code);
  }

  static String checkpointKind(String kind) {
    return "reservoir".equals(kind) ? "水库" : "积水点";
  }
}
