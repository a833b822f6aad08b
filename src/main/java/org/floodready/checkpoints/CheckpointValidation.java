package org.floodready.checkpoints;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.floodready.input.Checked;
import org.floodready.input.Fields;
import java.util.Map;
import org.floodready.errors.ApiError;

/** Reads checkpoint definitions and readings the contract has checked, with the rules it cannot say. */
public final class CheckpointValidation {
  public static final List<String> KINDS = List.of(Checkpoint.RESERVOIR, Checkpoint.WATERLOGGING);
  public static final List<String> POINT_KINDS = List.of("underpass", "culvert", "road", "tunnel");

  private CheckpointValidation() {
  }

  /**
   * A checkpoint definition (create or full update) the contract has checked ({@code CheckpointInput}: types,
   * required fields, enums, ranges, lengths, patterns). What stays here are the rules across fields: the part
   * the kind needs, levels in order, thresholds rising, flood limits between the dead and the flood-control high
   * level, periods that are real days and do not overlap. Throws 400 naming every wrong field.
   */
  public static CheckpointDraft draft(JsonObject body) {
    Map<String, String> errors = new LinkedHashMap<>();
    String kind = Checked.text(body, "kind");
    Checkpoint.Reservoir reservoir = null;
    Checkpoint.Waterlogging waterlogging = null;
    List<FloodLimitPeriod> limits = new ArrayList<>();
    if (Checkpoint.RESERVOIR.equals(kind)) {
      JsonObject r = body.getJsonObject("reservoir");
      if (r == null) {
        errors.put("reservoir", "is required");
      } else {
        reservoir = reservoir(r, errors);
      }
      JsonArray periods = body.getJsonArray("floodLimits");
      if (periods != null) {
        limits = floodLimits(periods, reservoir, errors);
      }
    } else if (Checkpoint.WATERLOGGING.equals(kind)) {
      JsonObject w = body.getJsonObject("waterlogging");
      if (w == null) {
        errors.put("waterlogging", "is required");
      } else {
        waterlogging = waterlogging(w, errors);
      }
      if (body.getValue("floodLimits") != null) {
        errors.put("floodLimits", "only reservoirs have flood-limit levels");
      }
    }
    if (!errors.isEmpty()) {
      throw ApiError.validation(errors);
    }
    List<CheckpointDraft.Service> services = new ArrayList<>();
    JsonArray s = body.getJsonArray("services");
    if (s != null) {
      s.forEach(o -> services.add(service((JsonObject) o)));
    }
    JsonObject o = body.getValue("overrides") instanceof JsonObject given ? given : new JsonObject(); // null = none
    Checkpoint.Overrides overrides = new Checkpoint.Overrides(Checked.number(o, "hysteresisMargin"),
        Checked.number(o, "suspectStep"), Checked.number(o, "riseRatePerHour"), Checked.integer(o, "silentMinutes"),
        Checked.integer(o, "resolveMinutes"));
    Boolean active = body.getValue("active") instanceof Boolean b ? b : null;
    return new CheckpointDraft(Checked.requiredText(body, "code"), kind, Checked.requiredText(body, "nameZh"),
        Checked.requiredText(body, "nameEn"), Checked.id(body, "unitId"), Checked.number(body, "lat"),
        Checked.number(body, "lon"), reservoir, waterlogging, overrides, active == null || active, limits, services);
  }

