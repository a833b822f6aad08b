package org.floodready.requests;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.floodready.app.AppContext;
import org.floodready.audit.AuditLog;
import org.floodready.access.CurrentUser;
import org.floodready.errors.ApiError;
import org.floodready.inventory.PendingEvents;
import org.floodready.inventory.Quantities;
import org.floodready.inventory.StockMoves;

/**
 * The steps of a supply request, each inside the caller's transaction with its audit row (entity
 * {@code supply_request}, so the audit trail is the request's history) and its events waiting for the commit.
 */
final class RequestService {
  private static final List<String> ALLOCATABLE = List.of("approved", "dispatched", "received");

  private final AppContext app;
  private final Allocator allocator;
  private final StockMoves moves;

  RequestService(AppContext app, Allocator allocator, StockMoves moves) {
    this.app = app;
    this.allocator = allocator;
    this.moves = moves;
  }

  Future<JsonObject> create(SqlClient tx, CurrentUser actor, RequestInput.NewRequest in, long unitId, Double lat,
      Double lon, PendingEvents events) {
    OffsetDateTime now = app.now();
    return RequestRepository.insert(tx, in, unitId, lat, lon, actor.id(), now)
        .compose(id -> RequestRepository.insertLines(tx, id, in.lines())
            .compose(v -> audit(tx, now, actor, "request.create", id, new JsonObject().put("lines", in.lines().size())
                .put("incidentId", in.incidentId()).put("toBaseId", in.toBaseId())))
            .compose(v -> detail(tx, id))
            .map(json -> {
              RequestEvents.requestChanged(events, id, unitId, "pending", "created");
              return json;
            }));
  }

  /** Approves each line whole, partly or not at all; a decision on a request someone else changed is 409. */
  Future<JsonObject> decide(SqlClient tx, CurrentUser actor, long id, RequestInput.Decision d, PendingEvents events) {
    OffsetDateTime now = app.now();
    return RequestRepository.lines(tx, id).compose(rows -> {
      Map<Long, Row> lines = new LinkedHashMap<>();
      rows.forEach(r -> lines.put(r.getLong("id"), r));
      Map<String, String> bad = new LinkedHashMap<>();
      Map<Long, RequestInput.LineDecision> decided = new HashMap<>();
      for (int i = 0; i < d.lines().size(); i++) {
        RequestInput.LineDecision l = d.lines().get(i);
        Row line = lines.get(l.lineId());
        if (line == null) {
          bad.put("lines[" + i + "].lineId", "is not a line of request " + id);
        } else if (l.approved().compareTo(line.getBigDecimal("quantity")) > 0) {
          bad.put("lines[" + i + "].approvedQuantity", "must be at most the " + Quantities.json(
              line.getBigDecimal("quantity")).toPlainString() + " asked for");
        } else if (l.approved().compareTo(line.getBigDecimal("quantity")) < 0 && l.reason() == null) {
          bad.put("lines[" + i + "].reason", "is required when approving less than asked or refusing");
        } else {
          decided.put(l.lineId(), l);
        }
      }
      if (bad.isEmpty() && decided.size() < lines.size()) {
        bad.put("lines", "decide every line of the request (" + lines.size() + " lines)");
      }
      if (!bad.isEmpty()) {
        throw ApiError.validation(bad);
      }
      boolean any = decided.values().stream().anyMatch(l -> l.approved().signum() > 0);
      String status = any ? "approved" : "refused";
      return RequestRepository.decide(tx, id, d.version(), status, actor.id(), now).compose(ok -> {
        if (!ok) {
          return RequestRepository.find(tx, id).map(r -> {
            Row row = r.orElseThrow(() -> ApiError.notFound("Request", id));
            throw row.getString("status").equals("pending")
                ? ApiError.conflict("request_changed", "Request " + id + " changed (version " + row.getInteger("version")
                    + ", not " + d.version() + "); reload it and decide again")
                : ApiError.conflict("request_already_decided", "Request " + id + " was already decided ("
                    + row.getString("status") + ") by " + row.getString("decided_by_name"));
          });
        }
        Future<Void> chain = Future.succeededFuture();
        JsonArray audited = new JsonArray();
        for (RequestInput.LineDecision l : decided.values()) {
          audited.add(new JsonObject().put("lineId", l.lineId()).put("approvedQuantity", Quantities.json(l.approved()))
              .put("reason", l.reason()));
          chain = chain.compose(v -> RequestRepository.decideLine(tx, l.lineId(), l.approved(), l.reason()));
        }
        return chain.compose(v -> audit(tx, now, actor, "request.decide", id,
                new JsonObject().put("status", status).put("lines", audited)))
            .compose(v -> detail(tx, id))
            .map(json -> {
              RequestEvents.requestChanged(events, id, json.getLong("unitId"), status, "decided");
              return json;
            });
      });
    });
  }

