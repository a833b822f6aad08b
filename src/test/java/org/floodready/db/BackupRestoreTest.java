package org.floodready.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.floodready.FloodReadyServer;
import org.floodready.config.AppConfig;
import org.floodready.support.Api;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Nodes;
import org.junit.jupiter.api.Test;

/**
 * A backup taken while the node serves a movement load, restored into a new data dir: a node started on it
 * serves, every movement acknowledged before the backup began is there, and on-hand equals the ledger.
 */
@FloodReadyTest
class BackupRestoreTest {

  private static AppConfig config(Path dataDir) throws IOException {
    return Nodes.config("--data-dir", dataDir.toString());
  }

  @Test
  void aBackupUnderLoadRestoresIntoANewDataDir(Nodes nodes) throws Exception {
    Path dataDir = nodes.dataDir();
    Path file = Files.createTempDirectory("fr-backups").resolve("floodready.frbackup");
    Set<Long> beforeBackup;
    int duringBackup;
    try (FloodReadyServer server = nodes.start(config(dataDir))) {
      Api admin = nodes.users(server).as("admin");
      try (MovementLoad load = new MovementLoad(() -> admin, 4)) {
        load.awaitMore(40, 60_000);
        beforeBackup = load.acknowledged();
        JsonObject manifest = Backup.backUp(config(dataDir), file);
        duringBackup = load.acknowledgedCount() - beforeBackup.size();
        load.awaitMore(10, 60_000); // the node kept serving
        assertTrue(manifest.getJsonArray("tables").size() > 10, manifest.encode());
      }
      IOException refused = assertThrows(IOException.class, () -> Restore.restore(file, dataDir, true));
      assertTrue(refused.getMessage().contains("running"), refused.getMessage());
    }
    System.out.println(beforeBackup.size() + " movements before the backup, " + duringBackup + " while it ran");

    Path restoredDir = nodes.dataDir();
    Restore.restore(file, restoredDir, false);
    try (FloodReadyServer restored = nodes.start(config(restoredDir))) {
      Api anonymous = nodes.users(restored).anonymous();
      assertEquals(200, anonymous.get("/ready").status());
      assertTrue(!restored.demoLoadedNow(), "the demo data came from the backup, not loaded again");
      Api admin = nodes.users(restored).as("admin");
      MovementLoad.assertLedgerHolds(restored.pgUrl(), beforeBackup);
      // the restored node takes writes: its sequences continue after the restored rows
      Set<Long> more = new HashSet<>();
      try (MovementLoad load = new MovementLoad(() -> admin, 2)) {
        load.awaitMore(6, 60_000);
        load.close();
        more.addAll(load.acknowledged());
      }
      more.addAll(beforeBackup);
      MovementLoad.assertLedgerHolds(restored.pgUrl(), more);
    }
    Exception again = assertThrows(Exception.class, () -> Restore.restore(file, restoredDir, false));
    assertTrue(again.getMessage().contains("--replace"), again.getMessage());
  }
}
