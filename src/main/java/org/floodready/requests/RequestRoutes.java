package org.floodready.requests;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.net.URI;
import java.util.List;
import java.util.function.Function;
import java.util.Map;
import org.floodready.db.Outcome;
import org.floodready.app.AppContext;
import org.floodready.access.CurrentUser;
import org.floodready.access.Role;
import org.floodready.db.Where;
import org.floodready.errors.ApiError;
import org.floodready.web.Idempotency;
import org.floodready.web.JsonInput;
import org.floodready.db.PageRequest;
import org.floodready.web.Paging;
import org.floodready.web.QueryParams;
import org.floodready.web.Respond;
import org.floodready.web.WriteRoute;
import org.floodready.events.PendingEvents;
import org.floodready.inventory.Sourcing;
import org.floodready.inventory.StockMoves;

/** Supply requests (物资申请) and their dispatches, mounted by one line in ApiRouter. */
public final class RequestRoutes {
  private static final Map<String, String> SORT = Map.of("id", "r.id", "neededBy", "r.needed_by, r.id",
      "requestedAt", "r.requested_at, r.id", "status", "r.status, r.id");
  private static final List<String> STATUSES = List.of("pending", "approved", "refused", "dispatched", "received");

  private final AppContext app;
  private final RequestRepository requests;
  private final RequestAccess access;
  private final Allocator allocator;
  private final RequestService service;

  public RequestRoutes(AppContext app) {
    this.app = app;
    this.requests = new RequestRepository(app.pool());
    this.access = new RequestAccess(app.pool());
    this.allocator = new Allocator(new Sourcing(app));
    this.service = new RequestService(app, allocator, new StockMoves(app));
  }

  public void mount(Router api) {
    api.get("/requests").handler(this::listRequests);
    api.post("/requests").handler(this::createRequest);
    api.get("/requests/:requestId").handler(this::getRequest);
    api.post("/requests/:requestId/decision").handler(this::decide);
    api.get("/requests/:requestId/allocation").handler(this::proposeAllocation);
    api.put("/requests/:requestId/allocation").handler(this::allocate);
    api.post("/requests/:requestId/dispatch").handler(this::dispatch);
    api.get("/dispatches/:dispatchId").handler(this::getDispatch);
    api.get("/dispatches/:dispatchId/note.pdf").handler(this::dispatchNote);
    api.post("/dispatches/:dispatchId/receipt").handler(this::receive);
  }

  private void listRequests(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    PageRequest page = Paging.from(ctx, app.config(), SORT, "-id");
    QueryParams q = new QueryParams(ctx);
    Where where = new Where().and("r.status = ?", q.oneOf("status", STATUSES))
        .and("r.unit_id = ?", q.id("unitId")).and("r.incident_id = ?", q.id("incidentId"));
    Boolean open = q.bool("open");
    if (Boolean.TRUE.equals(open)) {
      where.and("r.status IN ('pending', 'approved', 'dispatched')");
    }
    RequestAccess.scope(user, where);
    requests.page(where, page)
        .onSuccess(rows -> Respond.ok(ctx, page.result(rows, r -> RequestRepository.toJson(r, app::iso))))
        .onFailure(ctx::fail);
  }

  private void getRequest(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    long id = QueryParams.pathId(ctx, "requestId");
    access.requireRead(user, id).compose(v -> service.detail(app.pool(), id))
        .onSuccess(json -> Respond.ok(ctx, json)).onFailure(ctx::fail);
  }

  private void createRequest(RoutingContext ctx) {
    WriteRoute.handle(ctx, WriteRoute.ANYONE, null, RequestInput::request, r -> {
      Idempotency.requireKey(ctx);
      return where(r.user(), r.input()).compose(place -> WriteRoute.inTransaction(ctx, app, r.body(), 201,
          (tx, events) -> service.create(tx, r.user(), r.input(), place.unitId(), place.lat(), place.lon(), events)));
    });
  }

  private record Place(long unitId, Double lat, Double lon) {
  }

