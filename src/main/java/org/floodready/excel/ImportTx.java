package org.floodready.excel;

import io.vertx.sqlclient.SqlConnection;
import org.floodready.auth.CurrentUser;
import org.floodready.checkpoints.CheckpointImport;
import org.floodready.inventory.InventoryImport;
import org.floodready.patrols.RiverImport;

/** The one transaction of an import, with each domain's writer bound to it. */
record ImportTx(SqlConnection tx, CurrentUser admin, InventoryImport.Writer inventory, RiverImport.Writer rivers,
    CheckpointImport.Writer checkpoints) {
}
