package org.floodready.audit;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Row;
import java.util.Map;
import org.floodready.app.AppContext;
import org.floodready.access.CurrentUser;
import org.floodready.access.Role;
import org.floodready.db.Where;
import org.floodready.db.PageRequest;
import org.floodready.web.Paging;
import org.floodready.web.QueryParams;
import org.floodready.web.Respond;

/** {@code GET /api/audit}: the audit trail for admins, filtered and paginated. */
public final class AuditRoutes {
  private static final Map<String, String> SORTABLE = Map.of("at", "at", "id", "id", "action", "action");

  private final AppContext app;
  private final AuditLog audit;

  public AuditRoutes(AppContext app) {
    this.app = app;
    this.audit = new AuditLog(app.pool());
  }

  public void mount(Router api) {
    api.get("/audit").handler(this::listAudit);
  }

  private void listAudit(RoutingContext ctx) {
    CurrentUser.of(ctx).require(Role.ADMIN);
    PageRequest page = Paging.from(ctx, app.config(), SORTABLE, "-at");
    QueryParams q = new QueryParams(ctx);
    Where where = new Where()
        .and("actor_id = ?", q.id("actorId"))
        .and("entity_type = ?", q.text("entityType"))
        .and("entity_id = ?", q.text("entityId"))
        .and("action = ?", q.text("action"))
        .and("at >= ?", q.time("from"))
        .and("at < ?", q.time("to"));
    Respond.ok(ctx, audit.page(where, page).map(rows -> page.result(rows, this::toJson)));
  }

  private JsonObject toJson(Row r) {
    return new JsonObject()
        .put("id", r.getLong("id"))
        .put("at", app.iso(r.getOffsetDateTime("at")))
        .put("actorId", r.getLong("actor_id"))
        .put("actorName", r.getString("actor_name"))
        .put("action", r.getString("action"))
        .put("entityType", r.getString("entity_type"))
        .put("entityId", r.getString("entity_id"))
        .put("details", r.getJsonObject("details"));
  }
}
