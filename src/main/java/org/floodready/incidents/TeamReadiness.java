package org.floodready.incidents;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.floodready.app.AppContext;

/** For readiness: each unit's own standby teams and required teams (units with neither are left out). */
public final class TeamReadiness {
  /** One unit's own teams on standby and how many it must keep. */
  public record UnitTeams(long unitId, int standby, int required) {
  }

  private final AppContext app;
  private final TeamRepository teams;

  public TeamReadiness(AppContext app) {
    this.app = app;
    this.teams = new TeamRepository(app.pool());
  }

  /** Every unit's ({@code units} null) or only these units'. */
  public Future<List<UnitTeams>> byUnit(Collection<Long> units) {
    return teams.counts(app.pool(), units).map(rows -> {
      List<UnitTeams> out = new ArrayList<>();
      rows.forEach(r -> out.add(new UnitTeams(r.getLong("unit_id"), r.getLong("standby").intValue(),
          r.getInteger("required"))));
      return out;
    });
  }
}
