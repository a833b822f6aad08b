package org.floodready.excel;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.floodready.app.AppContext;
import org.floodready.excel.Column.Option;
import org.floodready.excel.Column.Type;
import org.floodready.inventory.InventoryImport;
import org.floodready.inventory.InventoryValidation;
import org.floodready.inventory.Item;

/** The catalogue (物资目录): a row per item; an existing code is updated, a new one created. */
final class ItemsKind implements ImportKind {
  static final List<Option> CATEGORIES = List.of(new Option("materials", "防御材料"),
      new Option("life_saving", "救生器材"), new Option("equipment", "抢险机具"));

  private static final List<Column> COLUMNS = List.of(
      Column.text("code", "物资编码", "Item code", true, "WB-01", "字母、数字、. _ - letters, digits, . _ -"),
      Column.text("nameZh", "物资名称", "Name (Chinese)", true, "编织袋", null),
      Column.text("nameEn", "英文名称", "Name (English)", true, "Woven bag", null),
      Column.choice("category", "类别", "Category", true, CATEGORIES, CATEGORIES.get(0)),
      Column.text("unitOfMeasure", "计量单位", "Unit of measure", true, "条", null),
      Column.of("shelfLifeMonths", "保质期（月）", "Shelf life (months)", Type.INTEGER, false, 36, null),
      Column.yesNo("needsTestRun", "需定期试机", "Needs test runs", Column.YES_NO.get(1)),
      Column.of("testIntervalDays", "试机间隔（天）", "Test interval (days)", Type.INTEGER, false, null,
          "需定期试机时必填 required when test runs are needed"),
      Column.of("criticality", "重要度", "Criticality weight", Type.DECIMAL, false, 1, "0-100，默认 1 default 1"),
      Column.yesNo("reusable", "可重复使用", "Reusable (comes back after an incident)", Column.YES_NO.get(1)));

  @Override
  public String id() {
    return "items";
  }

  @Override
  public String sheetName() {
    return "物资目录";
  }

  @Override
  public List<Column> columns() {
    return COLUMNS;
  }

  @Override
  public Future<List<Write>> check(RowChecks checks) {
    checks.unique(r -> lower(RowChecks.text(r, "code")), "code", "物资编码 Item code ");
    return checks.inventory.items().map(items -> {
      List<Write> writes = new ArrayList<>();
      for (SheetReader.SheetRow row : checks.each()) {
        var json = RowChecks.json(row, COLUMNS.stream().map(Column::key).toArray(String[]::new));
        InventoryValidation.ItemInput in = checks.validate(row, "createItem", json, () -> InventoryValidation.item(json), f -> f);
        if (in != null) {
          Long existing = items.stream().filter(i -> i.code().equalsIgnoreCase(in.code())).map(Item::id)
              .findFirst().orElse(null);
          writes.add(t -> t.inventory().saveItem(existing, in).map(id -> existing == null ? "created" : "updated"));
        }
      }
      return writes;
    });
  }

  @Override
  public Future<List<Map<String, Object>>> current(AppContext app) {
    return new InventoryImport(app).items().map(items -> items.stream().map(i -> {
      Map<String, Object> row = new HashMap<>();
      row.put("code", i.code());
      row.put("nameZh", i.nameZh());
      row.put("nameEn", i.nameEn());
      row.put("category", i.category());
      row.put("unitOfMeasure", i.unitOfMeasure());
      row.put("shelfLifeMonths", i.shelfLifeMonths());
      row.put("needsTestRun", Boolean.toString(i.needsTestRun()));
      row.put("testIntervalDays", i.testIntervalDays());
      row.put("criticality", i.criticality());
      row.put("reusable", Boolean.toString(i.reusable()));
      return row;
    }).toList());
  }

  static String lower(String s) {
    return s == null ? null : s.toLowerCase();
  }
}
