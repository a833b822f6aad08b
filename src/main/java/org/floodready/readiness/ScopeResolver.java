package org.floodready.readiness;

import io.vertx.core.Future;
import org.floodready.AppContext;
import org.floodready.auth.CurrentUser;
import org.floodready.http.ApiError;

/**
 * A caller's readiness scope: admin, duty room and viewers see every unit; base keepers, river chiefs
 * and inspectors see the units of their bases, reaches and checkpoints and of their own unit, each with
 * the units below. Gauges read nothing here.
 */
public final class ScopeResolver {
  private final ScopeRepository scopes;

  public ScopeResolver(AppContext app) {
    this.scopes = new ScopeRepository(app.pool());
  }

  public Future<Scope> of(CurrentUser user) {
    if (user.isGauge()) {
      return Future.failedFuture(ApiError.forbidden("Gauges cannot read readiness"));
    }
    if (user.role().seesEverything()) {
      return Future.succeededFuture(Scope.EVERYTHING);
    }
    return scopes.unitsOf(user.id()).map(Scope::of);
  }
}
