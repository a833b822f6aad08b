package org.floodready.readiness;

import java.util.List;
import org.floodready.units.Unit;

/** Everything a readiness computation reads from PostgreSQL at one moment. */
public record ReadinessInputs(List<Unit> units, List<StockLine> stock, List<CheckpointLine> checkpoints,
    List<PatrolLine> patrols, List<TeamLine> teams) {
  /** Without rescue teams. */
  public ReadinessInputs(List<Unit> units, List<StockLine> stock, List<CheckpointLine> checkpoints,
      List<PatrolLine> patrols) {
    this(units, stock, checkpoints, patrols, List.of());
  }
}
