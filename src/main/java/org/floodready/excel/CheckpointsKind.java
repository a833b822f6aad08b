package org.floodready.excel;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.floodready.checkpoints.CheckpointDraft;
import org.floodready.checkpoints.CheckpointValidation;
import org.floodready.excel.Column.Option;
import org.floodready.excel.Column.Type;
import org.floodready.excel.SheetReader.SheetRow;
import org.floodready.units.Unit;

/**
 * Checkpoints (监测点): reservoirs with their characteristic levels and flood-limit periods, waterlogging points
 * with their depth thresholds; a row each, checked by the checkpoint API's own validation.
 */
final class CheckpointsKind implements ImportKind {
  private static final List<Option> KINDS = List.of(new Option("reservoir", "水库"),
      new Option("waterlogging", "易涝点"));
  private static final List<Option> POINT_KINDS = List.of(new Option("underpass", "下穿通道"),
      new Option("culvert", "涵洞"), new Option("road", "道路"), new Option("tunnel", "隧道"));
  static final List<String> LEVELS = List.of("bedLevel", "deadLevel", "normalPoolLevel", "floodHighLevel",
      "designFloodLevel", "checkFloodLevel", "crestLevel");
  static final List<String> DEPTHS = List.of("watchCm", "attentionCm", "closeRoadCm", "severeCm");
  /** "主汛期 06-01~08-31 158.5": a name (may hold spaces: "主汛期 main flood season"), a month-day range, a level. */
  private static final Pattern PERIOD = Pattern.compile(
      "\\s*(.+?)\\s+(\\d{2}-\\d{2})\\s*(?:~|～|至|到)\\s*(\\d{2}-\\d{2})\\s+(-?\\d+(?:\\.\\d+)?)\\s*");
  private static final String RESERVOIR_ONLY = "水库填写 reservoirs only";

  private static final List<Column> COLUMNS = List.of(
      Column.text("code", "测点编码", "Checkpoint code", true, "SK-DEMO", null),
      Column.choice("kind", "类型", "Kind", true, KINDS, KINDS.get(0)),
      Column.text("nameZh", "名称", "Name (Chinese)", true, "示例水库", null),
      Column.text("nameEn", "英文名称", "Name (English)", true, "Example reservoir", null),
      Column.text("unit", "所属单位", "Unit", true, "十八里河街道", "单位编码或中文名称 unit code or Chinese name"),
      Column.of("lat", "纬度", "Latitude (WGS84)", Type.DECIMAL, true, 34.65, null),
      Column.of("lon", "经度", "Longitude (WGS84)", Type.DECIMAL, true, 113.68, null),
      Column.of("bedLevel", "河床高程（米）", "Bed level (m)", Type.DECIMAL, false, 140, RESERVOIR_ONLY),
      Column.of("deadLevel", "死水位（米）", "Dead level (m)", Type.DECIMAL, false, 145, RESERVOIR_ONLY),
      Column.of("normalPoolLevel", "正常蓄水位（米）", "Normal pool level (m)", Type.DECIMAL, false, 155, RESERVOIR_ONLY),
      Column.of("floodHighLevel", "防洪高水位（米）", "Flood-control high level (m)", Type.DECIMAL, false, 158,
          RESERVOIR_ONLY),
      Column.of("designFloodLevel", "设计洪水位（米）", "Design flood level (m)", Type.DECIMAL, false, 159,
          RESERVOIR_ONLY),
      Column.of("checkFloodLevel", "校核洪水位（米）", "Check flood level (m)", Type.DECIMAL, false, 160, RESERVOIR_ONLY),
      Column.of("crestLevel", "坝顶高程（米）", "Crest level (m)", Type.DECIMAL, false, 162, RESERVOIR_ONLY),
      Column.text("floodLimits", "汛限水位", "Flood-limit periods", false, "主汛期 06-01~08-31 153; 后汛期 09-01~09-30 154",
          "名称 月-日~月-日 水位；多个用分号 name MM-DD~MM-DD level; separated by ;"),
      Column.choice("pointKind", "易涝点类型", "Point kind", false, POINT_KINDS, null),
      Column.of("watchCm", "关注水深（厘米）", "Watch depth (cm)", Type.DECIMAL, false, null,
          "易涝点可选，默认按类型 waterlogging points; default by kind"),
      Column.of("attentionCm", "警戒水深（厘米）", "Attention depth (cm)", Type.DECIMAL, false, null, null),
      Column.of("closeRoadCm", "封路水深（厘米）", "Close-road depth (cm)", Type.DECIMAL, false, null, null),
      Column.of("severeCm", "严重水深（厘米）", "Severe depth (cm)", Type.DECIMAL, false, null, null));

