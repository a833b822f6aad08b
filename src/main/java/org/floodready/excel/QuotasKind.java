package org.floodready.excel;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.floodready.app.AppContext;
import org.floodready.excel.Column.Type;
import org.floodready.inventory.Base;
import org.floodready.inventory.InventoryImport;
import org.floodready.inventory.InventoryValidation;
import org.floodready.inventory.Item;

/** Reserve quotas (储备定额): a row per base and item, with optional multipliers per response level. */
final class QuotasKind implements ImportKind {
  private static final List<String> LEVELS = List.of("IV", "III", "II", "I");

  private static final List<Column> COLUMNS = List.of(
      Column.text("base", "基地", "Base", true, "JD-01", "基地编码或名称 base code or Chinese name"),
      Column.text("item", "物资", "Item", true, "WB-01", "物资编码或名称 item code or Chinese name"),
      Column.of("required", "定额", "Required quantity", Type.DECIMAL, true, 10000, "按物资的计量单位 in the item's unit"),
      Column.of("multiplierIV", "Ⅳ级倍数", "Multiplier at level IV", Type.DECIMAL, false, 1, "默认 default 1.0"),
      Column.of("multiplierIII", "Ⅲ级倍数", "Multiplier at level III", Type.DECIMAL, false, 1.2, "默认 default 1.2"),
      Column.of("multiplierII", "Ⅱ级倍数", "Multiplier at level II", Type.DECIMAL, false, 1.5, "默认 default 1.5"),
      Column.of("multiplierI", "Ⅰ级倍数", "Multiplier at level I", Type.DECIMAL, false, 2, "默认 default 2.0"),
      Column.text("note", "备注", "Note", false, null, null));

  @Override
  public String id() {
    return "quotas";
  }

  @Override
  public String sheetName() {
    return "储备定额";
  }

  @Override
  public List<Column> columns() {
    return COLUMNS;
  }

  @Override
  public Future<List<Map<String, Object>>> current(AppContext app) {
    InventoryImport inventory = new InventoryImport(app);
    Future<List<JsonObject>> quotas = inventory.quotas();
    Future<List<Base>> bases = inventory.bases();
    return Future.all(quotas, bases).map(all -> quotas.result().stream().map(q -> {
      Map<String, Object> row = new HashMap<>();
      row.put("base", bases.result().stream().filter(b -> b.id() == q.getLong("baseId")).map(Base::code)
          .findFirst().orElse(null));
      row.put("item", q.getString("itemCode"));
      row.put("required", q.getValue("required"));
      JsonObject m = q.getJsonObject("multipliers");
      LEVELS.forEach(level -> row.put("multiplier" + level, m.getValue(level)));
      row.put("note", q.getString("note"));
      return row;
    }).toList());
  }

  @Override
  public Future<List<Write>> check(RowChecks checks) {
    return checks.catalogue().map(catalogue -> {
      var itemRefs = catalogue.items();
      var baseRefs = catalogue.bases();
      List<Write> writes = new ArrayList<>();
      List<String> seen = new ArrayList<>();
      for (SheetReader.SheetRow row : checks.each()) {
        Base base = baseRefs.resolve(checks, row, "base");
        Item item = itemRefs.resolve(checks, row, "item");
        JsonObject json = RowChecks.json(row, "required", "note");
        JsonObject multipliers = new JsonObject();
        for (String level : LEVELS) {
          Object v = RowChecks.json(row, "multiplier" + level).getValue("multiplier" + level);
          if (v != null) {
            multipliers.put(level, v);
          }
        }
        if (!multipliers.isEmpty()) {
          json.put("multipliers", multipliers);
        }
        InventoryValidation.QuotaInput in = checks.validate(row, "updateBaseQuota", json, () -> InventoryValidation.quota(json),
            f -> f.startsWith("multipliers.") ? "multiplier" + f.substring("multipliers.".length()) : f);
        if (base != null && item != null) {
          String pair = base.id() + "/" + item.id();
          int first = seen.indexOf(pair);
          if (first >= 0) {
            checks.problem(row, "item", "该基地的此物资定额与第 " + checks.rows.get(first).rowNumber() + " 行重复",
                "the quota of this item at this base repeats row " + checks.rows.get(first).rowNumber());
          }
          seen.add(pair);
          if (in != null) {
            writes.add(t -> t.inventory().saveQuota(base, item.id(), in).map(created -> created ? "created" : "updated"));
          }
        } else {
          seen.add(null);
        }
      }
      return writes;
    });
  }
}
