package org.floodready.excel;

import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.floodready.excel.Column.Option;
import org.floodready.excel.ImportRepository.Person;
import org.floodready.excel.SheetReader.SheetRow;
import org.floodready.patrols.RiverImport.Ref;
import org.floodready.patrols.RiverValidation;
import org.floodready.units.Unit;

/**
 * Rivers and reaches (河流与河段) with their river chiefs: a row per reach; its river by code, created from the
 * first row that names a new one. The course is "lon,lat; lon,lat; ..." or a GeoJSON LineString.
 */
final class ReachesKind implements ImportKind {
  private static final List<Option> CHIEF_LEVELS = List.of(new Option("city", "市级"), new Option("county", "县区级"),
      new Option("township", "乡镇级"), new Option("village", "村级"));

  private static final List<Column> COLUMNS = List.of(
      Column.text("riverCode", "河流编码", "River code", true, "JLH", "已有河流或新河流 an existing or a new river"),
      Column.text("riverNameZh", "河流名称", "River name (Chinese)", false, "贾鲁河", "新河流必填 required for a new river"),
      Column.text("riverNameEn", "河流英文名称", "River name (English)", false, "Jialu River",
          "新河流必填 required for a new river"),
      Column.text("code", "河段编码", "Reach code", true, "JLH-SBLH", null),
      Column.text("nameZh", "河段名称", "Reach name (Chinese)", true, "贾鲁河十八里河段", null),
      Column.text("nameEn", "河段英文名称", "Reach name (English)", true, "Jialu River, Shibalihe reach", null),
      Column.text("unit", "所属单位", "Unit", true, "十八里河街道", "单位编码或中文名称 unit code or Chinese name"),
      Column.text("coordinates", "河段走向", "Course (WGS84)", true, "113.700,34.690; 113.712,34.695",
          "经度,纬度; 经度,纬度 … lon,lat; lon,lat …（或 GeoJSON LineString）"),
      Column.text("chief", "河长", "River chief", false, "chief", "用户名或姓名 username or name"),
      Column.choice("chiefLevel", "河长级别", "Chief level", true, CHIEF_LEVELS, CHIEF_LEVELS.get(3)));

  @Override
  public Future<List<java.util.Map<String, Object>>> current(org.floodready.app.AppContext app) {
    return new ImportRepository(app.pool()).reaches();
  }

  @Override
  public String id() {
    return "reaches";
  }

  @Override
  public String sheetName() {
    return "河流河段";
  }

  @Override
  public List<Column> columns() {
    return COLUMNS;
  }

