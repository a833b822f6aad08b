package org.floodready.excel;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.floodready.app.AppContext;
import org.floodready.audit.AuditLog;
import org.floodready.db.Where;
import org.floodready.events.EventType;
import org.floodready.excel.SheetReader.SheetRow;
import org.floodready.units.Unit;
import org.floodready.units.UnitRepository;
import org.floodready.units.UnitInput;

/**
 * The organisation tree (单位): a row per new unit under a parent by code or Chinese name, an existing unit or
 * one from an earlier row of the sheet; the level follows from the parent's, as in the API.
 */
final class UnitsKind implements ImportKind {
  private static final List<Column> COLUMNS = List.of(
      Column.text("code", "单位编码", "Unit code", true, "ZZ-GC-NEW", null),
      Column.text("nameZh", "单位名称", "Name (Chinese)", true, "示例社区", null),
      Column.text("nameEn", "英文名称", "Name (English)", true, "Example community", null),
      Column.text("parent", "上级单位", "Parent unit", false, "十八里河街道",
          "必填：已有单位或本表前面行的单位，编码或中文名称 required: an existing unit or one from an earlier row,"
              + " code or name\n空着 = 市（根单位），仅限数据库还没有任何单位时 empty = the city (root unit),"
              + " only while the database has no unit yet"));

  /** A parent: an existing unit (id) or a row of this sheet (code), with the level its children get. */
  private record Parent(Long id, String code, String childLevel) {
  }

  /** No parent: the row is the city, the root of an empty database (its "children" are cities: level city). */
  private static final Parent ROOT = new Parent(null, null, "city");

  @Override
  public String id() {
    return "units";
  }

  @Override
  public String sheetName() {
    return "单位";
  }

  @Override
  public List<Column> columns() {
    return COLUMNS;
  }

  /** Every unit, parents before children (the city first, its parent empty), the parent by code. */
  @Override
  public Future<List<Map<String, Object>>> current(AppContext app) {
    return new UnitRepository(app.pool()).list(new Where()).map(units -> {
      Map<Long, Unit> byId = new HashMap<>();
      units.forEach(u -> byId.put(u.id(), u));
      return units.stream()
          .sorted(java.util.Comparator.comparing((Unit u) -> Unit.LEVELS.indexOf(u.level())).thenComparing(Unit::id))
          .map(u -> {
            Map<String, Object> row = new HashMap<>();
            row.put("code", u.code());
            row.put("nameZh", u.nameZh());
            row.put("nameEn", u.nameEn());
            row.put("parent", u.parentId() == null ? null : byId.get(u.parentId()).code());
            return row;
          }).toList();
    });
  }

  @Override
  public Future<List<Write>> check(RowChecks checks) {
    checks.unique(r -> ItemsKind.lower(RowChecks.text(r, "code")), "code", "单位编码 Unit code ");
    return new UnitRepository(checks.app.pool()).list(new Where()).map(units -> {
      var existing = new RowChecks.Refs<>("单位", "unit", units, Unit::code, Unit::nameZh);
      Map<String, Parent> sheetUnits = new HashMap<>();
      Map<String, Long> created = new HashMap<>();
      List<Write> writes = new ArrayList<>();
      boolean rootSeen = false;
      for (SheetRow row : checks.each()) {
        String code = RowChecks.text(row, "code");
        if (code != null && units.stream().anyMatch(u -> u.code().equalsIgnoreCase(code))) {
          checks.problem(row, "code", "单位编码已存在", "a unit with this code exists already");
        }
        Parent parent = RowChecks.text(row, "parent") == null && units.isEmpty() && !rootSeen
            ? ROOT : parent(checks, row, existing, sheetUnits);
        rootSeen |= parent == ROOT;
        JsonObject json = RowChecks.json(row, "code", "nameZh", "nameEn")
            .put("parentId", parent != null && parent.id() != null ? parent.id() : 1L); // else reported / later
        UnitInput in = checks.validate(row, "createAdminUnit", json, () -> UnitInput.of(json),
            f -> f.equals("parentId") ? "parent" : f);
        if (parent != null && parent.childLevel() == null) {
          checks.problem(row, "parent", "社区/村不能再有下级单位", "a community cannot have sub-units");
        }
        if (in != null && parent != null && parent.childLevel() != null) {
          String level = parent.childLevel();
          sheetUnits.put(in.code().toLowerCase(), new Parent(null, in.code(), UnitInput.childLevel(level)));
          sheetUnits.put(in.nameZh(), new Parent(null, in.code(), UnitInput.childLevel(level)));
          writes.add(t -> {
            Long parentId = parent == ROOT ? null
                : parent.id() != null ? parent.id() : created.get(parent.code().toLowerCase());
            return new UnitRepository(checks.app.pool()).insert(t.tx(), in.code(), in.nameZh(), in.nameEn(), level,
                    parentId)
                .compose(id -> AuditLog.record(t.tx(), checks.app.now(), t.admin(), "unit.create", "unit", id,
                    new JsonObject().put("code", in.code()).put("nameZh", in.nameZh()).put("source", "xlsx")).map(id))
                .compose(id -> checks.app.events().append(t.tx(), EventType.UNIT_CREATED,
                    new JsonObject().put("unitId", id).put("parentId", parentId)).map(id))
                .map(id -> {
                  created.put(in.code().toLowerCase(), id);
                  return "created";
                });
          });
        }
      }
      return writes;
    });
  }

  /** The parent a row names: a unit of an earlier row first, else an existing one; null when reported. */
  private static Parent parent(RowChecks checks, SheetRow row, RowChecks.Refs<Unit> existing,
      Map<String, Parent> sheetUnits) {
    String cell = RowChecks.text(row, "parent");
    Parent fromSheet = cell == null ? null : sheetUnits.getOrDefault(cell.toLowerCase(), sheetUnits.get(cell));
    if (fromSheet != null) {
      return fromSheet;
    }
    Unit unit = existing.resolve(checks, row, "parent");
    return unit == null ? null : new Parent(unit.id(), unit.code(), UnitInput.childLevel(unit.level()));
  }
}
