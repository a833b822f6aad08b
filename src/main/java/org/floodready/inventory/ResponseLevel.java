package org.floodready.inventory;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/** The district's emergency response level (应急响应), Ⅳ lowest to Ⅰ highest; NONE when no response is active. */
public enum ResponseLevel {
  NONE("none", "未启动", null),
  IV("IV", "Ⅳ级", "mult_iv"),
  III("III", "Ⅲ级", "mult_iii"),
  II("II", "Ⅱ级", "mult_ii"),
  I("I", "Ⅰ级", "mult_i");

  /** Multipliers a new quota gets when none are given. */
  public static final List<BigDecimal> DEFAULT_MULTIPLIERS =
      List.of(new BigDecimal("1.0"), new BigDecimal("1.2"), new BigDecimal("1.5"), new BigDecimal("2.0"));

  private final String code;
  private final String label;
  private final String quotaColumn;

  ResponseLevel(String code, String label, String quotaColumn) {
    this.code = code;
    this.label = label;
    this.quotaColumn = quotaColumn;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  /** The quotas column holding this level's multiplier; NONE uses the base quantity (multiplier 1). */
  String multiplierSql(String alias) {
    return quotaColumn == null ? "1" : alias + "." + quotaColumn;
  }

  /**
   * Units of measure counted in whole pieces (bags, pumps, boats...): a multiplied quota of such an item is
   * rounded up, since 25.5 pumps cannot be stocked. Lengths, areas, volumes and weights keep 3 decimals.
   */
  public static final List<String> COUNTED_UNITS = List.of("条", "根", "个", "块", "把", "件", "艘", "台", "套", "只", "辆", "副", "顶");

  /** The quota at this level: quota × multiplier, rounded up to a whole number for counted items. */
  String requiredSql(String quota, String item) {
    String product = quota + ".required * " + multiplierSql(quota);
    String counted = String.join(", ", COUNTED_UNITS.stream().map(u -> "'" + u + "'").toList());
    return "CASE WHEN " + item + ".unit_of_measure IN (" + counted + ") THEN ceil(" + product + ") ELSE round("
        + product + ", 3) END";
  }

  public static List<String> codes() {
    return Arrays.stream(values()).map(ResponseLevel::code).toList();
  }

  /** Accepts the ASCII code (IV) or the Roman numeral (Ⅳ, Ⅳ级). */
  public static ResponseLevel parse(String text) {
    if (text == null) {
      return null;
    }
    String t = text.trim().replace("级", "");
    for (ResponseLevel l : values()) {
      if (l.code.equalsIgnoreCase(t) || l.label.replace("级", "").equals(t)) {
        return l;
      }
    }
    return null;
  }
}