  /** Stores the officer's allocation (replacing what is not yet dispatched) once it passes the check. */
  Future<JsonObject> allocate(SqlClient tx, CurrentUser actor, long id, RequestInput.Allocation in,
      PendingEvents events) {
    OffsetDateTime now = app.now();
    return lockAllocatable(tx, id).compose(request -> needs(tx, id)
        .compose(needs -> allocator.check(in, needs, destination(request), now))
        .compose(rows -> RequestRepository.replaceAllocation(tx, id, rows, actor.id(), now)
            .compose(v -> audit(tx, now, actor, "request.allocate", id, new JsonObject().put("picks", rows.size())
                .put("overrides", new JsonObject(new HashMap<>(stringKeys(in.overrides()))))))
            .compose(v -> detail(tx, id))
            .map(json -> {
              RequestEvents.requestChanged(events, id, request.getLong("unit_id"), json.getString("status"), "allocated");
              return json;
            })));
  }

  /**
   * Sends what is allocated: per source base one dispatch, each lot's part as an issue to the incident or
   * place, or as a tracked transfer to the receiving base; all in this one transaction.
   */
  Future<JsonObject> dispatch(SqlClient tx, CurrentUser actor, long id, PendingEvents events) {
    OffsetDateTime now = app.now();
    return lockAllocatable(tx, id).compose(request -> RequestRepository.allocations(tx,
            "a.request_id = $1 AND a.dispatch_id IS NULL", id)
        .compose(rows -> {
          if (rows.size() == 0) {
            throw ApiError.conflict("nothing_allocated", "Request " + id + " has no allocation waiting to be sent");
          }
          List<RequestInput.Pick> picks = new ArrayList<>();
          Map<Long, String> overrides = new HashMap<>();
          Map<Long, List<Row>> byBase = new LinkedHashMap<>();
          for (Row r : rows) {
            picks.add(new RequestInput.Pick(r.getLong("line_id"), r.getLong("lot_id"), r.getBigDecimal("quantity")));
            if (r.getString("override_reason") != null) {
              overrides.put(r.getLong("base_id"), r.getString("override_reason"));
            }
            byBase.computeIfAbsent(r.getLong("base_id"), k -> new ArrayList<>()).add(r);
          }
          // Stock may have moved since the allocation was stored: the same check again, on today's stock.
          return needs(tx, id).compose(needs -> allocator.check(new RequestInput.Allocation(picks, overrides), needs,
                  destination(request), now))
              .compose(checked -> {
                Future<JsonArray> chain = Future.succeededFuture(new JsonArray());
                for (Map.Entry<Long, List<Row>> e : byBase.entrySet()) {
                  chain = chain.compose(ids -> sendFromBase(tx, actor, request, e.getKey(), e.getValue(), now, events)
                      .map(ids::add));
                }
                return chain;
              });
        })
        .compose(dispatchIds -> RequestRepository.setStatus(tx, id, "dispatched")
            .compose(v -> audit(tx, now, actor, "request.dispatch", id, new JsonObject().put("dispatchIds", dispatchIds)))
            .compose(v -> detail(tx, id))
            .map(json -> {
              RequestEvents.requestChanged(events, id, request.getLong("unit_id"), "dispatched", "dispatched");
              JsonArray sent = new JsonArray();
              json.getJsonArray("dispatches").forEach(o -> {
                if (dispatchIds.contains(((JsonObject) o).getLong("id"))) {
                  sent.add(o);
                }
              });
              return new JsonObject().put("requestId", id).put("dispatches", sent).put("request", json);
            })));
  }

  private Future<Long> sendFromBase(SqlClient tx, CurrentUser actor, Row request, long baseId, List<Row> rows,
      OffsetDateTime now, PendingEvents events) {
    long requestId = request.getLong("id");
    Long toBaseId = request.getLong("to_base_id");
    return RequestRepository.insertDispatch(tx, requestId, baseId, toBaseId, actor.id(), now).compose(dispatchId -> {
      String note = "申请单 Request #" + requestId + " · " + DispatchNote.code(dispatchId);
      Future<Void> chain = Future.succeededFuture();
      for (Row r : rows) {
        long allocationId = r.getLong("id");
        BigDecimal quantity = r.getBigDecimal("quantity");
        chain = chain.compose(v -> toBaseId != null
            ? moves.sendTracked(tx, actor, r.getLong("lot_id"), toBaseId, quantity, note, events)
                .compose(transferId -> RequestRepository.markDispatched(tx, allocationId, dispatchId, transferId, null))
            : moves.issue(tx, actor, r.getLong("lot_id"), quantity, recipientType(request), recipient(request), note,
                    request.getLong("incident_id"), events)
                .compose(movementId -> RequestRepository.markDispatched(tx, allocationId, dispatchId, null, movementId)));
      }
      return chain.map(v -> {
        RequestEvents.dispatchChanged(events, dispatchId, requestId, request.getLong("unit_id"), baseId, "dispatched");
        return dispatchId;
      });
    });
  }