  /**
   * The requesting unit and the position to measure distances from. A street or community asks for its own
   * unit; a river chief or inspector (an incident's commander) for an incident; the duty room for any unit.
   */
  private Future<Place> where(CurrentUser user, RequestInput.NewRequest in) {
    if (!user.is(Role.ADMIN) && !user.is(Role.DUTY_OFFICER) && !user.is(Role.REQUESTER) && in.incidentId() == null) {
      throw ApiError.invalid("incidentId", "is required: you ask for an incident you command");
    }
    if (user.is(Role.REQUESTER) && in.unitId() != null && !in.unitId().equals(user.unitId())) {
      throw ApiError.forbidden("A street or community account asks for its own unit only");
    }
    return app.pool().preparedQuery("SELECT"
            + " (SELECT unit_id FROM incidents WHERE id = $1) AS incident_unit,"
            + " (SELECT lat FROM incidents WHERE id = $1) AS incident_lat, (SELECT lon FROM incidents WHERE id = $1) AS incident_lon,"
            + " (SELECT status FROM incidents WHERE id = $1) AS incident_status,"
            + " (SELECT lat FROM bases WHERE id = $2) AS base_lat, (SELECT lon FROM bases WHERE id = $2) AS base_lon,"
            + " EXISTS (SELECT 1 FROM bases WHERE id = $2) AS base_exists,"
            + " EXISTS (SELECT 1 FROM units WHERE id = $3) AS unit_exists,"
            + " (SELECT array_agg(x) FROM unnest($4::bigint[]) x WHERE NOT EXISTS (SELECT 1 FROM items WHERE id = x))"
            + "   AS missing_items")
        .execute(Tuple.of(in.incidentId(), in.toBaseId(), in.unitId(),
            in.lines().stream().map(RequestInput.Line::itemId).toArray(Long[]::new)))
        .map(rows -> {
          Row r = rows.iterator().next();
          Long[] missing = r.getArrayOfLongs("missing_items");
          if (missing != null && missing.length > 0) {
            int i = in.lines().stream().map(RequestInput.Line::itemId).toList().indexOf(missing[0]);
            throw ApiError.invalid("lines[" + i + "].itemId", "no such item");
          }
          if (in.incidentId() != null && r.getLong("incident_unit") == null) {
            throw ApiError.notFound("Incident", in.incidentId());
          }
          if ("closed".equals(r.getString("incident_status"))) {
            throw ApiError.unprocessable("incident_closed", "Incident " + in.incidentId() + " is closed");
          }
          if (in.toBaseId() != null && !r.getBoolean("base_exists")) {
            throw ApiError.notFound("Base", in.toBaseId());
          }
          if (in.unitId() != null && !r.getBoolean("unit_exists")) {
            throw ApiError.notFound("Unit", in.unitId());
          }
          Long unitId = user.is(Role.REQUESTER) ? user.unitId()
              : in.unitId() != null ? in.unitId() : r.getLong("incident_unit");
          if (unitId == null) {
            throw ApiError.invalid("unitId", "is required: which unit asks (or give the incidentId)");
          }
          Double lat = in.lat() != null ? in.lat() : in.incidentId() != null ? r.getDouble("incident_lat")
              : r.getDouble("base_lat");
          Double lon = in.lon() != null ? in.lon() : in.incidentId() != null ? r.getDouble("incident_lon")
              : r.getDouble("base_lon");
          return new Place(unitId, lat, lon);
        });
  }

  private void decide(RoutingContext ctx) {
    dutyWrite(ctx, JsonInput.object(ctx), 200, RequestInput::decision, (tx, r, events) ->
        service.decide(tx, r.user(), r.id(), r.input(), events));
  }

  /** One step of the duty room on a request, given the checked body. */
  @FunctionalInterface
  private interface Step<I> {
    Future<JsonObject> run(SqlConnection tx, WriteRoute.Request<I> request, PendingEvents events);
  }

