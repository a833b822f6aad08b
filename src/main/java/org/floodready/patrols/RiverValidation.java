package org.floodready.patrols;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.floodready.input.Fields;
import org.floodready.input.Checked;

/** Checks river and reach input from admins. */
public final class RiverValidation {
  static final int MAX_REACH_POSITIONS = 5000;
  private static final String CODE_PATTERN = "[A-Za-z0-9_.-]{1,50}";

  /** A river as sent. */
  public record RiverInput(String code, String nameZh, String nameEn) {
  }

  /** A reach as sent; on update, null means "keep". */
  public record ReachInput(Long riverId, String code, String nameZh, String nameEn, Long unitId,
      JsonObject geometry, List<double[]> line, Long chiefUserId, String chiefLevel, JsonObject rules) {
  }

  private RiverValidation() {
  }

  /** A river the contract has checked ({@code createRiver}). */
  public static RiverInput river(JsonObject body) {
    return new RiverInput(Checked.requiredText(body, "code"), Checked.requiredText(body, "nameZh"),
        Checked.requiredText(body, "nameEn"));
  }

  /** A new reach: everything but chief and rules is required. */
  public static ReachInput newReach(JsonObject body) {
    return reach(body, true);
  }

  /** A change to a reach: any subset of the fields. */
  public static ReachInput reachChange(JsonObject body) {
    return reach(body, false);
  }

  private static ReachInput reach(JsonObject body, boolean create) {
    Fields in = new Fields(body);
    if (!create) {
      for (String fixed : List.of("riverId", "code")) {
        in.check(!body.containsKey(fixed), fixed, "cannot be changed");
      }
    }
    Long riverId = create ? in.id("riverId", true) : null;
    String code = create ? code(in, true) : null;
    String nameZh = in.text("nameZh", 100, create);
    String nameEn = in.text("nameEn", 100, create);
    Long unitId = in.id("unitId", create);
    JsonObject geometry = in.object("geometry", create);
    List<double[]> line = geometry == null ? null : lineString(in, geometry);
    Long chiefUserId = in.id("chiefUserId", false);
    String chiefLevel = in.oneOf("chiefLevel", ChiefLevel.codes(), create);
    JsonObject rules = in.object("rules", false);
    if (rules != null) {
      PatrolRules.defaults().withReachRules(rules, in.nested(rules, "rules"));
    }
    in.check(create || !body.isEmpty(), "body", "send at least one field to change");
    in.validate();
    JsonObject cleanGeometry = line == null ? null : toGeometry(line);
    return new ReachInput(riverId, code, nameZh, nameEn, unitId, cleanGeometry, line, chiefUserId, chiefLevel, rules);
  }

  static List<double[]> lineString(Fields in, JsonObject geometry) {
    if (!"LineString".equals(geometry.getValue("type"))) {
      in.error("geometry.type", "must be LineString");
      return null;
    }
    Object coords = geometry.getValue("coordinates");
    if (!(coords instanceof JsonArray a) || a.size() < 2) {
      in.error("geometry.coordinates", "must be an array of at least 2 positions [lon, lat]");
      return null;
    }
    if (a.size() > MAX_REACH_POSITIONS) {
      in.error("geometry.coordinates", "must have at most " + MAX_REACH_POSITIONS + " positions");
      return null;
    }
    return PatrolValidation.coordinates(in, "geometry.coordinates", a);
  }

  static JsonObject toGeometry(List<double[]> line) {
    JsonArray coords = new JsonArray();
    line.forEach(p -> coords.add(new JsonArray().add(p[0]).add(p[1])));
    return new JsonObject().put("type", "LineString").put("coordinates", coords);
  }

  /** A stored LineString's positions. */
  static List<double[]> positions(JsonObject geometry) {
    JsonArray coords = geometry.getJsonArray("coordinates");
    return coords.stream().map(o -> {
      JsonArray p = (JsonArray) o;
      return new double[] {p.getDouble(0), p.getDouble(1)};
    }).toList();
  }

  private static String code(Fields in, boolean required) {
    String code = in.text("code", 50, required);
    if (code != null && !code.matches(CODE_PATTERN)) {
      in.error("code", "use letters, digits, '.', '_' or '-'");
      return null;
    }
    return code;
  }
}
