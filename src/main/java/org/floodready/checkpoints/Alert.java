package org.floodready.checkpoints;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.function.Function;
import org.floodready.events.EventType;

/** An alert of a checkpoint: its level rose ({@code level}) or it fell silent ({@code silent}). */
public record Alert(long id, long checkpointId, String checkpointCode, String nameZh, String nameEn, long unitId,
    String checkpointKind, double lat, double lon, String kind, WarningLevel level, String status, String reason,
    Double triggerValue, OffsetDateTime triggerAt, OffsetDateTime raisedAt, OffsetDateTime levelRaisedAt,
    OffsetDateTime escalatedAt, OffsetDateTime acknowledgedAt, Long acknowledgedBy, OffsetDateTime resolvedAt,
    Long resolvedBy, int revision, OffsetDateTime updatedAt) {

  static final String COLUMNS = "a.id, a.checkpoint_id, c.code, c.name_zh, c.name_en, c.unit_id,"
      + " c.kind AS checkpoint_kind, c.lat, c.lon, a.kind, a.level, a.status, a.reason, a.trigger_value, a.trigger_at,"
      + " a.raised_at, a.level_raised_at, a.escalated_at, a.acknowledged_at, a.acknowledged_by, a.resolved_at,"
      + " a.resolved_by, a.revision, a.updated_at";
  static final String FROM = " FROM alerts a JOIN checkpoints c ON c.id = a.checkpoint_id";
  public static final String SELECT = "SELECT " + COLUMNS + FROM;

  public static final java.util.List<String> STATUSES = java.util.List.of("raised", "escalated", "acknowledged",
      "resolved");

  static Alert from(Row r) {
    return new Alert(r.getLong("id"), r.getLong("checkpoint_id"), r.getString("code"), r.getString("name_zh"),
        r.getString("name_en"), r.getLong("unit_id"), r.getString("checkpoint_kind"), r.getDouble("lat"),
        r.getDouble("lon"), r.getString("kind"), WarningLevel.of(r.getString("level")), r.getString("status"),
        r.getString("reason"), Checkpoint.opt(r, "trigger_value"), r.getOffsetDateTime("trigger_at"),
        r.getOffsetDateTime("raised_at"), r.getOffsetDateTime("level_raised_at"), r.getOffsetDateTime("escalated_at"),
        r.getOffsetDateTime("acknowledged_at"), r.getLong("acknowledged_by"), r.getOffsetDateTime("resolved_at"),
        r.getLong("resolved_by"), r.getInteger("revision"), r.getOffsetDateTime("updated_at"));
  }

  public boolean open() {
    return !"resolved".equals(status);
  }

  public JsonObject toJson(Function<OffsetDateTime, String> iso) {
    return new JsonObject().put("id", id).put("checkpointId", checkpointId).put("checkpointCode", checkpointCode)
        .put("nameZh", nameZh).put("nameEn", nameEn).put("unitId", unitId).put("checkpointKind", checkpointKind)
        .put("kind", kind).put("level", level.code()).put("status", status).put("reason", reason)
        .put("triggerValue", triggerValue).put("triggerAt", iso.apply(triggerAt))
        .put("raisedAt", iso.apply(raisedAt)).put("levelRaisedAt", iso.apply(levelRaisedAt))
        .put("escalatedAt", iso.apply(escalatedAt)).put("acknowledgedAt", iso.apply(acknowledgedAt))
        .put("acknowledgedBy", acknowledgedBy).put("resolvedAt", iso.apply(resolvedAt))
        .put("resolvedBy", resolvedBy).put("revision", revision).put("updatedAt", iso.apply(updatedAt));
  }

  /** The small fact a transition appends to the event log (type alert.raised, alert.resolved, ...). */
  public record Change(EventType type, long unitId, long checkpointId, long alertId, String level, String status,
      OffsetDateTime at) {
    public org.floodready.events.Outbox.Event event(Function<OffsetDateTime, String> iso) {
      return new org.floodready.events.Outbox.Event(type, toJson(iso));
    }

    public JsonObject toJson(Function<OffsetDateTime, String> iso) {
      return new JsonObject().put("unitId", unitId).put("checkpointId", checkpointId).put("alertId", alertId)
          .put("level", level).put("status", status).put("at", iso.apply(at));
    }
  }
}
