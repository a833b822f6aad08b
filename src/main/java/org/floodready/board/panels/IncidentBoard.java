package org.floodready.board.panels;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import org.floodready.app.AppContext;
import org.floodready.access.CurrentUser;
import org.floodready.geo.MapView;
import org.floodready.incidents.IncidentsOnMap;

/** The incidents' part of the board: open incidents (险情) on the site map. */
public final class IncidentBoard implements BoardPart {
  private final IncidentsOnMap incidents;

  IncidentBoard(AppContext app) {
    this.incidents = new IncidentsOnMap(app);
  }

  @Override
  public Future<Void> addToMap(CurrentUser user, OffsetDateTime now, MapView view, JsonObject map) {
    if (user.isGauge()) {
      return Future.succeededFuture();
    }
    return incidents.open(user).map(open -> {
      map.put("incidents", open);
      return null;
    });
  }
}
