package org.floodready.excel;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.floodready.app.AppContext;
import org.floodready.excel.Column.Option;
import org.floodready.excel.Column.Type;
import org.floodready.excel.ImportRepository.TeamRef;
import org.floodready.excel.SheetReader.SheetRow;
import org.floodready.incidents.TeamImport;
import org.floodready.incidents.TeamInput;
import org.floodready.incidents.TeamRules;
import org.floodready.inventory.Base;
import org.floodready.units.Unit;

/**
 * Rescue teams (救援队伍): a row per team, unit and home base by code or Chinese name, specialities several in
 * a cell; a team is known by its unit and name (an existing one is edited), checked by the teams API's rules.
 */
final class RescueTeamsKind implements ImportKind {
  private static final List<Option> SPECIALITIES = TeamRules.SPECIALITIES.stream()
      .map(s -> new Option(s, TeamRules.SPECIALITY_ZH.get(s))).toList();
  private static final List<Option> STATUSES = List.of(new Option(TeamRules.STANDBY, "待命"),
      new Option(TeamRules.RESTING, "休整"));

  private static final List<Column> COLUMNS = List.of(
      Column.text("name", "队伍名称", "Team name", true, "示例抢险队",
          "同一单位内唯一；单位和名称相同的已有队伍会被更新 unique within its unit; an existing team of that unit and"
              + " name is updated"),
      Column.text("unit", "所属单位", "Unit", true, "ZZ-GC", "单位编码或中文名称 unit code or Chinese name"),
      Column.text("leaderName", "队长", "Leader", true, "张三", null),
      Column.text("leaderPhone", "队长电话", "Leader's phone", true, "13900000000",
          "数字、+、- 和空格 digits, +, - and spaces"),
      Column.of("members", "在册人数", "Members on roll", Type.INTEGER, true, 20, "1–10000"),
      Column.multi("specialities", "专长", "Specialities", false, SPECIALITIES, List.of("sandbagging", "pumps")),
      Column.text("base", "驻地基地", "Home base", false, null, "可选：基地编码或名称 optional: base code or Chinese name"),
      new Column("status", "状态", "Status", Type.ENUM, false, STATUSES, STATUSES.get(0),
          "默认待命。新队伍：待命或休整；已有队伍：休整可改为待命。出动由险情派遣产生：出动中的队伍导出为待命，再导入时保持出动"
              + "\ndefault standby. A new team: standby or resting; an existing one: resting may become standby."
              + " Deployments come from incidents: a deployed team is exported as standby and stays deployed when"
              + " imported again"));

  @Override
  public String id() {
    return "rescue-teams";
  }

  @Override
  public String sheetName() {
    return "救援队伍";
  }

  @Override
  public List<Column> columns() {
    return COLUMNS;
  }

  @Override
  public Future<List<Map<String, Object>>> current(AppContext app) {
    return new ImportRepository(app.pool()).rescueTeams();
  }

  @Override
  public Future<List<Write>> check(RowChecks checks) {
    Future<RowChecks.Refs<Unit>> units = checks.units();
    Future<RowChecks.Catalogue> catalogue = checks.catalogue();
    Future<List<TeamRef>> teams = checks.repository.teamRefs();
    return Future.all(units, catalogue, teams).map(all -> {
      Map<String, TeamRef> existing = new HashMap<>();
      teams.result().forEach(t -> existing.put(t.unitId() + "/" + t.name(), t));
      Map<String, Integer> seen = new HashMap<>();
      List<Write> writes = new ArrayList<>();
      for (SheetRow row : checks.each()) {
        Unit unit = units.result().resolve(checks, row, "unit");
        Base base = RowChecks.text(row, "base") == null ? null
            : catalogue.result().bases().resolve(checks, row, "base");
        String name = RowChecks.text(row, "name");
        TeamRef team = unit == null || name == null ? null : existing.get(unit.id() + "/" + name.trim());
        JsonObject json = RowChecks.json(row, "name", "leaderName", "leaderPhone", "members")
            .put("unitId", unit == null ? 1L : unit.id()); // an unresolved unit is reported already
        if (row.values().get("specialities") instanceof List<?> list) {
          json.put("specialities", new JsonArray(new ArrayList<>(list)));
        }
        if (base != null) {
          json.put("baseId", base.id());
        }
        if (team != null) {
          json.put("version", team.version());
        }
        TeamInput in = checks.validate(row, team == null ? "createRescueTeam" : "editRescueTeam", json,
            () -> TeamImport.team(json, team != null), RescueTeamsKind::column);
        String wanted = row.values().getOrDefault("status", TeamRules.STANDBY).toString();
        String status = TeamImport.sheetStatus(team == null ? null : team.status(), wanted);
        if (status == null) {
          checks.problem(row, "status", "已有队伍的状态不能从「" + label(team.status()) + "」改为「" + label(wanted)
                  + "」（休整只来自险情撤回）", "an existing team cannot go from " + team.status() + " to " + wanted
                  + " (teams rest only after standing down from an incident)");
        }
        if (unit != null && name != null) {
          Integer first = seen.putIfAbsent(unit.id() + "/" + name.trim(), row.rowNumber());
          if (first != null) {
            checks.problem(row, "name", "同一单位的队伍名称与第 " + first + " 行重复",
                "the team name repeats row " + first + " for this unit");
          }
        }
        boolean baseOk = RowChecks.text(row, "base") == null || base != null;
        if (in != null && unit != null && baseOk && status != null) {
          Long id = team == null ? null : team.id();
          writes.add(t -> t.teams().saveTeam(id, in, status));
        }
      }
      return writes;
    });
  }

  private static String label(String status) {
    return TeamRules.DEPLOYED.equals(status) ? "出动 deployed"
        : STATUSES.stream().filter(o -> o.code().equals(status)).map(Option::label).findFirst().orElse(status);
  }

  /** The column of a field the teams API rejects. */
  private static String column(String field) {
    return switch (field) {
      case "unitId" -> "unit";
      case "baseId" -> "base";
      default -> field.startsWith("specialities") ? "specialities" : field;
    };
  }
}
