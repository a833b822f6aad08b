package org.floodready.board.panels;

import org.floodready.board.charts.BarChartSpec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import org.floodready.inventory.Base;
import org.floodready.inventory.CoverageRow;
import org.floodready.inventory.Sourcing;
import org.junit.jupiter.api.Test;

class CoverageFiguresTest {
  static CoverageRow row(long base, String baseName, long item, String category, double criticality, int required,
      int usable) {
    return new CoverageRow(base, baseName, 5, item, "I" + item, "物资" + item, "Item " + item, category,
        category.equals("equipment"), criticality, BigDecimal.valueOf(required), BigDecimal.valueOf(usable));
  }

  static final List<CoverageRow> ROWS = List.of(
      row(1, "十八里河仓库", 1, "materials", 1, 1000, 600),
      row(2, "南曹储备点", 1, "materials", 1, 500, 900),
      row(3, "明湖仓库", 1, "materials", 1, 300, 450),
      row(1, "十八里河仓库", 2, "equipment", 3, 10, 10),
      row(2, "南曹储备点", 2, "equipment", 3, 4, 1));

  /** Every base's stock per item as inventory's Sourcing reads it; no positions, so bases rank by id. */
  static java.util.Map<Long, List<Sourcing.Stock>> stock(List<CoverageRow> rows) {
    java.util.Map<Long, List<Sourcing.Stock>> out = new java.util.HashMap<>();
    for (CoverageRow r : rows) {
      out.computeIfAbsent(r.itemId(), k -> new java.util.ArrayList<>()).add(new Sourcing.Stock(
          new Base(r.baseId(), "B" + r.baseId(), r.baseNameZh(), "Base " + r.baseId(), r.unitId(), "区", null, null,
              null, null), r.usable(), r.required()));
    }
    return out;
  }

  /** The panel's lines with each short row's sources ranked by Sourcing from every base's stock. */
  static JsonArray shortfalls(List<CoverageRow> rows, java.util.Map<Long, List<Sourcing.Stock>> stockByItem,
      int maxSources) {
    List<CoverageRow> shortRows = CoverageFigures.shortRows(rows);
    List<Sourcing.Plan> plans = shortRows.stream().map(r -> {
      List<Sourcing.Stock> stock = stockByItem.getOrDefault(r.itemId(), List.of());
      Base at = stock.stream().map(Sourcing.Stock::base).filter(b -> b.id() == r.baseId()).findFirst().orElseThrow();
      Sourcing.Plan all = Sourcing.rank(stock, r.baseId(), at.lat() == null ? Double.NaN : at.lat(),
          at.lon() == null ? Double.NaN : at.lon(), r.required().subtract(r.usable()));
      return new Sourcing.Plan(all.need(), all.sources().stream().limit(maxSources).toList(), all.uncovered());
    }).toList();
    return CoverageFigures.shortfalls(shortRows, plans);
  }

  @Test
  void aNearerBaseIsProposedBeforeOneWithMoreSurplus() {
    java.util.Map<Long, List<Sourcing.Stock>> stock = new java.util.HashMap<>();
    stock.put(1L, List.of(
        new Sourcing.Stock(new Base(1, "B1", "十八里河仓库", "A", 5, "区", null, 34.70, 113.70, null),
            BigDecimal.valueOf(600), BigDecimal.valueOf(1000)),
        new Sourcing.Stock(new Base(2, "B2", "南曹储备点", "B", 5, "区", null, 35.50, 113.70, null),
            BigDecimal.valueOf(900), BigDecimal.valueOf(500)),
        new Sourcing.Stock(new Base(3, "B3", "明湖仓库", "C", 5, "区", null, 34.71, 113.70, null),
            BigDecimal.valueOf(450), BigDecimal.valueOf(300))));
    JsonObject bags = shortfalls(ROWS.subList(0, 3), stock, 2).getJsonObject(0);
    assertEquals("明湖仓库 (+150)、南曹储备点 (+400)", bags.getString("getFrom"), "nearest first, as the API ranks");
  }

  @Test
  void shortfallsComeWorstFirstWithTheBasesThatHaveASurplus() {
    JsonArray shortRows = shortfalls(ROWS, stock(ROWS), 2);
    assertEquals(2, shortRows.size());
    JsonObject worst = shortRows.getJsonObject(0);
    assertEquals("2-2", worst.getString("key"));
    assertEquals(25.0, worst.getDouble("coveragePct"));
    assertEquals("无富余 no surplus elsewhere", worst.getString("getFrom"));
    JsonObject bags = shortRows.getJsonObject(1);
    assertEquals(400.0, bags.getDouble("shortfall"));
    assertEquals("南曹储备点 (+400)、明湖仓库 (+150)", bags.getString("getFrom"));
  }

  @Test
  void aSurplusDoesNotHideAGapAndCriticalityWeighs() {
    List<BarChartSpec.Bar> byCategory = CoverageFigures.percentBy(ROWS, "category");
    assertEquals("防御材料", byCategory.get(0).category());
    assertEquals(86.6, byCategory.get(0).value(), "(60 + 100 + 100) / 3, surpluses capped at 100");
    assertEquals("抢险机具", byCategory.get(1).category());
    assertEquals(62.5, byCategory.get(1).value());
    List<BarChartSpec.Bar> byBase = CoverageFigures.percentBy(ROWS, "base");
    BarChartSpec.Bar nancao = byBase.stream().filter(b -> b.category().equals("南曹储备点")).findFirst().orElseThrow();
    assertEquals(43.7, nancao.value(), "(1 x 100 + 3 x 25) / 4");
  }

  @Test
  void barsComeByBaseNameOrInTheCategoriesOrderWhateverTheOrderOfTheRows() {
    List<CoverageRow> rows = new java.util.ArrayList<>(ROWS);
    rows.add(0, row(4, "A仓库", 3, "life_saving", 2, 10, 5));
    java.util.Collections.reverse(rows);
    assertEquals(List.of("A仓库", "十八里河仓库", "南曹储备点", "明湖仓库").stream().sorted().toList(),
        CoverageFigures.percentBy(rows, "base").stream().map(BarChartSpec.Bar::category).toList());
    assertEquals(List.of("防御材料", "救生器材", "抢险机具"),
        CoverageFigures.percentBy(rows, "category").stream().map(BarChartSpec.Bar::category).toList());
    assertEquals(50.0, CoverageFigures.percentBy(rows, "category").get(1).value());
  }
}
