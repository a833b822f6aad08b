package org.floodready.excel;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.floodready.app.AppContext;
import org.floodready.db.Where;
import org.floodready.excel.Column.Type;
import org.floodready.excel.ImportRepository.Person;
import org.floodready.inventory.Base;
import org.floodready.inventory.InventoryImport;
import org.floodready.inventory.InventoryValidation;
import org.floodready.units.Unit;
import org.floodready.units.UnitRepository;

/** Supply bases (物资基地) with their keepers: the unit by code or name, keepers by username or name. */
final class BasesKind implements ImportKind {
  private static final List<Column> COLUMNS = List.of(
      Column.text("code", "基地编码", "Base code", true, "JD-01", "字母、数字、. _ - letters, digits, . _ -"),
      Column.text("nameZh", "基地名称", "Name (Chinese)", true, "十八里河物资仓库", null),
      Column.text("nameEn", "英文名称", "Name (English)", true, "Shibalihe depot", null),
      Column.text("unit", "所属单位", "Unit", true, "十八里河街道", "单位编码或中文名称 unit code or Chinese name"),
      Column.text("address", "地址", "Address", false, "郑州市管城区", null),
      Column.of("lat", "纬度", "Latitude (WGS84)", Type.DECIMAL, false, 34.7, null),
      Column.of("lon", "经度", "Longitude (WGS84)", Type.DECIMAL, false, 113.7, null),
      Column.text("phone", "电话", "Phone", false, "0371-12345678", null),
      Column.text("keepers", "保管员", "Keepers", false, "keeper",
          "用户名或姓名，多个用逗号分隔 usernames or names, separated by commas"));

  @Override
  public String id() {
    return "bases";
  }

  @Override
  public String sheetName() {
    return "物资基地";
  }

  @Override
  public List<Column> columns() {
    return COLUMNS;
  }

  @Override
  public Future<List<Write>> check(RowChecks checks) {
    checks.unique(r -> ItemsKind.lower(RowChecks.text(r, "code")), "code", "基地编码 Base code ");
    Future<RowChecks.Refs<Unit>> units = checks.units();
    Future<List<Person>> keepers = checks.repository.activeUsers("base_keeper");
    Future<List<Base>> bases = checks.inventory.bases();
    return Future.all(units, keepers, bases).map(all -> {
      var unitRefs = units.result();
      var keeperRefs = new RowChecks.Refs<>("保管员", "base keeper", keepers.result(), Person::username,
          Person::displayName);
      List<Write> writes = new ArrayList<>();
      for (SheetReader.SheetRow row : checks.each()) {
        Unit unit = unitRefs.resolve(checks, row, "unit");
        List<Long> keeperIds = new ArrayList<>();
        boolean keepersOk = true;
        for (String name : names(RowChecks.text(row, "keepers"))) {
          Person p = keeperRefs.resolve(checks, new SheetReader.SheetRow(row.rowNumber(),
              Map.of("keepers", name)), "keepers");
          keepersOk &= p != null;
          if (p != null && !keeperIds.contains(p.id())) {
            keeperIds.add(p.id());
          }
        }
        var json = RowChecks.json(row, "code", "nameZh", "nameEn", "address", "lat", "lon", "phone");
        json.put("unitId", unit == null ? 1L : unit.id()); // an unresolved unit is reported already
        InventoryValidation.BaseInput in = checks.validate(row, "createBase", json, () -> InventoryValidation.base(json),
            f -> f.equals("unitId") ? "unit" : f);
        if (in != null && unit != null && keepersOk) {
          Long existing = bases.result().stream().filter(b -> b.code().equalsIgnoreCase(in.code())).map(Base::id)
              .findFirst().orElse(null);
          writes.add(t -> t.inventory().saveBase(existing, in, keeperIds).map(id -> existing == null ? "created" : "updated"));
        }
      }
      return writes;
    });
  }

  @Override
  public Future<List<Map<String, Object>>> current(AppContext app) {
    Future<List<Base>> bases = new InventoryImport(app).bases();
    Future<Map<Long, String>> keepers = new ImportRepository(app.pool()).keepersByBase();
    Future<List<Unit>> units = new UnitRepository(app.pool()).list(new Where());
    return Future.all(bases, keepers, units).map(all -> bases.result().stream().map(b -> {
      Map<String, Object> row = new HashMap<>();
      row.put("code", b.code());
      row.put("nameZh", b.nameZh());
      row.put("nameEn", b.nameEn());
      row.put("unit", units.result().stream().filter(u -> u.id() == b.unitId()).map(Unit::code).findFirst()
          .orElse(null));
      row.put("address", b.address());
      row.put("lat", b.lat());
      row.put("lon", b.lon());
      row.put("phone", b.phone());
      row.put("keepers", keepers.result().get(b.id()));
      return row;
    }).toList());
  }

  static List<String> names(String cell) {
    if (cell == null) {
      return List.of();
    }
    return Arrays.stream(cell.split("[,，、;；\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
