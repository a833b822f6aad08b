package org.floodready.requests;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.floodready.db.Rows;
import org.floodready.db.Where;
import org.floodready.db.PageRequest;
import org.floodready.inventory.Quantities;

/** Supply requests, their lines, allocations and dispatches. */
final class RequestRepository {
  static final String COLUMNS = "r.id, r.unit_id, u.name_zh AS unit_name_zh, r.incident_id, inc.title AS incident_title,"
      + " r.to_base_id, tb.name_zh AS to_base_name_zh, r.lat, r.lon, r.address, r.needed_by, r.note, r.status,"
      + " r.requested_by, ru.username AS requested_by_name, ru.display_name AS requested_by_display, r.requested_at,"
      + " r.decided_by, du.username AS decided_by_name, r.decided_at, r.version,"
      + " (SELECT count(*) FROM supply_request_lines l WHERE l.request_id = r.id) AS line_count";
  static final String FROM = " FROM supply_requests r JOIN units u ON u.id = r.unit_id"
      + " JOIN users ru ON ru.id = r.requested_by LEFT JOIN users du ON du.id = r.decided_by"
      + " LEFT JOIN incidents inc ON inc.id = r.incident_id LEFT JOIN bases tb ON tb.id = r.to_base_id";

  private static final String LINE_COLUMNS = "l.id, l.request_id, l.line_no, l.item_id, i.code AS item_code,"
      + " i.name_zh AS item_name_zh, i.name_en AS item_name_en, i.unit_of_measure, l.quantity, l.approved_quantity,"
      + " l.decision_reason,"
      + " COALESCE((SELECT sum(a.quantity) FROM request_allocations a WHERE a.line_id = l.id), 0) AS allocated,"
      + " COALESCE((SELECT sum(a.quantity) FROM request_allocations a WHERE a.line_id = l.id"
      + "   AND a.dispatch_id IS NOT NULL), 0) AS dispatched,"
      + " COALESCE((SELECT sum(a.received_quantity) FROM request_allocations a WHERE a.line_id = l.id), 0) AS received";

  static final String ALLOCATION_COLUMNS = "a.id, a.request_id, a.line_id, a.base_id, b.name_zh AS base_name_zh,"
      + " b.name_en AS base_name_en, a.lot_id, lo.lot_code, lo.expires_on, a.quantity, a.override_reason,"
      + " a.dispatch_id, a.transfer_id, a.movement_id, a.received_quantity, l.item_id, i.code AS item_code,"
      + " i.name_zh AS item_name_zh, i.name_en AS item_name_en, i.unit_of_measure";
  static final String ALLOCATION_FROM = " FROM request_allocations a JOIN bases b ON b.id = a.base_id"
      + " JOIN lots lo ON lo.id = a.lot_id JOIN supply_request_lines l ON l.id = a.line_id"
      + " JOIN items i ON i.id = l.item_id";

  static final String DISPATCH_COLUMNS = "d.id, d.request_id, d.from_base_id, fb.name_zh AS from_base_name_zh,"
      + " fb.name_en AS from_base_name_en, fb.address AS from_base_address, fb.phone AS from_base_phone,"
      + " d.to_base_id, tb.name_zh AS to_base_name_zh, d.status, d.dispatched_by,"
      + " du.display_name AS dispatched_by_name, d.dispatched_at, d.received_by, rcu.display_name AS received_by_name,"
      + " d.received_at, d.receipt_note, r.unit_id, u.name_zh AS unit_name_zh, r.incident_id,"
      + " inc.title AS incident_title, r.address, r.lat, r.lon, r.requested_by";
  static final String DISPATCH_FROM = " FROM dispatches d JOIN supply_requests r ON r.id = d.request_id"
      + " JOIN units u ON u.id = r.unit_id JOIN bases fb ON fb.id = d.from_base_id"
      + " LEFT JOIN bases tb ON tb.id = d.to_base_id JOIN users du ON du.id = d.dispatched_by"
      + " LEFT JOIN users rcu ON rcu.id = d.received_by LEFT JOIN incidents inc ON inc.id = r.incident_id";

  /** A new allocation row. */
  record NewAllocation(long lineId, long baseId, long lotId, BigDecimal quantity, String overrideReason) {
  }

  private final Pool pool;

  RequestRepository(Pool pool) {
    this.pool = pool;
  }

  Future<RowSet<Row>> page(Where where, PageRequest page) {
    return pool.preparedQuery(page.select(COLUMNS, FROM, where)).execute(where.tuple());
  }

