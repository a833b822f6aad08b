package org.floodready.board.panels;

import java.util.List;
import org.floodready.app.AppContext;

/** The domains on the board, in the order their report sections appear. */
public final class BoardParts {
  private BoardParts() {
  }

  public static List<BoardPart> all(AppContext app) {
    return List.of(new ReadinessBoard(app), new CheckpointBoard(app), new InventoryBoard(app), new PatrolBoard(app),
        new InspectionBoard(app), new DutyBoard(app), new IncidentSuppliesBoard(app), new AuditBoard(app),
        new IncidentBoard(app));
  }
}