  private static Checkpoint.Reservoir reservoir(JsonObject r, Map<String, String> errors) {
    String[] names = {"bedLevel", "deadLevel", "normalPoolLevel", "floodHighLevel", "designFloodLevel",
        "checkFloodLevel", "crestLevel"};
    double[] v = new double[names.length];
    for (int i = 0; i < names.length; i++) {
      v[i] = r.getDouble(names[i]);
      if (i > 0 && v[i] < v[i - 1]) {
        errors.put("reservoir." + names[i], "must be >= " + names[i - 1] + " (" + v[i - 1] + ")");
        return null;
      }
    }
    return new Checkpoint.Reservoir(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
  }

  private static Checkpoint.Waterlogging waterlogging(JsonObject w, Map<String, String> errors) {
    String pointKind = Checked.text(w, "pointKind");
    double[] defaults = CheckpointDefaults.thresholdsFor(pointKind);
    String[] names = {"watchCm", "attentionCm", "closeRoadCm", "severeCm"};
    double[] v = new double[names.length];
    for (int i = 0; i < names.length; i++) {
      Double d = Checked.number(w, names[i]);
      v[i] = d == null ? defaults[i] : d;
      if (i > 0 && v[i] <= v[i - 1]) {
        errors.put("waterlogging." + names[i], "must be > " + names[i - 1] + " (" + v[i - 1] + ")");
        return null;
      }
    }
    return new Checkpoint.Waterlogging(pointKind, v[0], v[1], v[2], v[3]);
  }

  private static List<FloodLimitPeriod> floodLimits(JsonArray periods, Checkpoint.Reservoir reservoir,
      Map<String, String> errors) {
    List<FloodLimitPeriod> out = new ArrayList<>();
    for (int i = 0; i < periods.size(); i++) {
      String path = "floodLimits[" + i + "].";
      JsonObject p = periods.getJsonObject(i);
      String name = Checked.requiredText(p, "name");
      MonthDay start = monthDay(p, "startMd", path, errors);
      MonthDay end = monthDay(p, "endMd", path, errors);
      double level = p.getDouble("level");
      if (reservoir != null && (level < reservoir.dead() || level > reservoir.floodHigh())) {
        errors.putIfAbsent(path + "level", "must be between the dead level and the flood-control high level");
      }
      if (start != null && end != null) {
        FloodLimitPeriod period = new FloodLimitPeriod(name, start, end, level);
        for (FloodLimitPeriod other : out) {
          if (other.contains(start) || other.contains(end) || period.contains(other.start())) {
            errors.putIfAbsent(path + "startMd", "overlaps the period " + other.name());
          }
        }
        out.add(period);
      }
    }
    return out;
  }

  /** The schema checks the shape {@code 06-01}; the calendar (no 13-01, no 02-30) is checked here. */
  private static MonthDay monthDay(JsonObject p, String name, String path, Map<String, String> errors) {
    try {
      return MonthDay.parse("--" + Checked.requiredText(p, name));
    } catch (DateTimeException e) {
      errors.putIfAbsent(path + name, "must be a month-day like 06-01");
      return null;
    }
  }

  /** One service the contract has checked ({@code CheckpointService}; alone as a spreadsheet row, or in a draft). */
  public static CheckpointDraft.Service service(JsonObject body) {
    return new CheckpointDraft.Service(Checked.text(body, "kind"), Checked.requiredText(body, "name"),
        Checked.id(body, "baseId"), Checked.integer(body, "quantity"));
  }

  /**
   * Physical limits of one reading: no negative depth, no reservoir level below the bed or above the
   * crest plus 5 m, no timestamp more than 5 minutes in the future.
   */
  public static void checkReading(Fields f, Checkpoint c, Double value, OffsetDateTime measuredAt,
      OffsetDateTime now) {
    if (measuredAt != null && measuredAt.isAfter(now.plus(CheckpointDefaults.FUTURE_TOLERANCE))) {
      f.error("measuredAt", "is more than " + CheckpointDefaults.FUTURE_TOLERANCE.toMinutes()
          + " minutes in the future");
    }
    if (value == null || c == null) {
      return;
    }
    if (c.isReservoir()) {
      Checkpoint.Reservoir r = c.reservoir();
      if (value < r.bed()) {
        f.error("value", "is below the reservoir bed (" + r.bed() + " m)");
      } else if (value > r.crest() + CheckpointDefaults.ABOVE_CREST_TOLERANCE_M) {
        f.error("value", "is more than " + CheckpointDefaults.ABOVE_CREST_TOLERANCE_M + " m above the dam crest ("
            + r.crest() + " m)");
      }
    } else if (value < 0) {
      f.error("value", "a depth cannot be negative");
    } else if (value > CheckpointDefaults.MAX_DEPTH_CM) {
      f.error("value", "a depth above " + CheckpointDefaults.MAX_DEPTH_CM + " cm is not plausible");
    }
  }

  /** Reads value and measuredAt of one reading, which the contract has checked (ReadingInput). */
  public static ReadingInput reading(JsonObject body, long checkpointId) {
    return new ReadingInput(checkpointId, body.getDouble("value"), Checked.time(body, "measuredAt"));
  }

  /** One reading as sent; fields are null when they were wrong. */
  public record ReadingInput(long checkpointId, Double value, OffsetDateTime measuredAt) {
  }
}
