package org.floodready.excel;

import io.vertx.sqlclient.SqlConnection;
import java.util.List;
import org.floodready.access.CurrentUser;
import org.floodready.checkpoints.CheckpointImport;
import org.floodready.incidents.TeamImport;
import org.floodready.inventory.InventoryImport;
import org.floodready.patrols.RiverImport;

/** The one transaction of an import, with each domain's writer bound to it and what to do once it committed. */
record ImportTx(SqlConnection tx, CurrentUser admin, InventoryImport.Writer inventory, RiverImport.Writer rivers,
    CheckpointImport.Writer checkpoints, List<Runnable> afterCommit, TeamImport.Writer teams) {
}