  /** The body is checked first, then the step runs once per key on a request the caller may read. */
  private <I> void dutyWrite(RoutingContext ctx, JsonObject body, int status, Function<JsonObject, I> check,
      Step<I> step) {
    I input = check.apply(body);
    CurrentUser user = CurrentUser.of(ctx).require(Role.ADMIN, Role.DUTY_OFFICER);
    WriteRoute.Request<I> request = new WriteRoute.Request<>(user, QueryParams.pathId(ctx, "requestId"), body, input);
    Idempotency.requireKey(ctx);
    access.requireRead(user, request.id())
        .compose(v -> WriteRoute.inTransaction(ctx, app, body, status, (tx, events) -> step.run(tx, request, events)))
        .onFailure(ctx::fail);
  }

  private void proposeAllocation(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx).require(Role.ADMIN, Role.DUTY_OFFICER, Role.VIEWER);
    long id = QueryParams.pathId(ctx, "requestId");
    access.requireRead(user, id)
        .compose(v -> RequestRepository.find(app.pool(), id))
        .compose(found -> {
          Row request = found.orElseThrow(() -> ApiError.notFound("Request", id));
          return RequestService.needs(app.pool(), id)
              .compose(needs -> allocator.propose(List.copyOf(needs.values()), RequestService.destination(request),
                  app.now()))
              .map(lines -> new JsonObject().put("requestId", id).put("status", request.getString("status"))
                  .put("version", request.getInteger("version")).put("lines", lines));
        })
        .onSuccess(json -> Respond.ok(ctx, json))
        .onFailure(ctx::fail);
  }

  private void allocate(RoutingContext ctx) {
    dutyWrite(ctx, JsonInput.object(ctx), 200, RequestInput::allocation, (tx, r, events) ->
        service.allocate(tx, r.user(), r.id(), r.input(), events));
  }

  private void dispatch(RoutingContext ctx) {
    JsonObject body = ctx.body().length() == 0 ? new JsonObject() : JsonInput.object(ctx);
    dutyWrite(ctx, body, 201, b -> b, (tx, r, events) -> service.dispatch(tx, r.user(), r.id(), events));
  }

  private void getDispatch(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    long id = QueryParams.pathId(ctx, "dispatchId");
    findDispatch(id).compose(d -> access.requireReadDispatch(user, d))
        .compose(v -> service.dispatchJson(app.pool(), id))
        .onSuccess(json -> Respond.ok(ctx, json)).onFailure(ctx::fail);
  }

  private void dispatchNote(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    long id = QueryParams.pathId(ctx, "dispatchId");
    String paper = new QueryParams(ctx).oneOf("paper", List.of("a4", "receipt"));
    URI self = URI.create(ctx.request().absoluteURI());
    String link = self.getScheme() + "://" + self.getRawAuthority() + "/field/#dispatch/" + id;
    findDispatch(id).compose(d -> access.requireReadDispatch(user, d))
        .compose(v -> service.dispatchJson(app.pool(), id))
        .compose(d -> service.detail(app.pool(), d.getLong("requestId"))
            .compose(request -> app.blocking(() -> DispatchNote.render(d, request, link,
                "receipt".equals(paper) ? DispatchNote.Size.RECEIPT : DispatchNote.Size.A4))))
        .onSuccess(pdf -> ctx.response().putHeader("Content-Type", "application/pdf")
            .putHeader("Content-Disposition", "inline; filename=\"" + DispatchNote.code(id) + ".pdf\"")
            .end(Buffer.buffer(pdf)))
        .onFailure(ctx::fail);
  }

  private void receive(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    long id = QueryParams.pathId(ctx, "dispatchId");
    JsonObject body = ctx.body().length() == 0 ? new JsonObject() : JsonInput.object(ctx);
    RequestInput.Receipt in = RequestInput.receipt(body);
    Idempotency.requireKey(ctx);
    findDispatch(id).compose(d -> access.requireReceiver(user, d))
        .compose(v -> WriteRoute.inTransaction(ctx, app, body, 200,
            (tx, events) -> service.receive(tx, user, id, in, events)))
        .onFailure(ctx::fail);
  }

  private Future<Row> findDispatch(long id) {
    return RequestRepository.dispatches(app.pool(), "d.id = $1", id).map(rows -> {
      if (rows.size() == 0) {
        throw ApiError.notFound("Dispatch", id);
      }
      return rows.iterator().next();
    });
  }
}
