package org.floodready.patrols;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.floodready.access.Visibility;
import org.floodready.app.AppContext;
import org.floodready.access.CurrentUser;
import org.floodready.db.Where;
import org.floodready.sheets.Xlsx;
import org.floodready.sheets.Csv;
import org.floodready.web.QueryParams;
import org.floodready.web.Respond;

/** Patrol compliance per reach (also as CSV or .xlsx), per chief and per unit, now or at {@code ?at=}. */
final class ComplianceRoutes {
  private final AppContext app;
  private final ComplianceService compliance;

  ComplianceRoutes(AppContext app) {
    this.app = app;
    this.compliance = new ComplianceService(app);
  }

  void mount(Router api) {
    api.get("/compliance/reaches").handler(this::reachCompliance);
    api.get("/compliance/chiefs").handler(this::chiefCompliance);
    api.get("/compliance/units").handler(this::unitCompliance);
  }

  private OffsetDateTime at(RoutingContext ctx) {
    OffsetDateTime at = new QueryParams(ctx).time("at");
    return at == null ? app.now() : at;
  }

  private Where reachFilter(RoutingContext ctx, CurrentUser user) {
    QueryParams q = new QueryParams(ctx);
    Where where = new Where()
        .and("r.unit_id = ?", q.id("unitId"))
        .and("r.river_id = ?", q.id("riverId"))
        .and("r.chief_user_id = ?", q.id("chiefId"))
        .and("r.chief_level = ?", q.oneOf("chiefLevel", ChiefLevel.codes()));
    return Visibility.reaches(where, user, "r.chief_user_id");
  }

  private void reachCompliance(RoutingContext ctx) {
    CurrentUser user = RiverAccess.reader(ctx);
    QueryParams q = new QueryParams(ctx);
    Boolean overdue = q.bool("overdue");
    Boolean compliant = q.bool("compliant");
    String format = q.oneOf("format", List.of("json", "csv", "xlsx"));
    OffsetDateTime at = at(ctx);
    compliance.reaches(reachFilter(ctx, user), at).map(list -> {
      JsonArray items = new JsonArray();
      list.stream()
          .filter(r -> overdue == null || r.overdue() == overdue)
          .filter(r -> compliant == null || r.compliant() == compliant)
          .forEach(r -> items.add(r.toJson(app::iso)));
      return new JsonObject().put("at", app.iso(at)).put("items", items);
    }).onSuccess(json -> {
      if ("csv".equals(format)) {
        Respond.csv(ctx, "compliance-reaches.csv", sheet(json.getJsonArray("items")).toString());
      } else if ("xlsx".equals(format)) {
        Xlsx.send(app, ctx, "compliance-reaches", "巡河达标", sheet(json.getJsonArray("items")));
      } else {
        Respond.ok(ctx, json);
      }
    }).onFailure(ctx::fail);
  }

  /** The per-reach compliance as a table, for CSV and .xlsx alike. */
  private static Csv sheet(JsonArray items) {
    Csv csv = new Csv().row("河段编码 Reach code", "河段 Reach", "单位 Unit", "河长 Chief", "河长级别 Chief level",
        "周期 Period", "周期开始 Period start", "周期结束 Period end", "应巡 Required", "已巡 Counted",
        "达标 Compliant", "逾期 Overdue", "最近巡河 Last patrol");
    for (Object o : items) {
      JsonObject r = (JsonObject) o;
      csv.row(r.getString("code"), r.getString("nameZh"), r.getString("unitNameZh"), r.getString("chiefName"),
          r.getString("chiefLevel"), r.getString("period"), r.getString("periodStart"), r.getString("periodEnd"),
          r.getValue("required"), r.getValue("counted"), r.getBoolean("compliant"), r.getBoolean("overdue"),
          r.getString("lastPatrolAt"));
    }
    return csv;
  }

  private void chiefCompliance(RoutingContext ctx) {
    CurrentUser user = RiverAccess.reader(ctx);
    OffsetDateTime at = at(ctx);
    compliance.reaches(reachFilter(ctx, user), at).map(list -> {
      Map<Long, List<ReachCompliance>> byChief = new LinkedHashMap<>();
      list.stream().filter(r -> r.chiefUserId() != null)
          .forEach(r -> byChief.computeIfAbsent(r.chiefUserId(), k -> new java.util.ArrayList<>()).add(r));
      JsonArray items = new JsonArray();
      byChief.forEach((chiefId, reaches) -> {
        OffsetDateTime last = reaches.stream().map(ReachCompliance::lastPatrolAt).filter(java.util.Objects::nonNull)
            .max(OffsetDateTime::compareTo).orElse(null);
        items.add(new JsonObject().put("chiefUserId", chiefId).put("chiefName", reaches.get(0).chiefName())
            .put("reaches", reaches.size())
            .put("reachesCompliant", reaches.stream().filter(ReachCompliance::compliant).count())
            .put("overdueReaches", reaches.stream().filter(ReachCompliance::overdue).count())
            .put("patrolsCounted", reaches.stream().mapToInt(ReachCompliance::counted).sum())
            .put("patrolsRequired", reaches.stream().mapToInt(r -> r.frequency().times()).sum())
            .put("lastPatrolAt", app.iso(last)));
      });
      return new JsonObject().put("at", app.iso(at)).put("items", items);
    }).onSuccess(json -> Respond.ok(ctx, json)).onFailure(ctx::fail);
  }

  private void unitCompliance(RoutingContext ctx) {
    RiverAccess.reader(ctx);
    OffsetDateTime at = at(ctx);
    compliance.byUnit(at).map(list -> {
      JsonArray items = new JsonArray();
      list.forEach(u -> items.add(u.toJson()));
      return new JsonObject().put("at", app.iso(at)).put("items", items);
    }).onSuccess(json -> Respond.ok(ctx, json)).onFailure(ctx::fail);
  }
}
