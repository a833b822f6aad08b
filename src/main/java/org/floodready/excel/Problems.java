package org.floodready.excel;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.util.CellReference;

/** Every problem found in a sheet, each located by sheet, row and column, in Chinese and English. */
final class Problems {
  static final int MAX_LISTED = 1_000;

  /** One problem; {@code row} is the Excel row number (1 = header), {@code column} the index or -1. */
  record Problem(String sheet, int row, int column, String header, String field, String messageZh,
      String messageEn) {
    JsonObject toJson() {
      return new JsonObject().put("sheet", sheet).put("row", row)
          .put("column", column < 0 ? null : CellReference.convertNumToColString(column))
          .put("header", header).put("field", field)
          .put("messageZh", messageZh).put("messageEn", messageEn)
          .put("message", messageZh + " / " + messageEn);
    }
  }

  /** The Chinese of the domain validation's messages (Fields, InventoryValidation); the rest stay English. */
  private static final Map<String, String> ZH = Map.ofEntries(
      Map.entry("is required", "必填"),
      Map.entry("must not be empty", "不能为空"),
      Map.entry("must be at most", "过长，最多"),
      Map.entry("must be one of", "须为以下之一"),
      Map.entry("must be a positive whole number", "须为正整数"),
      Map.entry("must be a whole number", "须为整数"),
      Map.entry("must be a number", "须为数字"),
      Map.entry("must have at most", "小数位过多，最多"),
      Map.entry("must be between", "超出范围"),
      Map.entry("must be >", "须大于"),
      Map.entry("must be <=", "须不大于"),
      Map.entry("must be true or false", "须为 是/否"),
      Map.entry("must be a date like", "须为日期"),
      Map.entry("must not be in the future", "不能晚于今天"),
      Map.entry("must not be before the receipt date", "不能早于入库日期"),
      Map.entry("use letters, digits and", "只能用字母、数字和"),
      Map.entry("is required when needsTestRun is true", "需试机时必填"),
      Map.entry("give both lat and lon, or neither", "经纬度须同时填写或都不填"),
      Map.entry("is not a response level", "不是响应级别"),
      Map.entry("must be a phone number", "须为电话号码"));

  private final List<Problem> list = new ArrayList<>();
  private final Set<String> cells = new HashSet<>();
  private int total;

  void add(String sheet, int row, Column column, int columnIndex, String zh, String en) {
    total++;
    cells.add(sheet + "!" + row + ":" + (column == null ? "" : column.key()));
    if (list.size() < MAX_LISTED) {
      list.add(new Problem(sheet, row, columnIndex, column == null ? null : column.zh(),
          column == null ? null : column.key(), zh, en));
    }
  }

  /** Whether the cell of this row and column already has a problem (a later check need not repeat it). */
  boolean has(String sheet, int row, Column column) {
    return cells.contains(sheet + "!" + row + ":" + (column == null ? "" : column.key()));
  }

  static String zh(String en) {
    String best = null;
    for (String prefix : ZH.keySet()) {
      if (en.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
        best = prefix;
      }
    }
    return best == null ? en : ZH.get(best) + en.substring(best.length());
  }

  boolean isEmpty() {
    return total == 0;
  }

  int total() {
    return total;
  }

  /** The problems by row, then column. */
  List<Problem> list() {
    List<Problem> sorted = new ArrayList<>(list);
    sorted.sort(Comparator.comparing(Problem::sheet).thenComparingInt(Problem::row).thenComparingInt(Problem::column));
    return sorted;
  }

  JsonArray toJson() {
    JsonArray out = new JsonArray();
    list().forEach(p -> out.add(p.toJson()));
    return out;
  }
}