  static Future<Optional<Row>> find(SqlClient client, long id) {
    return client.preparedQuery("SELECT " + COLUMNS + FROM + " WHERE r.id = $1").execute(Tuple.of(id))
        .map(Rows::first);
  }

  Future<Optional<Row>> find(long id) {
    return find(pool, id);
  }

  static Future<RowSet<Row>> lines(SqlClient client, long requestId) {
    return client.preparedQuery("SELECT " + LINE_COLUMNS + " FROM supply_request_lines l"
        + " JOIN items i ON i.id = l.item_id WHERE l.request_id = $1 ORDER BY l.line_no").execute(Tuple.of(requestId));
  }

  static Future<RowSet<Row>> allocations(SqlClient client, String condition, Object id) {
    return client.preparedQuery("SELECT " + ALLOCATION_COLUMNS + ALLOCATION_FROM + " WHERE " + condition
        + " ORDER BY a.line_id, a.id").execute(Tuple.of(id));
  }

  static Future<RowSet<Row>> dispatches(SqlClient client, String condition, Object id) {
    return client.preparedQuery("SELECT " + DISPATCH_COLUMNS + DISPATCH_FROM + " WHERE " + condition
        + " ORDER BY d.id").execute(Tuple.of(id));
  }

  /** The request's story: every audited step, oldest first. */
  static Future<RowSet<Row>> history(SqlClient client, long requestId) {
    return client.preparedQuery("SELECT at, actor_name, action, details FROM audit_log"
        + " WHERE entity_type = 'supply_request' AND entity_id = $1 ORDER BY id").execute(Tuple.of(String.valueOf(requestId)));
  }

  static Future<Long> insert(SqlClient tx, RequestInput.NewRequest in, long unitId, Double lat, Double lon,
      long userId, OffsetDateTime now) {
    return tx.preparedQuery("""
            INSERT INTO supply_requests (unit_id, incident_id, to_base_id, lat, lon, address, needed_by, note, status,
                                         requested_by, requested_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', $9, $10) RETURNING id""")
        .execute(Tuple.wrap(new ArrayList<>(Arrays.asList(unitId, in.incidentId(), in.toBaseId(), lat, lon,
            in.address(), in.neededBy(), in.note(), userId, now))))
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  static Future<Void> insertLines(SqlClient tx, long requestId, List<RequestInput.Line> lines) {
    List<Tuple> batch = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      batch.add(Tuple.of(requestId, i + 1, lines.get(i).itemId(), lines.get(i).quantity()));
    }
    return tx.preparedQuery("INSERT INTO supply_request_lines (request_id, line_no, item_id, quantity)"
        + " VALUES ($1, $2, $3, $4)").executeBatch(batch).mapEmpty();
  }

  /**
   * Records the decision if nobody changed the request since {@code version}; false when someone did (the
   * row lock makes a concurrent second decision wait for the first and then find the version moved on).
   */
  static Future<Boolean> decide(SqlClient tx, long id, int version, String status, long userId, OffsetDateTime now) {
    return tx.preparedQuery("UPDATE supply_requests SET status = $3, decided_by = $4, decided_at = $5,"
            + " version = version + 1 WHERE id = $1 AND version = $2 AND status = 'pending'")
        .execute(Tuple.of(id, version, status, userId, now)).map(rows -> rows.rowCount() == 1);
  }

  static Future<Void> decideLine(SqlClient tx, long lineId, BigDecimal approved, String reason) {
    return tx.preparedQuery("UPDATE supply_request_lines SET approved_quantity = $2, decision_reason = $3"
        + " WHERE id = $1").execute(Tuple.of(lineId, approved, reason)).mapEmpty();
  }

  /** Locks the request for an allocation, dispatch or receipt and returns it. */
  static Future<Row> lock(SqlClient tx, long id) {
    return tx.preparedQuery("SELECT id, status, version FROM supply_requests WHERE id = $1 FOR UPDATE")
        .execute(Tuple.of(id)).map(rows -> rows.iterator().next());
  }

  static Future<Void> setStatus(SqlClient tx, long id, String status) {
    return tx.preparedQuery("UPDATE supply_requests SET status = $2, version = version + 1 WHERE id = $1")
        .execute(Tuple.of(id, status)).mapEmpty();
  }

