package org.floodready.incidents;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.floodready.app.AppContext;
import org.floodready.access.CurrentUser;
import org.floodready.db.Where;

/** The open incidents a person may see, as points for the board's site map. */
public final class IncidentsOnMap {
  private static final int LIMIT = 500;

  private final AppContext app;
  private final IncidentRepository incidents;

  public IncidentsOnMap(AppContext app) {
    this.app = app;
    this.incidents = new IncidentRepository(app.pool());
  }

  /** {@code [{id, nameZh, lat, lon, kind, kindZh, severity, status, unitNameZh, reportedAt, teamsDeployed}]} */
  public Future<JsonArray> open(CurrentUser user) {
    return IncidentAccess.scope(app, user)
        .compose(scope -> incidents.all(IncidentAccess.incidents(new Where().and("i.status <> 'closed'"), scope, user),
            LIMIT))
        .map(rows -> {
          JsonArray out = new JsonArray();
          rows.forEach(r -> {
            JsonObject i = IncidentRepository.toJson(r, app::iso);
            out.add(i.put("nameZh", i.getString("title")));
          });
          return out;
        });
  }
}
