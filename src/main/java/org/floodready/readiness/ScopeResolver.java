package org.floodready.readiness;

import io.vertx.core.Future;
import java.util.HashSet;
import org.floodready.AppContext;
import org.floodready.auth.CurrentUser;
import org.floodready.http.ApiError;
import org.floodready.units.UnitRepository;

/**
 * A caller's readiness scope: admin, duty room and viewers see every unit; other people see the units
 * below their own unit. Gauges read nothing here.
 */
public final class ScopeResolver {
  private final UnitRepository units;

  public ScopeResolver(AppContext app) {
    this.units = new UnitRepository(app.pool());
  }

  public Future<Scope> of(CurrentUser user) {
    if (user.isGauge()) {
      return Future.failedFuture(ApiError.forbidden("Gauges cannot read readiness"));
    }
    if (user.role().seesEverything()) {
      return Future.succeededFuture(Scope.EVERYTHING);
    }
    if (user.unitId() == null) {
      return Future.succeededFuture(Scope.of(new HashSet<>()));
    }
    return units.subtreeIds(user.unitId()).map(ids -> Scope.of(new HashSet<>(ids)));
  }
}
