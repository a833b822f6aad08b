package org.floodready.incidents.summary;

import io.vertx.core.Future;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.floodready.app.AppContext;
import org.floodready.errors.ApiError;

/** Gathers an incident's summary from the ledger, the returns and the request workflow. */
public final class IncidentSummaries {
  private final AppContext app;
  private final IncidentSupplies supplies;
  private final RequestedLines requested;

  public IncidentSummaries(AppContext app, RequestedLines requested) {
    this.app = app;
    this.supplies = new IncidentSupplies(app.pool());
    this.requested = requested;
  }

  public IncidentSupplies supplies() {
    return supplies;
  }

  /** An incident's supply totals and its request lines, for the daily report. */
  public record Totals(IncidentHeader incident, BigDecimal sent, BigDecimal used, BigDecimal returned,
      BigDecimal needsRepair, BigDecimal lost, BigDecimal stillOut, List<RequestedLines.Line> requested) {
  }

  /** Every incident open at some moment of [from, to), with its totals (in report order: by report time). */
  public Future<List<Totals>> totalsBetween(OffsetDateTime from, OffsetDateTime to) {
    return supplies.activeBetween(from, to).compose(incidents -> {
      List<Long> ids = incidents.stream().map(IncidentHeader::id).toList();
      return supplies.lines(ids).compose(all -> requested.forIncidents(ids).map(asked -> incidents.stream().map(n -> {
          List<SupplyLine> lines = all.stream().filter(l -> l.incidentId() == n.id())
              .map(IncidentSupplies.IncidentLines::line).toList();
          return new Totals(n, IncidentSupplies.sum(lines, SupplyLine::sent), IncidentSupplies.sum(lines, SupplyLine::used),
              IncidentSupplies.sum(lines, SupplyLine::returned), IncidentSupplies.sum(lines, SupplyLine::needsRepair),
              IncidentSupplies.sum(lines, SupplyLine::lost), IncidentSupplies.sum(lines, SupplyLine::stillOut),
              asked.stream().filter(l -> l.incidentId() == n.id()).toList());
        }).toList()));
    });
  }

  /** 404 for an unknown incident. */
  public Future<IncidentSummary> summary(long incidentId) {
    return supplies.incident(incidentId)
        .map(found -> found.orElseThrow(() -> ApiError.notFound("Incident", incidentId)))
        .compose(incident -> supplies.lines(List.of(incidentId))
            .compose(lines -> requested.forIncident(incidentId)
                .compose(asked -> supplies.timeline(incidentId)
                    .compose(timeline -> supplies.outstanding(incidentId, null, false)
                        .map(out -> new IncidentSummary(incident,
                            lines.stream().map(IncidentSupplies.IncidentLines::line).toList(), asked, timeline, out,
                            app.now(), app.config().zone()))))));
  }
}
