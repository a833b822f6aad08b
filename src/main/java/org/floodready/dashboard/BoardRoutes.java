package org.floodready.dashboard;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.floodready.AppContext;
import org.floodready.auth.CurrentUser;
import org.floodready.http.ApiError;
import org.floodready.http.Respond;

/** The board definition (dashboards/board.json) and the data of each panel that this node composes. */
final class BoardRoutes {
  static final String DEFINITION = "dashboards/board.json";

  private final AppContext app;
  private final PanelSources panels;

  BoardRoutes(AppContext app, java.util.List<BoardPart> parts) {
    this.app = app;
    this.panels = new PanelSources(parts);
  }

  void mount(Router api) {
    api.get("/dashboard/definition").handler(this::getDefinition);
    api.get("/dashboard/panels/:panel").handler(this::getPanel);
  }

  private void getDefinition(RoutingContext ctx) {
    CurrentUser.of(ctx);
    // Vert.x resolves the path in the working directory first, then on the classpath (the jar).
    app.vertx().fileSystem().readFile(DEFINITION)
        .map(buffer -> new JsonObject(buffer))
        .compose(def -> Respond.ok(ctx, def.put("panelSources", panels.names())))
        .onFailure(ctx::fail);
  }

  private void getPanel(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    String name = ctx.pathParam("panel");
    PanelSources.Source source = panels.get(name).orElseThrow(() -> ApiError.notFound("Panel", name));
    source.load(user, app.now())
        .compose(data -> Respond.ok(ctx, data.put("updatedAt", app.iso(app.now()))))
        .onFailure(ctx::fail);
  }
}