  /**
   * Confirms what arrived (each line in full unless a received quantity says less; the difference is the
   * shortage). A dispatch is received once: a second scan is 409 and books nothing.
   */
  Future<JsonObject> receive(SqlClient tx, CurrentUser actor, long dispatchId, RequestInput.Receipt in,
      PendingEvents events) {
    OffsetDateTime now = app.now();
    return RequestRepository.lockDispatch(tx, dispatchId).compose(status -> {
      if (status.isEmpty()) {
        throw ApiError.notFound("Dispatch", dispatchId);
      }
      if (status.get().equals("received")) {
        throw ApiError.conflict("dispatch_already_received", "Dispatch " + DispatchNote.code(dispatchId)
            + " was already received; nothing was booked again");
      }
      return RequestRepository.dispatches(tx, "d.id = $1", dispatchId).compose(ds -> {
        Row d = ds.iterator().next();
        return RequestRepository.allocations(tx, "a.dispatch_id = $1", dispatchId)
            .compose(rows -> book(tx, actor, d, rows, in, now, events));
      });
    });
  }

  private Future<JsonObject> book(SqlClient tx, CurrentUser actor, Row d, Iterable<Row> rows, RequestInput.Receipt in,
      OffsetDateTime now, PendingEvents events) {
    long dispatchId = d.getLong("id");
    long requestId = d.getLong("request_id");
    Map<Long, Row> byId = new LinkedHashMap<>();
    rows.forEach(r -> byId.put(r.getLong("id"), r));
    Map<Long, BigDecimal> received = new HashMap<>();
    Map<String, String> bad = new LinkedHashMap<>();
    for (int i = 0; i < in.lines().size(); i++) {
      RequestInput.Received l = in.lines().get(i);
      Row r = byId.get(l.allocationId());
      if (r == null) {
        bad.put("lines[" + i + "].allocationId", "is not a line of dispatch " + DispatchNote.code(dispatchId));
      } else if (l.quantity().compareTo(r.getBigDecimal("quantity")) > 0) {
        bad.put("lines[" + i + "].receivedQuantity", "must be at most the " + Quantities.json(r.getBigDecimal("quantity"))
            .toPlainString() + " sent");
      } else {
        received.put(l.allocationId(), l.quantity());
      }
    }
    if (!bad.isEmpty()) {
      throw ApiError.validation(bad);
    }
    JsonArray shortages = new JsonArray();
    Future<Void> chain = Future.succeededFuture();
    for (Row r : byId.values()) {
      BigDecimal got = received.getOrDefault(r.getLong("id"), r.getBigDecimal("quantity"));
      BigDecimal missing = r.getBigDecimal("quantity").subtract(got);
      if (missing.signum() > 0) {
        shortages.add(new JsonObject().put("allocationId", r.getLong("id")).put("lotId", r.getLong("lot_id"))
            .put("itemId", r.getLong("item_id")).put("shortage", Quantities.json(missing)));
      }
      chain = chain.compose(v -> RequestRepository.setReceived(tx, r.getLong("id"), got))
          .compose(v -> r.getLong("transfer_id") == null ? Future.<Void>succeededFuture()
              : moves.receiveTracked(tx, actor, r.getLong("transfer_id"), r.getLong("lot_id"), d.getLong("to_base_id"),
                  got, in.note(), events));
    }
    return chain.compose(v -> RequestRepository.markReceived(tx, dispatchId, actor.id(), now, in.note()))
        .compose(v -> RequestRepository.allArrived(tx, requestId))
        .compose(done -> (done ? RequestRepository.setStatus(tx, requestId, "received") : Future.<Void>succeededFuture())
            .compose(v -> audit(tx, now, actor, "dispatch.receive", requestId, new JsonObject()
                .put("dispatchId", dispatchId).put("shortages", shortages).put("note", in.note())))
            .compose(v -> dispatchJson(tx, dispatchId))
            .map(json -> {
              RequestEvents.dispatchChanged(events, dispatchId, requestId, d.getLong("unit_id"), d.getLong("from_base_id"),
                  "received");
              RequestEvents.requestChanged(events, requestId, d.getLong("unit_id"), done ? "received" : "dispatched",
                  "received");
              return json.put("shortages", shortages);
            }));
  }

