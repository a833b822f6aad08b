package org.floodready.board;

import org.floodready.board.panels.BoardPart;
import org.floodready.board.panels.PanelSources;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.floodready.app.AppContext;
import org.floodready.access.CurrentUser;
import org.floodready.errors.ApiError;
import org.floodready.geo.MapView;
import org.floodready.web.QueryParams;
import org.floodready.web.Respond;

/** The board definition (dashboards/board.json) and the data of each panel that this node composes. */
public final class BoardRoutes {
  static final String DEFINITION = "dashboards/board.json";

  private final AppContext app;
  private final PanelSources panels;

  BoardRoutes(AppContext app, java.util.List<BoardPart> parts) {
    this.app = app;
    this.panels = new PanelSources(parts);
  }

  void mount(Router api) {
    api.get("/dashboard/definition").handler(this::getDefinition);
    api.get("/dashboard/panels/map").handler(this::getMap);
    api.get("/dashboard/panels/:panel").handler(this::getPanel);
  }

  private void getDefinition(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    // Vert.x resolves the path in the working directory first, then on the classpath (the jar).
    app.vertx().fileSystem().readFile(DEFINITION)
        .map(buffer -> forRole(new JsonObject(buffer), user.role().code()))
        .compose(def -> Respond.ok(ctx, def.put("panelSources", panels.names())
            .put("timeZone", app.config().zone().getId())))
        .onFailure(ctx::fail);
  }

  /**
   * Only the panels the user may see: a panel with {@code roles} is for those roles only, so the board
   * never asks for data it would be refused.
   */
  static JsonObject forRole(JsonObject definition, String role) {
    io.vertx.core.json.JsonArray mine = new io.vertx.core.json.JsonArray();
    definition.getJsonArray("panels").forEach(o -> {
      io.vertx.core.json.JsonArray roles = ((JsonObject) o).getJsonArray("roles");
      if (roles == null || roles.contains(role)) {
        mine.add(o);
      }
    });
    return definition.put("panels", mine);
  }

  /** The site map inside the client's view box ({@code bbox}, {@code zoom}; without them the whole map). */
  private void getMap(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    QueryParams q = new QueryParams(ctx);
    Integer zoom = q.text("zoom") == null ? null : q.integer("zoom", 0, 0, MapView.MAX_ZOOM);
    MapView view;
    try {
      view = MapView.of(q.text("bbox"), zoom, PanelSources.MAP_CAP);
    } catch (IllegalArgumentException e) {
      throw ApiError.invalid("bbox", e.getMessage());
    }
    panels.map(user, app.now(), view)
        .compose(data -> Respond.ok(ctx, data.put("updatedAt", app.iso(app.now()))))
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
