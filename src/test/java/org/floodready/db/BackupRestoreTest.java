package org.floodready.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.floodready.FloodReadyServer;
import org.floodready.config.AppConfig;
import org.floodready.support.Http;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.Test;

/**
 * A backup taken while the node serves a movement load, restored into a new data dir: a node started on it
 * serves, every movement acknowledged before the backup began is there, and on-hand equals the ledger.
 */
class BackupRestoreTest {

  private static AppConfig config(Path dataDir) {
    return AppConfig.from(TestServer.concat(new String[] {"--data-dir", dataDir.toString(), "--port",
        Integer.toString(TestServer.freePort()), "--http-instances", "1", "--host", "127.0.0.1"},
        TestServer.clusterArgs()), Map.of());
  }

  @Test
  void aBackupUnderLoadRestoresIntoANewDataDir() throws Exception {
    Path dataDir = Files.createTempDirectory("fr-backup-src");
    Path file = Files.createTempDirectory("fr-backups").resolve("floodready.frbackup");
    Set<Long> beforeBackup;
    int duringBackup;
    try (FloodReadyServer server = FloodReadyServer.start(config(dataDir), Clock.systemUTC())) {
      Http admin = DatabaseKillTest.login(new Http("http://localhost:" + server.port(), null));
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

    Path restoredDir = Files.createTempDirectory("fr-backup-dst");
    Restore.restore(file, restoredDir, false);
    try (FloodReadyServer restored = FloodReadyServer.start(config(restoredDir), Clock.systemUTC())) {
      Http anonymous = new Http("http://localhost:" + restored.port(), null);
      assertEquals(200, anonymous.get("/ready").status());
      assertTrue(!restored.demoLoadedNow(), "the demo data came from the backup, not loaded again");
      Http admin = DatabaseKillTest.login(anonymous);
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
