package org.floodready.readiness;

import java.util.List;
import org.floodready.inventory.CoverageSum;
import org.floodready.units.Unit;

/**
 * Everything a readiness computation reads from PostgreSQL at one moment. Stock comes as lines (tests,
 * what-ifs) or, as the live sources read it, already added up per base, category and kind ({@code stockSums}).
 */
public record ReadinessInputs(List<Unit> units, List<StockLine> stock, List<CheckpointLine> checkpoints,
    List<PatrolLine> patrols, List<TeamLine> teams, List<CoverageSum> stockSums) {
  public ReadinessInputs(List<Unit> units, List<StockLine> stock, List<CheckpointLine> checkpoints,
      List<PatrolLine> patrols, List<TeamLine> teams) {
    this(units, stock, checkpoints, patrols, teams, List.of());
  }

  /** Without rescue teams. */
  public ReadinessInputs(List<Unit> units, List<StockLine> stock, List<CheckpointLine> checkpoints,
      List<PatrolLine> patrols) {
    this(units, stock, checkpoints, patrols, List.of());
  }
}
