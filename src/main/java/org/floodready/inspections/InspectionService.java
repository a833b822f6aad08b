package org.floodready.inspections;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.floodready.app.AppContext;
import org.floodready.audit.AuditLog;
import org.floodready.access.CurrentUser;
import org.floodready.errors.ApiError;
import org.floodready.patrols.FindingHazards;

/**
 * Closing a round: every problem becomes a hazard assigned to the site's unit with a deadline, its photo
 * copied, all with the round's close and audit rows in the caller's transaction.
 */
final class InspectionService {
  private final AppContext app;

  InspectionService(AppContext app) {
    this.app = app;
  }

  /** The round as JSON with its items. */
  Future<JsonObject> read(SqlClient db, long id) {
    return InspectionRepository.round(db, id).compose(found -> {
      Row r = found.orElseThrow(() -> ApiError.notFound("Inspection round", id));
      return InspectionRepository.answers(db, id)
          .map(answers -> InspectionRepository.toJson(r, app::iso)
              .put("items", InspectionRepository.answersJson(answers, app::iso)));
    });
  }

  /** Closes the round; returns the ids of the hazards it created. */
  Future<List<Long>> close(SqlClient tx, long id, Integer deadlineDays, CurrentUser user) {
    OffsetDateTime now = app.now();
    return InspectionRepository.lock(tx, id).compose(found -> {
      Row round = found.orElseThrow(() -> ApiError.notFound("Inspection round", id));
      InspectionScope.requireWriter(user, round.getLong("opened_by"));
      if (!"open".equals(round.getString("status"))) {
        throw ApiError.conflict("round_closed", "Inspection round " + id + " is already closed");
      }
      return InspectionRepository.answers(tx, id).compose(answers -> {
        List<String> missing = new ArrayList<>();
        answers.forEach(a -> {
          if (a.getString("result") == null) {
            missing.add(a.getInteger("position") + " " + a.getString("text_zh"));
          }
        });
        if (!missing.isEmpty()) {
          throw new ApiError(409, "round_incomplete", "Answer every item before closing; unanswered: "
              + String.join(", ", missing), null);
        }
        return InspectionRepository.problems(tx, id);
      }).compose(problems -> {
        List<Long> hazardIds = new ArrayList<>();
        Future<Void> chain = Future.succeededFuture();
        for (Row p : problems) {
          chain = chain.compose(v -> finding(tx, round, p, deadlineDays, user, now).map(hazardId -> {
            hazardIds.add(hazardId);
            return null;
          }));
        }
        return chain.compose(v -> InspectionRepository.close(tx, id, user.id(), now))
            .compose(v -> AuditLog.record(tx, now, user, "inspection.close", "inspection_round", id,
                new JsonObject().put("siteKind", round.getString("site_kind")).put("siteId", round.getLong("site_id"))
                    .put("hazardIds", new JsonArray(hazardIds))))
            .map(hazardIds);
      });
    });
  }

  private Future<Long> finding(SqlClient tx, Row round, Row p, Integer deadlineDays, CurrentUser user,
      OffsetDateTime now) {
    String severity = p.getString("severity");
    int days = deadlineDays != null ? deadlineDays : InspectionInput.defaultDays(severity);
    String kind = round.getString("site_kind");
    String description = round.getString("site_name_zh") + " · " + p.getString("text_zh") + "：" + p.getString("note");
    FindingHazards.Finding f = new FindingHazards.Finding("reach".equals(kind) ? round.getLong("site_id") : null,
        round.getLong("unit_id"), severity, round.getDouble("lat"), round.getDouble("lon"), description,
        now.plusDays(days));
    long roundId = round.getLong("id");
    int position = p.getInteger("position");
    return FindingHazards.record(tx, f, user, now, roundId).compose(hazardId -> {
      Future<Void> photo = p.getString("photo_content_type") == null ? Future.succeededFuture()
          : FindingHazards.photo(tx, hazardId, p.getString("photo_content_type"), p.getBuffer("photo"), user.id(), now);
      return photo.compose(v -> InspectionRepository.linkHazard(tx, roundId, position, hazardId))
          .compose(v -> AuditLog.record(tx, now, user, "hazard.report", "hazard", hazardId,
              new JsonObject().put("unitId", f.unitId()).put("severity", severity).put("roundId", roundId)))
          .map(hazardId);
    });
  }
}