  /** The request with its lines, allocation, dispatches and history. */
  Future<JsonObject> detail(SqlClient client, long id) {
    return RequestRepository.find(client, id).compose(found -> {
      JsonObject json = RequestRepository.toJson(found.orElseThrow(() -> ApiError.notFound("Request", id)), app::iso);
      return RequestRepository.lines(client, id)
          .compose(lines -> {
            JsonArray out = new JsonArray();
            lines.forEach(l -> out.add(RequestRepository.lineJson(l)));
            json.put("lines", out);
            return RequestRepository.allocations(client, "a.request_id = $1", id);
          })
          .compose(allocations -> {
            JsonArray pending = new JsonArray();
            Map<Long, JsonArray> sent = new HashMap<>();
            allocations.forEach(a -> {
              JsonObject aj = RequestRepository.allocationJson(a);
              if (a.getLong("dispatch_id") == null) {
                pending.add(aj);
              } else {
                sent.computeIfAbsent(a.getLong("dispatch_id"), k -> new JsonArray()).add(aj);
              }
            });
            json.put("allocation", pending);
            return RequestRepository.dispatches(client, "d.request_id = $1", id).map(ds -> {
              JsonArray out = new JsonArray();
              ds.forEach(d -> out.add(RequestRepository.dispatchJson(d, app::iso,
                  sent.getOrDefault(d.getLong("id"), new JsonArray()))));
              return json.put("dispatches", out);
            });
          })
          .compose(j -> RequestRepository.history(client, id).map(rows -> {
            JsonArray history = new JsonArray();
            rows.forEach(r -> history.add(new JsonObject().put("at", app.iso(r.getOffsetDateTime("at")))
                .put("by", r.getString("actor_name")).put("action", r.getString("action"))
                .put("details", r.getJsonObject("details"))));
            return j.put("history", history);
          }));
    });
  }

  /** One dispatch with its lines. */
  Future<JsonObject> dispatchJson(SqlClient client, long dispatchId) {
    return RequestRepository.dispatches(client, "d.id = $1", dispatchId).compose(ds -> {
      if (ds.size() == 0) {
        throw ApiError.notFound("Dispatch", dispatchId);
      }
      Row d = ds.iterator().next();
      return RequestRepository.allocations(client, "a.dispatch_id = $1", dispatchId).map(rows -> {
        JsonArray lines = new JsonArray();
        rows.forEach(r -> lines.add(RequestRepository.allocationJson(r)));
        return RequestRepository.dispatchJson(d, app::iso, lines);
      });
    });
  }

  /** The approved lines with what already left, for the proposal and the allocation check. */
  static Future<Map<Long, Allocator.Need>> needs(SqlClient client, long id) {
    return RequestRepository.lines(client, id).map(rows -> {
      Map<Long, Allocator.Need> needs = new LinkedHashMap<>();
      rows.forEach(r -> {
        BigDecimal approved = r.getBigDecimal("approved_quantity");
        if (approved != null && approved.signum() > 0) {
          needs.put(r.getLong("id"), new Allocator.Need(r.getLong("id"), r.getLong("item_id"),
              r.getString("item_name_zh"), approved, r.getBigDecimal("dispatched")));
        }
      });
      return needs;
    });
  }

  static Allocator.Destination destination(Row request) {
    return new Allocator.Destination(request.getDouble("lat"), request.getDouble("lon"), request.getLong("to_base_id"));
  }

  /** Locks the request and returns it when it is approved (allocation and dispatch need that); else 409. */
  private static Future<Row> lockAllocatable(SqlClient tx, long id) {
    return RequestRepository.lock(tx, id).compose(locked -> RequestRepository.find(tx, id)).map(found -> {
      Row r = found.orElseThrow(() -> ApiError.notFound("Request", id));
      if (!ALLOCATABLE.contains(r.getString("status"))) {
        throw ApiError.conflict("request_not_approved", "Request " + id + " is " + r.getString("status")
            + "; only an approved request is allocated and dispatched");
      }
      return r;
    });
  }

  private static String recipientType(Row request) {
    return request.getLong("incident_id") != null ? "incident" : "person";
  }

  private static String recipient(Row request) {
    if (request.getLong("incident_id") != null) {
      return "险情 #" + request.getLong("incident_id") + " " + request.getString("incident_title");
    }
    String address = request.getString("address");
    return request.getString("unit_name_zh") + (address == null ? "" : " · " + address)
        + " (申请单 #" + request.getLong("id") + ")";
  }

  private static Future<Void> audit(SqlClient tx, OffsetDateTime now, CurrentUser actor, String action, long requestId,
      JsonObject details) {
    return AuditLog.record(tx, now, actor, action, "supply_request", requestId, details);
  }

  private static Map<String, Object> stringKeys(Map<Long, String> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }
}
