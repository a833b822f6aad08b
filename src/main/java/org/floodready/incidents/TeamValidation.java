package org.floodready.incidents;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.floodready.input.Fields;
import org.floodready.input.Checked;

/**
 * Reads team bodies, dispatches, stand-downs and requirements the contract has checked ({@code RescueTeamInput},
 * {@code dispatchTeam}, {@code standDownRescueTeam}, {@code setTeamRequirement}); a speciality named twice counts once.
 */
final class TeamValidation {
  record Dispatch(long teamId, String note) {
  }

  record StandDown(String status, String note) {
  }

  private TeamValidation() {
  }

  static TeamInput team(JsonObject body, boolean edit) {
    List<String> specialities = new ArrayList<>();
    if (body.getJsonArray("specialities") != null) {
      body.getJsonArray("specialities").forEach(s -> {
        if (!specialities.contains((String) s)) {
          specialities.add((String) s);
        }
      });
    }
    return new TeamInput(Checked.requiredText(body, "name"), Checked.id(body, "unitId"),
        Checked.requiredText(body, "leaderName"), Checked.requiredText(body, "leaderPhone"),
        Checked.integer(body, "members"), specialities, Checked.id(body, "baseId"),
        edit ? Checked.integer(body, "version") : null);
  }

  static Dispatch dispatch(JsonObject body) {
    return new Dispatch(Checked.id(body, "teamId"), Checked.text(body, "note"));
  }

  static StandDown standDown(JsonObject body) {
    return new StandDown(Checked.text(body, "status"), Checked.text(body, "note"));
  }

  static int requirement(JsonObject body) {
    return Checked.integer(body, "required");
  }
}
