package org.floodready.checkpoints;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.floodready.input.Checked;
import org.floodready.input.Fields;

/** Checks of checkpoint definitions and readings; every problem is reported with its field name. */
public final class CheckpointValidation {
  public static final List<String> KINDS = List.of(Checkpoint.RESERVOIR, Checkpoint.WATERLOGGING);
  public static final List<String> POINT_KINDS = List.of("underpass", "culvert", "road", "tunnel");

  private CheckpointValidation() {
  }

  /** A checkpoint definition (create or full update); throws 400 naming every wrong field. */
  public static CheckpointDraft draft(JsonObject body) {
    Fields in = new Fields(body);
    String code = in.requiredText("code", 50);
    if (code != null) {
      in.check(code.matches("[A-Za-z0-9_.-]+"), "code", "use letters, digits, '.', '_' or '-'");
    }
    String kind = in.oneOf("kind", KINDS, true);
    String nameZh = in.requiredText("nameZh", 100);
    String nameEn = in.requiredText("nameEn", 100);
    Long unitId = in.id("unitId", true);
    Double lat = in.latitude("lat", true);
    Double lon = in.longitude("lon", true);
    Boolean active = in.bool("active", false);
    Checkpoint.Reservoir reservoir = null;
    Checkpoint.Waterlogging waterlogging = null;
    List<FloodLimitPeriod> limits = new ArrayList<>();
    if (Checkpoint.RESERVOIR.equals(kind)) {
      JsonObject r = in.object("reservoir", true);
      if (r != null) {
        reservoir = reservoir(in.nested(r, "reservoir"));
      }
      JsonArray periods = in.array("floodLimits", 12, false);
      if (periods != null) {
        limits = floodLimits(in, periods, reservoir);
      }
    } else if (Checkpoint.WATERLOGGING.equals(kind)) {
      JsonObject w = in.object("waterlogging", true);
      if (w != null) {
        waterlogging = waterlogging(in.nested(w, "waterlogging"));
      }
      in.check(!in.has("floodLimits"), "floodLimits", "only reservoirs have flood-limit levels");
    }
    List<CheckpointDraft.Service> services = new ArrayList<>();
    JsonArray s = in.array("services", 50, false);
    if (s != null) {
      services = services(in, s);
    }
    Checkpoint.Overrides overrides = new Checkpoint.Overrides(null, null, null, null, null);
    JsonObject o = in.object("overrides", false);
    if (o != null) {
      Fields of = in.nested(o, "overrides");
      overrides = new Checkpoint.Overrides(of.number("hysteresisMargin", 0, 100, false),
          positive(of, "suspectStep"), positive(of, "riseRatePerHour"),
          of.integer("silentMinutes", 1, 7 * 24 * 60, false), of.integer("resolveMinutes", 0, 7 * 24 * 60, false));
    }
    in.validate();
    return new CheckpointDraft(code, kind, nameZh, nameEn, unitId, lat, lon, reservoir, waterlogging, overrides,
        active == null || active, limits, services);
  }

  private static Checkpoint.Reservoir reservoir(Fields r) {
    String[] names = {"bedLevel", "deadLevel", "normalPoolLevel", "floodHighLevel", "designFloodLevel",
        "checkFloodLevel", "crestLevel"};
    double[] v = new double[names.length];
    boolean complete = true;
    for (int i = 0; i < names.length; i++) {
      Double d = r.number(names[i], -500, 9000, true);
      if (d == null) {
        complete = false;
      } else {
        v[i] = d;
      }
    }
    if (!complete) {
      return null;
    }
    for (int i = 1; i < names.length; i++) {
      if (v[i] < v[i - 1]) {
        r.error(names[i], "must be >= " + names[i - 1] + " (" + v[i - 1] + ")");
        return null;
      }
    }
    return new Checkpoint.Reservoir(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
  }

  private static Checkpoint.Waterlogging waterlogging(Fields w) {
    String pointKind = w.oneOf("pointKind", POINT_KINDS, true);
    double[] defaults = CheckpointDefaults.thresholdsFor(pointKind);
    String[] names = {"watchCm", "attentionCm", "closeRoadCm", "severeCm"};
    double[] v = new double[names.length];
    for (int i = 0; i < names.length; i++) {
      Double d = w.number(names[i], 0.1, CheckpointDefaults.MAX_DEPTH_CM, false);
      v[i] = d == null ? defaults[i] : d;
    }
    for (int i = 1; i < names.length; i++) {
      if (v[i] <= v[i - 1]) {
        w.error(names[i], "must be > " + names[i - 1] + " (" + v[i - 1] + ")");
        return null;
      }
    }
    return pointKind == null ? null : new Checkpoint.Waterlogging(pointKind, v[0], v[1], v[2], v[3]);
  }

  private static List<FloodLimitPeriod> floodLimits(Fields in, JsonArray periods, Checkpoint.Reservoir reservoir) {
    List<FloodLimitPeriod> out = new ArrayList<>();
    for (int i = 0; i < periods.size(); i++) {
      String path = "floodLimits[" + i + "]";
      if (!(periods.getValue(i) instanceof JsonObject p)) {
        in.error(path, "must be an object");
        continue;
      }
      Fields f = in.nested(p, path);
      String name = f.requiredText("name", 50);
      MonthDay start = monthDay(f, "startMd");
      MonthDay end = monthDay(f, "endMd");
      Double level = f.number("level", -500, 9000, true);
      if (level != null && reservoir != null) {
        f.check(level >= reservoir.dead() && level <= reservoir.floodHigh(), "level",
            "must be between the dead level and the flood-control high level");
      }
      if (name != null && start != null && end != null && level != null) {
        FloodLimitPeriod period = new FloodLimitPeriod(name, start, end, level);
        for (FloodLimitPeriod other : out) {
          if (other.contains(start) || other.contains(end) || period.contains(other.start())) {
            f.error("startMd", "overlaps the period " + other.name());
          }
        }
        out.add(period);
      }
    }
    return out;
  }

  private static MonthDay monthDay(Fields f, String name) {
    String v = f.requiredText(name, 5);
    if (v == null) {
      return null;
    }
    try {
      if (v.matches("\\d\\d-\\d\\d")) {
        return MonthDay.parse("--" + v);
      }
    } catch (DateTimeException e) {
      // reported below
    }
    f.error(name, "must be a month-day like 06-01");
    return null;
  }

  private static List<CheckpointDraft.Service> services(Fields in, JsonArray s) {
    List<CheckpointDraft.Service> out = new ArrayList<>();
    for (int i = 0; i < s.size(); i++) {
      String path = "services[" + i + "]";
      if (!(s.getValue(i) instanceof JsonObject o)) {
        in.error(path, "must be an object");
        continue;
      }
      out.add(service(in.nested(o, path)));
    }
    return out;
  }

  /** One service alone (a spreadsheet row), by the same rules as in a draft's list. */
  public static CheckpointDraft.Service service(JsonObject body) {
    Fields in = new Fields(body);
    CheckpointDraft.Service service = service(in);
    in.validate();
    return service;
  }

  private static CheckpointDraft.Service service(Fields f) {
    String kind = f.oneOf("kind", CheckpointDraft.Service.KINDS, true);
    String name = f.requiredText("name", 100);
    Long baseId = f.id("baseId", false);
    Integer quantity = f.integer("quantity", 1, 100_000, false);
    return new CheckpointDraft.Service(kind, name, baseId, quantity);
  }

  private static Double positive(Fields f, String name) {
    Double d = f.number(name, 0, 1000, false);
    if (d != null && d <= 0) {
      f.error(name, "must be > 0");
      return null;
    }
    return d;
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
