package org.floodready.readiness;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.floodready.app.AppContext;
import org.floodready.access.CurrentUser;
import org.floodready.access.Role;
import org.floodready.web.Respond;

/** {@code GET /api/cluster} (admin): the members, which node answered, and the snapshot's version. */
public final class ClusterRoutes {
  private final AppContext app;

  public ClusterRoutes(AppContext app) {
    this.app = app;
  }

  public void mount(Router api) {
    api.get("/cluster").handler(this::getCluster);
  }

  private void getCluster(RoutingContext ctx) {
    CurrentUser.of(ctx).require(Role.ADMIN);
    ReadinessNode node = ReadinessNode.of(app.vertx());
    app.blocking(() -> node.cluster().toJson())
        .compose(json -> node.service().summary().map(summary -> json
            .put("snapshot", summary.mergeIn(node.service().status()))))
        .onSuccess(json -> Respond.ok(ctx, json))
        .onFailure(ctx::fail);
  }
}