  @Override
  public Future<List<java.util.Map<String, Object>>> current(org.floodready.app.AppContext app) {
    return new ImportRepository(app.pool()).checkpoints();
  }

  @Override
  public String id() {
    return "checkpoints";
  }

  @Override
  public String sheetName() {
    return "监测点";
  }

  @Override
  public List<Column> columns() {
    return COLUMNS;
  }

  @Override
  public Future<List<Write>> check(RowChecks checks) {
    checks.unique(r -> ItemsKind.lower(RowChecks.text(r, "code")), "code", "测点编码 Checkpoint code ");
    Future<RowChecks.Refs<Unit>> units = checks.units();
    Future<Set<String>> existing = checks.repository.checkpointCodes();
    return Future.all(units, existing).map(all -> {
      var unitRefs = units.result();
      List<Write> writes = new ArrayList<>();
      for (SheetRow row : checks.each()) {
        String code = RowChecks.text(row, "code");
        if (code != null && existing.result().contains(code.toLowerCase())) {
          checks.problem(row, "code", "测点编码已存在", "a checkpoint with this code exists already");
        }
        Unit unit = unitRefs.resolve(checks, row, "unit");
        JsonObject json = RowChecks.json(row, "code", "kind", "nameZh", "nameEn", "lat", "lon")
            .put("unitId", unit == null ? 1L : unit.id()); // an unresolved unit is reported already
        String kind = RowChecks.text(row, "kind");
        if ("reservoir".equals(kind)) {
          json.put("reservoir", RowChecks.json(row, LEVELS.toArray(String[]::new)));
          JsonArray periods = floodLimits(checks, row);
          if (periods != null) {
            json.put("floodLimits", periods);
          }
        } else if ("waterlogging".equals(kind)) {
          List<String> keys = new ArrayList<>(DEPTHS);
          keys.add("pointKind");
          json.put("waterlogging", RowChecks.json(row, keys.toArray(String[]::new)));
          if (RowChecks.text(row, "floodLimits") != null) {
            json.put("floodLimits", new JsonArray());
          }
        }
        CheckpointDraft draft = checks.validate(row, "createAdminCheckpoint", json,
            () -> CheckpointValidation.draft(json), CheckpointsKind::column);
        if (draft != null) {
          writes.add(t -> t.checkpoints().create(draft).map(id -> "created"));
        }
      }
      return writes;
    });
  }

  /** The sheet column of an API field: reservoir.deadLevel → deadLevel, floodLimits[1].level → floodLimits. */
  private static String column(String field) {
    if (field.startsWith("floodLimits")) {
      return "floodLimits";
    }
    if (field.equals("unitId")) {
      return "unit";
    }
    int dot = field.lastIndexOf('.');
    String leaf = dot < 0 ? field : field.substring(dot + 1);
    return switch (leaf) {
      case "reservoir" -> "bedLevel";
      case "waterlogging" -> "pointKind";
      default -> leaf;
    };
  }

  private static JsonArray floodLimits(RowChecks checks, SheetRow row) {
    String cell = RowChecks.text(row, "floodLimits");
    if (cell == null) {
      return null;
    }
    JsonArray out = new JsonArray();
    for (String part : cell.split("[;；\\n]+")) {
      if (part.isBlank()) {
        continue;
      }
      Matcher m = PERIOD.matcher(part);
      if (!m.matches()) {
        checks.problem(row, "floodLimits", "「" + part.trim() + "」应为 名称 月-日~月-日 水位，如 主汛期 06-01~08-31 153",
            "'" + part.trim() + "' must be: name MM-DD~MM-DD level, e.g. main 06-01~08-31 153");
        return null;
      }
      out.add(new JsonObject().put("name", m.group(1)).put("startMd", m.group(2)).put("endMd", m.group(3))
          .put("level", Double.parseDouble(m.group(4))));
    }
    return out;
  }
}
