package org.floodready.excel;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.floodready.app.AppContext;
import org.floodready.excel.Column.Type;
import org.floodready.excel.SheetReader.SheetRow;
import org.floodready.incidents.TeamImport;
import org.floodready.units.Unit;

/** How many rescue teams each unit must keep on standby (队伍配备要求): a row per unit, by code or Chinese name. */
final class TeamRequirementsKind implements ImportKind {
  private static final List<Column> COLUMNS = List.of(
      Column.text("unit", "单位", "Unit", true, "ZZ-GC", "单位编码或中文名称 unit code or Chinese name"),
      Column.of("required", "应备待命队伍数", "Teams required on standby", Type.INTEGER, true, 2, "0–1000"));

  @Override
  public String id() {
    return "team-requirements";
  }

  @Override
  public String sheetName() {
    return "队伍配备要求";
  }

  @Override
  public List<Column> columns() {
    return COLUMNS;
  }

  @Override
  public Future<List<Map<String, Object>>> current(AppContext app) {
    return new ImportRepository(app.pool()).teamRequirements();
  }

  @Override
  public Future<List<Write>> check(RowChecks checks) {
    return checks.units().map(units -> {
      Map<Long, Integer> seen = new HashMap<>();
      List<Write> writes = new ArrayList<>();
      for (SheetRow row : checks.each()) {
        Unit unit = units.resolve(checks, row, "unit");
        JsonObject json = RowChecks.json(row, "required");
        Integer required = checks.validate(row, "setTeamRequirement", json, () -> TeamImport.requirement(json), f -> f);
        if (unit != null) {
          Integer first = seen.putIfAbsent(unit.id(), row.rowNumber());
          if (first != null) {
            checks.problem(row, "unit", "单位与第 " + first + " 行重复", "the unit repeats row " + first);
          }
        }
        if (unit != null && required != null) {
          writes.add(t -> t.teams().setRequirement(unit.id(), required));
        }
      }
      return writes;
    });
  }
}
