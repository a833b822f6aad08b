package org.floodready.readiness;

import io.vertx.core.Future;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.floodready.app.AppContext;
import org.floodready.checkpoints.CheckpointStates;
import org.floodready.inventory.CoverageService;
import org.floodready.inventory.CoverageSum;
import org.floodready.units.Unit;
import org.floodready.patrols.ComplianceService;
import org.floodready.db.Where;
import org.floodready.incidents.TeamReadiness;
import org.floodready.units.UnitRepository;

/**
 * Where readiness reads its inputs: the unit tree and one source per domain (stock coverage,
 * checkpoint states, patrol compliance, rescue teams). Each domain source reads PostgreSQL through that domain's
 * public service, either everything (a rebuild, verify) or only the lines belonging directly to some
 * units or bases (a refresh after their events: its cost does not grow with the rest of the dataset).
 */
public final class ReadinessSources {
  /**
   * A domain's contribution, read from PostgreSQL at {@code now}: every line (both null), or only the
   * lines belonging directly to {@code units} and, for stock, to {@code bases}.
   */
  @FunctionalInterface
  public interface Source<T> {
    Future<List<T>> read(OffsetDateTime now, Collection<Long> units, Collection<Long> bases);
  }

  private final UnitRepository units;
  private final Source<CoverageSum> stock;
  private final Source<CheckpointLine> checkpoints;
  private final Source<PatrolLine> patrols;
  private final Source<TeamLine> teams;

  public ReadinessSources(UnitRepository units, Source<CoverageSum> stock, Source<CheckpointLine> checkpoints,
      Source<PatrolLine> patrols, Source<TeamLine> teams) {
    this.units = units;
    this.stock = stock;
    this.checkpoints = checkpoints;
    this.patrols = patrols;
    this.teams = teams;
  }

  /** Stock from inventory's coverage, checkpoint states, patrol compliance: each domain's public service. */
  public static ReadinessSources of(AppContext app) {
    CoverageService coverage = new CoverageService(app);
    CheckpointStates checkpoints = new CheckpointStates(app);
    ComplianceService compliance = new ComplianceService(app);
    TeamReadiness rescueTeams = new TeamReadiness(app);
    return new ReadinessSources(new UnitRepository(app.pool()),
        // added up per base, category and kind in PostgreSQL: 200,000 lines at province scale are ~50,000 sums
        (now, units, bases) -> coverage.sums(now, ReadinessCalculator::equipmentKind, units, bases),
        (now, units, bases) -> (units == null ? checkpoints.all(now) : checkpoints.ofUnits(now, units))
            .map(rows -> rows.stream()
                .map(c -> new CheckpointLine(c.unitId(), c.level(), c.silent(), c.activeAlerts())).toList()),
        (now, units, bases) -> (units == null ? compliance.byUnit(now) : compliance.ofUnits(now, units))
            .map(rows -> rows.stream()
                .map(u -> new PatrolLine(u.unitId(), u.reaches(), u.reachesCompliant(), u.openHazards(),
                    u.overdueHazards()))
                .toList()),
        (now, units, bases) -> rescueTeams.byUnit(units)
            .map(rows -> rows.stream().map(t -> new TeamLine(t.unitId(), t.standby(), t.required())).toList()));
  }

  /**
   * Every unit and every line: the five reads run at once on the pool's connections (one after the other
   * they took a province's rebuild seconds in which PostgreSQL worked on one core only).
   */
  public Future<ReadinessInputs> read(OffsetDateTime now) {
    Future<List<Unit>> u = units.list(new Where());
    Future<List<CoverageSum>> s = stock.read(now, null, null);
    Future<List<CheckpointLine>> c = checkpoints.read(now, null, null);
    Future<List<PatrolLine>> p = patrols.read(now, null, null);
    Future<List<TeamLine>> t = teams.read(now, null, null);
    return Future.all(u, s, c, p, t)
        .map(all -> new ReadinessInputs(u.result(), List.of(), c.result(), p.result(), t.result(), s.result()));
  }

  /** Every unit, from PostgreSQL. */
  public Future<List<Unit>> units() {
    return units.list(new Where());
  }

  /**
   * The given units (the caller's copy of the tree), all lines belonging directly to {@code unitIds}, and
   * the stock of {@code bases}; a domain with nothing to read is not asked.
   */
  public Future<ReadinessInputs> read(OffsetDateTime now, List<Unit> given, Collection<Long> units,
      Collection<Long> bases) {
    return (units.isEmpty() && bases.isEmpty()
            ? Future.succeededFuture(List.<CoverageSum>of()) : stock.read(now, units, bases))
        .compose(s -> (units.isEmpty() ? Future.succeededFuture(List.<CheckpointLine>of())
            : checkpoints.read(now, units, bases))
            .compose(c -> (units.isEmpty() ? Future.succeededFuture(List.<PatrolLine>of())
                : patrols.read(now, units, bases))
                .compose(p -> (units.isEmpty() ? Future.succeededFuture(List.<TeamLine>of())
                    : teams.read(now, units, bases))
                    .map(t -> new ReadinessInputs(given, List.of(), c, p, t, s)))));
  }
}
