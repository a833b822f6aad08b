package org.floodready.incidents;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.time.OffsetDateTime;
import org.floodready.app.AppContext;
import org.floodready.audit.AuditLog;
import org.floodready.access.CurrentUser;

/**
 * The rescue-team writes a spreadsheet import makes, for the excel package: the rows checked by the teams
 * API's own {@link TeamValidation}, written by its own {@link TeamService} (create, edit on the version read
 * while checking, requirement) inside the import's one transaction, their events appended to the log in it.
 */
public final class TeamImport {
  private final AppContext app;
  private final TeamService service;
  private final TeamRepository teams;

  public TeamImport(AppContext app) {
    this.app = app;
    this.service = new TeamService(app);
    this.teams = new TeamRepository(app.pool());
  }

  /** A team body as {@code POST /api/rescue-teams} takes it, or {@code PUT} when {@code edit}. */
  public static TeamInput team(JsonObject body, boolean edit) {
    return TeamValidation.team(body, edit);
  }

  /** A requirement body as {@code PUT /api/team-requirements/{unitId}} takes it. */
  public static int requirement(JsonObject body) {
    return TeamValidation.requirement(body);
  }

  /**
   * The status a sheet may give a team: a new one standby or resting; an existing one keeps its status, or
   * goes from resting to standby (as a stand-down would); a deployment is begun and ended only on its
   * incident. Null when the move is not allowed.
   */
  public static String sheetStatus(String current, String wanted) {
    if (current == null) {
      return TeamRules.AFTER_STAND_DOWN.contains(wanted) ? wanted : null;
    }
    if (current.equals(wanted) || TeamRules.DEPLOYED.equals(current) && TeamRules.STANDBY.equals(wanted)) {
      return current;
    }
    return TeamRules.standDown(current, wanted) != null && !TeamRules.DEPLOYED.equals(current) ? wanted : null;
  }

  public Writer writer(SqlConnection tx, CurrentUser admin) {
    return new Writer(tx, admin);
  }

  /** The writes of one import transaction. */
  public final class Writer {
    private final SqlConnection tx;
    private final CurrentUser admin;
    private final IncidentEvents events = new IncidentEvents();

    private Writer(SqlConnection tx, CurrentUser admin) {
      this.tx = tx;
      this.admin = admin;
    }

    /** Creates a team, or edits the one with {@code existingId}; then sets the status the sheet gives it. */
    public Future<String> saveTeam(Long existingId, TeamInput in, String status) {
      Future<JsonObject> saved = existingId == null ? service.create(tx, in, admin, events)
          : service.edit(tx, existingId, in, admin, events);
      return saved.compose(team -> {
        String from = team.getString("status");
        if (from.equals(status)) {
          return Future.succeededFuture(existingId == null ? "created" : "updated");
        }
        long id = team.getLong("id");
        OffsetDateTime now = app.now();
        return teams.setStatus(tx, id, status, null, now)
            .compose(v -> AuditLog.record(tx, now, admin, "team.status", "rescue_team", id,
                new JsonObject().put("from", from).put("to", status).put("source", "xlsx")))
            .map(v -> {
              events.teamChanged(in.unitId(), id, status, null);
              return existingId == null ? "created" : "updated";
            });
      });
    }

    public Future<String> setRequirement(long unitId, int required) {
      return service.setRequirement(tx, unitId, required, admin, events).map("set");
    }

    /** Appends the change events gathered to the event log, in the import's transaction, last. */
    public Future<Void> appendEvents() {
      return events.appendTo(tx, app.events());
    }
  }
}