  @Override
  public Future<List<Write>> check(RowChecks checks) {
    checks.unique(r -> ItemsKind.lower(RowChecks.text(r, "code")), "code", "河段编码 Reach code ");
    Future<RowChecks.Refs<Unit>> units = checks.units();
    Future<List<Person>> chiefs = checks.repository.activeUsers("river_chief");
    Future<List<Ref>> rivers = checks.rivers.rivers();
    Future<List<Ref>> reaches = checks.rivers.reaches();
    return Future.all(units, chiefs, rivers, reaches).map(all -> {
      var unitRefs = units.result();
      var chiefRefs = new RowChecks.Refs<>("河长", "river chief", chiefs.result(), Person::username,
          Person::displayName);
      Map<String, Long> existingRivers = new HashMap<>();
      rivers.result().forEach(r -> existingRivers.put(r.code().toLowerCase(), r.id()));
      Map<String, RiverValidation.RiverInput> newRivers = new HashMap<>();
      Map<String, Long> created = new HashMap<>();
      List<Write> writes = new ArrayList<>();
      for (SheetRow row : checks.each()) {
        String code = RowChecks.text(row, "code");
        if (code != null && reaches.result().stream().anyMatch(r -> r.code().equalsIgnoreCase(code))) {
          checks.problem(row, "code", "河段编码已存在", "a reach with this code exists already");
        }
        String riverCode = RowChecks.text(row, "riverCode");
        String riverKey = riverCode == null ? null : riverCode.toLowerCase();
        if (riverKey != null && !existingRivers.containsKey(riverKey) && !newRivers.containsKey(riverKey)) {
          JsonObject river = new JsonObject().put("code", riverCode).put("nameZh", RowChecks.text(row, "riverNameZh"))
              .put("nameEn", RowChecks.text(row, "riverNameEn"));
          RiverValidation.RiverInput in = checks.validate(row, "createRiver", river, () -> RiverValidation.river(river),
              f -> "code".equals(f) ? "riverCode" : "river" + Character.toUpperCase(f.charAt(0)) + f.substring(1));
          if (in != null) {
            newRivers.put(riverKey, in);
          }
        }
        Unit unit = unitRefs.resolve(checks, row, "unit");
        Person chief = RowChecks.text(row, "chief") == null ? null : chiefRefs.resolve(checks, row, "chief");
        JsonObject json = RowChecks.json(row, "code", "nameZh", "nameEn", "chiefLevel")
            .put("riverId", existingRivers.getOrDefault(riverKey, 1L)) // a new river's id comes at write time
            .put("unitId", unit == null ? 1L : unit.id());
        if (chief != null) {
          json.put("chiefUserId", chief.id());
        }
        JsonObject geometry = course(checks, row);
        if (geometry != null) {
          json.put("geometry", geometry);
        }
        RiverValidation.ReachInput in = checks.validate(row, () -> RiverValidation.newReach(json),
            f -> f.startsWith("geometry") ? "coordinates" : switch (f) {
              case "riverId" -> "riverCode";
              case "unitId" -> "unit";
              case "chiefUserId" -> "chief";
              default -> f;
            });
        if (in != null && riverKey != null) {
          writes.add(t -> riverId(t, riverKey, existingRivers, newRivers, created)
              .compose(riverId -> t.rivers().createReach(riverId, in)).map(id -> "created"));
        }
      }
      return writes;
    });
  }

  private static Future<Long> riverId(ImportTx t, String key, Map<String, Long> existing,
      Map<String, RiverValidation.RiverInput> fresh, Map<String, Long> created) {
    Long id = existing.getOrDefault(key, created.get(key));
    if (id != null) {
      return Future.succeededFuture(id);
    }
    return t.rivers().createRiver(fresh.get(key)).onSuccess(newId -> created.put(key, newId));
  }

  /** The course as a GeoJSON LineString: from "lon,lat; lon,lat" or a GeoJSON cell; null with a problem. */
  private static JsonObject course(RowChecks checks, SheetRow row) {
    String cell = RowChecks.text(row, "coordinates");
    if (cell == null) {
      return null;
    }
    if (cell.startsWith("{")) {
      try {
        JsonObject geo = new JsonObject(cell);
        return "Feature".equals(geo.getString("type")) ? geo.getJsonObject("geometry") : geo;
      } catch (DecodeException | ClassCastException e) {
        checks.problem(row, "coordinates", "不是有效的 GeoJSON", "not valid GeoJSON");
        return null;
      }
    }
    JsonArray positions = new JsonArray();
    for (String pair : cell.split("[;；\\n]+")) {
      if (pair.isBlank()) {
        continue;
      }
      String[] lonLat = pair.trim().split("\\s*[,，]\\s*");
      try {
        if (lonLat.length != 2) {
          throw new NumberFormatException(pair);
        }
        positions.add(new JsonArray().add(Double.parseDouble(lonLat[0])).add(Double.parseDouble(lonLat[1])));
      } catch (NumberFormatException e) {
        checks.problem(row, "coordinates", "坐标「" + pair.trim() + "」应为 经度,纬度",
            "position '" + pair.trim() + "' must be lon,lat");
        return null;
      }
    }
    return new JsonObject().put("type", "LineString").put("coordinates", positions);
  }
}
