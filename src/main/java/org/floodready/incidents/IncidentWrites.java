package org.floodready.incidents;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.SqlConnection;
import java.util.function.Function;
import org.floodready.AppContext;
import org.floodready.http.Idempotency;

/**
 * Runs an incident or team write in one transaction, answers it, and publishes the events it gathered once
 * it committed (not when a retry got the stored answer). With an Idempotency-Key a retry gets the first
 * answer; {@code keyRequired} refuses a request without one.
 */
final class IncidentWrites {
  /** The write itself, given the transaction and the events to fill. */
  interface Write {
    Future<JsonObject> apply(SqlConnection tx, IncidentEvents events);
  }

  private IncidentWrites() {
  }

  static Future<Idempotency.Outcome> run(RoutingContext ctx, AppContext app, JsonObject body, int status,
      boolean keyRequired, Write write) {
    IncidentEvents events = new IncidentEvents();
    Function<SqlConnection, Future<Idempotency.Outcome>> tx = c -> write.apply(c, events)
        .map(json -> new Idempotency.Outcome(status, json));
    Future<Idempotency.Outcome> done = keyRequired || ctx.request().getHeader(Idempotency.HEADER) != null
        ? Idempotency.run(ctx, app, body, tx)
        : app.pool().withTransaction(tx::apply).compose(o -> Idempotency.respond(ctx, o).map(o));
    return done.onSuccess(o -> {
      if (!o.replayed()) {
        events.publish(app.events());
      }
    });
  }
}
