package org.floodready.checkpoints;

import java.util.List;

/** Warning colours in rising order; {@link #NONE} is no warning. */
public enum WarningLevel {
  NONE("none", "无预警", "Unknown"),
  BLUE("blue", "蓝色预警", "Minor"),
  YELLOW("yellow", "黄色预警", "Moderate"),
  ORANGE("orange", "橙色预警", "Severe"),
  RED("red", "红色预警", "Extreme");

  public static final List<String> CODES = List.of("none", "blue", "yellow", "orange", "red");
  public static final List<String> WARNING_CODES = List.of("blue", "yellow", "orange", "red");

  private final String code;
  private final String nameZh;
  private final String capSeverity;

  WarningLevel(String code, String nameZh, String capSeverity) {
    this.code = code;
    this.nameZh = nameZh;
    this.capSeverity = capSeverity;
  }

  public String code() {
    return code;
  }

  public String nameZh() {
    return nameZh;
  }

  /** The CAP 1.2 severity this colour maps to. */
  public String capSeverity() {
    return capSeverity;
  }

  public boolean above(WarningLevel other) {
    return compareTo(other) > 0;
  }

  public static WarningLevel of(String code) {
    for (WarningLevel l : values()) {
      if (l.code.equals(code)) {
        return l;
      }
    }
    throw new IllegalArgumentException("unknown warning level " + code);
  }

  public static WarningLevel max(WarningLevel a, WarningLevel b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
