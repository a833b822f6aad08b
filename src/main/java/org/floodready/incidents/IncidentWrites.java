package org.floodready.incidents;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.SqlConnection;
import java.util.function.Function;
import org.floodready.db.Outcome;
import org.floodready.app.AppContext;
import org.floodready.web.Idempotency;

/**
 * Runs an incident or team write in one transaction, with the events it gathered appended to the event log
 * at its end, and answers it. With an Idempotency-Key a retry gets the first
 * answer; {@code keyRequired} refuses a request without one.
 */
final class IncidentWrites {
  /** The write itself, given the transaction and the events to fill. */
  interface Write {
    Future<JsonObject> apply(SqlConnection tx, IncidentEvents events);
  }

  private IncidentWrites() {
  }

  static Future<Outcome> run(RoutingContext ctx, AppContext app, JsonObject body, int status,
      boolean keyRequired, Write write) {
    IncidentEvents events = new IncidentEvents();
    Function<SqlConnection, Future<Outcome>> tx = c -> write.apply(c, events)
        .compose(json -> events.appendTo(c, app.events()).map(json))
        .map(json -> new Outcome(status, json));
    return keyRequired || ctx.request().getHeader(Idempotency.HEADER) != null
        ? Idempotency.run(ctx, app, body, tx)
        : app.pool().withTransaction(tx::apply).compose(o -> Idempotency.respond(ctx, o).map(o));
  }
}
