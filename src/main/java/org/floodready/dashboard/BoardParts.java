package org.floodready.dashboard;

import java.util.List;
import org.floodready.AppContext;

/** The domains on the board, in the order their report sections appear. */
final class BoardParts {
  private BoardParts() {
  }

  static List<BoardPart> all(AppContext app) {
    return List.of(new ReadinessBoard(app), new CheckpointBoard(app), new InventoryBoard(app), new PatrolBoard(app),
        new InspectionBoard(app), new DutyBoard(app), new IncidentSuppliesBoard(app), new AuditBoard(app),
        new IncidentBoard(app));
  }
}
