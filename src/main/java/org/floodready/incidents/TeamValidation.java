package org.floodready.incidents;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.floodready.input.Fields;

/** Checks team bodies, dispatches, stand-downs and requirements; every wrong field in one 400. */
final class TeamValidation {
  record Dispatch(long teamId, String note) {
  }

  record StandDown(String status, String note) {
  }

  private TeamValidation() {
  }

  static TeamInput team(JsonObject body, boolean edit) {
    Fields in = new Fields(body);
    String name = in.requiredText("name", 200);
    Long unitId = in.id("unitId", true);
    String leader = in.requiredText("leaderName", 100);
    String phone = in.requiredText("leaderPhone", 40);
    if (phone != null && !phone.matches("[0-9+\\- ]{3,40}")) {
      in.error("leaderPhone", "must be a phone number (digits, +, - and spaces)");
    }
    Integer members = in.integer("members", 1, 10000, true);
    List<String> specialities = specialities(in);
    Long baseId = in.id("baseId", false);
    Integer version = edit ? in.integer("version", 1, Integer.MAX_VALUE, true) : null;
    in.validate();
    return new TeamInput(name, unitId, leader, phone, members, specialities, baseId, version);
  }

  private static List<String> specialities(Fields in) {
    JsonArray array = in.array("specialities", 20, false);
    List<String> out = new ArrayList<>();
    if (array == null) {
      return out;
    }
    for (int i = 0; i < array.size(); i++) {
      Object v = array.getValue(i);
      if (!(v instanceof String s) || !TeamRules.SPECIALITIES.contains(s)) {
        in.error("specialities[" + i + "]", "must be one of " + String.join(", ", TeamRules.SPECIALITIES));
      } else if (!out.contains(s)) {
        out.add(s);
      }
    }
    return out;
  }

  static Dispatch dispatch(JsonObject body) {
    Fields in = new Fields(body);
    Long teamId = in.id("teamId", true);
    String note = in.optionalText("note", 4000);
    in.validate();
    return new Dispatch(teamId, note);
  }

  static StandDown standDown(JsonObject body) {
    Fields in = new Fields(body);
    String status = in.oneOf("status", TeamRules.AFTER_STAND_DOWN, true);
    String note = in.optionalText("note", 4000);
    in.validate();
    return new StandDown(status, note);
  }

  static int requirement(JsonObject body) {
    Fields in = new Fields(body);
    Integer required = in.integer("required", 0, 1000, true);
    in.validate();
    return required;
  }
}
