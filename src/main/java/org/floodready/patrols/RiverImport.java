package org.floodready.patrols;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.List;
import org.floodready.app.AppContext;
import org.floodready.audit.AuditLog;
import org.floodready.access.CurrentUser;
import org.floodready.db.Where;
import org.floodready.geo.Geo;

/**
 * The river and reach writes a spreadsheet import makes, for the excel package: the same repository and audit
 * entries as the API's routes, inside the import's one transaction.
 */
public final class RiverImport {
  /** A river or reach as a sheet refers to it. */
  public record Ref(long id, String code, String nameZh) {
  }

  private final AppContext app;
  private final RiverRepository rivers;

  public RiverImport(AppContext app) {
    this.app = app;
    this.rivers = new RiverRepository(app.pool());
  }

  public Future<List<Ref>> rivers() {
    return rivers.rivers().map(rows -> {
      List<Ref> out = new ArrayList<>();
      rows.forEach(r -> out.add(new Ref(r.getLong("id"), r.getString("code"), r.getString("name_zh"))));
      return out;
    });
  }

  public Future<List<Ref>> reaches() {
    return rivers.allReaches(app.pool(), new Where()).map(rows -> {
      List<Ref> out = new ArrayList<>();
      rows.forEach(r -> out.add(new Ref(r.getLong("id"), r.getString("code"), r.getString("name_zh"))));
      return out;
    });
  }

  public Writer writer(SqlConnection tx, CurrentUser admin) {
    return new Writer(tx, admin);
  }

  /** The writes of one import transaction. */
  public final class Writer {
    private final SqlConnection tx;
    private final CurrentUser admin;

    private Writer(SqlConnection tx, CurrentUser admin) {
      this.tx = tx;
      this.admin = admin;
    }

    public Future<Long> createRiver(RiverValidation.RiverInput in) {
      return rivers.insertRiver(tx, in).compose(id -> AuditLog.record(tx, app.now(), admin, "river.create", "river",
          id, new JsonObject().put("code", in.code()).put("nameZh", in.nameZh()).put("source", "xlsx")).map(id));
    }

    /** Creates the reach on the river {@code riverId} (the input's own may be a placeholder for a new river). */
    public Future<Long> createReach(long riverId, RiverValidation.ReachInput in) {
      RiverValidation.ReachInput on = new RiverValidation.ReachInput(riverId, in.code(), in.nameZh(), in.nameEn(),
          in.unitId(), in.geometry(), in.line(), in.chiefUserId(), in.chiefLevel(), in.rules());
      return rivers.insertReach(tx, on, Geo.lengthM(in.line()), app.now())
          .compose(id -> AuditLog.record(tx, app.now(), admin, "reach.create", "reach", id,
              new JsonObject().put("code", in.code()).put("chiefUserId", in.chiefUserId()).put("source", "xlsx"))
              .map(id));
    }
  }
}