  static Future<Void> replaceAllocation(SqlClient tx, long requestId, List<NewAllocation> rows, long userId,
      OffsetDateTime now) {
    Future<Void> cleared = tx.preparedQuery("DELETE FROM request_allocations WHERE request_id = $1"
        + " AND dispatch_id IS NULL").execute(Tuple.of(requestId)).mapEmpty();
    if (rows.isEmpty()) {
      return cleared;
    }
    List<Tuple> batch = new ArrayList<>();
    for (NewAllocation a : rows) {
      batch.add(Tuple.wrap(new ArrayList<>(Arrays.asList(requestId, a.lineId(), a.baseId(), a.lotId(), a.quantity(),
          a.overrideReason(), userId, now))));
    }
    return cleared.compose(v -> tx.preparedQuery("INSERT INTO request_allocations (request_id, line_id, base_id,"
        + " lot_id, quantity, override_reason, allocated_by, allocated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
        .executeBatch(batch)).mapEmpty();
  }

  static Future<Long> insertDispatch(SqlClient tx, long requestId, long fromBaseId, Long toBaseId, long userId,
      OffsetDateTime now) {
    return tx.preparedQuery("INSERT INTO dispatches (request_id, from_base_id, to_base_id, status, dispatched_by,"
            + " dispatched_at) VALUES ($1, $2, $3, 'dispatched', $4, $5) RETURNING id")
        .execute(Tuple.wrap(new ArrayList<>(Arrays.asList(requestId, fromBaseId, toBaseId, userId, now))))
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  static Future<Void> markDispatched(SqlClient tx, long allocationId, long dispatchId, Long transferId,
      Long movementId) {
    return tx.preparedQuery("UPDATE request_allocations SET dispatch_id = $2, transfer_id = $3, movement_id = $4"
            + " WHERE id = $1")
        .execute(Tuple.wrap(new ArrayList<>(Arrays.asList(allocationId, dispatchId, transferId, movementId))))
        .mapEmpty();
  }

  /** Locks the dispatch and returns its status. */
  static Future<Optional<String>> lockDispatch(SqlClient tx, long id) {
    return tx.preparedQuery("SELECT status FROM dispatches WHERE id = $1 FOR UPDATE").execute(Tuple.of(id))
        .map(rows -> Rows.first(rows).map(r -> r.getString("status")));
  }

  static Future<Void> markReceived(SqlClient tx, long dispatchId, long userId, OffsetDateTime now, String note) {
    return tx.preparedQuery("UPDATE dispatches SET status = 'received', received_by = $2, received_at = $3,"
        + " receipt_note = $4 WHERE id = $1").execute(Tuple.of(dispatchId, userId, now, note)).mapEmpty();
  }

  static Future<Void> setReceived(SqlClient tx, long allocationId, BigDecimal received) {
    return tx.preparedQuery("UPDATE request_allocations SET received_quantity = $2 WHERE id = $1")
        .execute(Tuple.of(allocationId, received)).mapEmpty();
  }

  /** True when every dispatch of the request arrived and nothing allocated waits to be sent. */
  static Future<Boolean> allArrived(SqlClient tx, long requestId) {
    return tx.preparedQuery("SELECT NOT EXISTS (SELECT 1 FROM dispatches WHERE request_id = $1 AND status <> 'received')"
            + " AND NOT EXISTS (SELECT 1 FROM request_allocations WHERE request_id = $1 AND dispatch_id IS NULL) AS done")
        .execute(Tuple.of(requestId)).map(rows -> rows.iterator().next().getBoolean("done"));
  }

  static JsonObject toJson(Row r, Function<OffsetDateTime, String> iso) {
    return new JsonObject().put("id", r.getLong("id")).put("unitId", r.getLong("unit_id"))
        .put("unitNameZh", r.getString("unit_name_zh")).put("incidentId", r.getLong("incident_id"))
        .put("incidentTitle", r.getString("incident_title")).put("toBaseId", r.getLong("to_base_id"))
        .put("toBaseNameZh", r.getString("to_base_name_zh")).put("lat", r.getDouble("lat"))
        .put("lon", r.getDouble("lon")).put("address", r.getString("address"))
        .put("neededBy", iso.apply(r.getOffsetDateTime("needed_by"))).put("note", r.getString("note"))
        .put("status", r.getString("status")).put("requestedBy", r.getString("requested_by_name"))
        .put("requestedByName", r.getString("requested_by_display"))
        .put("requestedAt", iso.apply(r.getOffsetDateTime("requested_at")))
        .put("decidedBy", r.getString("decided_by_name")).put("decidedAt", iso.apply(r.getOffsetDateTime("decided_at")))
        .put("version", r.getInteger("version")).put("lineCount", r.getLong("line_count"));
  }

  static JsonObject lineJson(Row r) {
    BigDecimal quantity = r.getBigDecimal("quantity");
    BigDecimal approved = r.getBigDecimal("approved_quantity");
    return new JsonObject().put("id", r.getLong("id")).put("lineNo", r.getInteger("line_no"))
        .put("itemId", r.getLong("item_id")).put("itemCode", r.getString("item_code"))
        .put("itemNameZh", r.getString("item_name_zh")).put("itemNameEn", r.getString("item_name_en"))
        .put("unitOfMeasure", r.getString("unit_of_measure")).put("quantity", Quantities.json(quantity))
        .put("approvedQuantity", Quantities.json(approved)).put("decision", decision(quantity, approved))
        .put("reason", r.getString("decision_reason")).put("allocated", Quantities.json(r.getBigDecimal("allocated")))
        .put("dispatched", Quantities.json(r.getBigDecimal("dispatched")))
        .put("received", Quantities.json(r.getBigDecimal("received")));
  }

  static String decision(BigDecimal quantity, BigDecimal approved) {
    if (approved == null) {
      return "pending";
    }
    if (approved.signum() == 0) {
      return "refused";
    }
    return approved.compareTo(quantity) == 0 ? "approved" : "partly";
  }

  static JsonObject allocationJson(Row r) {
    BigDecimal received = r.getBigDecimal("received_quantity");
    return new JsonObject().put("id", r.getLong("id")).put("lineId", r.getLong("line_id"))
        .put("itemId", r.getLong("item_id")).put("itemCode", r.getString("item_code"))
        .put("itemNameZh", r.getString("item_name_zh")).put("itemNameEn", r.getString("item_name_en"))
        .put("unitOfMeasure", r.getString("unit_of_measure")).put("baseId", r.getLong("base_id"))
        .put("baseNameZh", r.getString("base_name_zh")).put("lotId", r.getLong("lot_id"))
        .put("lotCode", r.getString("lot_code"))
        .put("expiresOn", r.getLocalDate("expires_on") == null ? null : r.getLocalDate("expires_on").toString())
        .put("quantity", Quantities.json(r.getBigDecimal("quantity"))).put("overrideReason", r.getString("override_reason"))
        .put("dispatchId", r.getLong("dispatch_id")).put("transferId", r.getLong("transfer_id"))
        .put("movementId", r.getLong("movement_id")).put("receivedQuantity", Quantities.json(received))
        .put("shortage", received == null ? null : Quantities.json(r.getBigDecimal("quantity").subtract(received)));
  }

  static JsonObject dispatchJson(Row d, Function<OffsetDateTime, String> iso, JsonArray lines) {
    long id = d.getLong("id");
    return new JsonObject().put("id", id).put("code", DispatchNote.code(id)).put("requestId", d.getLong("request_id"))
        .put("fromBaseId", d.getLong("from_base_id")).put("fromBaseNameZh", d.getString("from_base_name_zh"))
        .put("toBaseId", d.getLong("to_base_id")).put("toBaseNameZh", d.getString("to_base_name_zh"))
        .put("kind", d.getLong("to_base_id") == null ? "issue" : "transfer")
        .put("unitId", d.getLong("unit_id")).put("unitNameZh", d.getString("unit_name_zh"))
        .put("incidentId", d.getLong("incident_id")).put("incidentTitle", d.getString("incident_title"))
        .put("destination", destination(d)).put("status", d.getString("status"))
        .put("dispatchedBy", d.getString("dispatched_by_name"))
        .put("dispatchedAt", iso.apply(d.getOffsetDateTime("dispatched_at")))
        .put("receivedBy", d.getString("received_by_name")).put("receivedAt", iso.apply(d.getOffsetDateTime("received_at")))
        .put("receiptNote", d.getString("receipt_note")).put("lines", lines)
        .put("noteUrl", "/api/dispatches/" + id + "/note.pdf").put("fieldPath", "/field/#dispatch/" + id);
  }

  /** Where a dispatch goes, in words for the note and the phone. */
  static String destination(Row d) {
    if (d.getString("to_base_name_zh") != null) {
      return d.getString("to_base_name_zh");
    }
    String place = d.getString("incident_title") != null ? "险情 #" + d.getLong("incident_id") + " "
        + d.getString("incident_title") : d.getString("unit_name_zh");
    return d.getString("address") == null ? place : place + " · " + d.getString("address");
  }
}
