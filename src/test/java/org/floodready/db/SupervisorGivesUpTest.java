package org.floodready.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Restarts are bounded: while another process holds the database's port every restart fails, and after
 * the last attempt the supervisor gives up (the node then answers 503 until it is restarted by hand).
 */
@ExtendWith(VertxExtension.class)
class SupervisorGivesUpTest {

  @Test
  void restartsAreRetriedWithBackOffAndThenGivenUp(Vertx vertx) throws Exception {
    Path dir = Files.createTempDirectory("fr-giveup").toRealPath();
    EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0, EmbeddedDatabase.Durability.UNSAFE_NO_FSYNC);
    ServerSocket blocker = null;
    try {
      vertx.deployVerticle(new DatabaseSupervisor(db, 3, 300)).toCompletionStage().toCompletableFuture()
          .get(30, TimeUnit.SECONDS);
      assertEquals(DatabaseSupervisor.State.UP, DatabaseSupervisor.state(vertx));
      PostgresProcesses.inDirectory(dir).forEach(ProcessHandle::destroyForcibly);
      blocker = bindWhenFree(db.port());
      long deadline = System.currentTimeMillis() + 60_000;
      while (DatabaseSupervisor.state(vertx) != DatabaseSupervisor.State.GAVE_UP
          && System.currentTimeMillis() < deadline) {
        MovementLoad.pause(100);
      }
      assertEquals(DatabaseSupervisor.State.GAVE_UP, DatabaseSupervisor.state(vertx));
      MovementLoad.pause(2000);
      assertEquals(DatabaseSupervisor.State.GAVE_UP, DatabaseSupervisor.state(vertx), "it tried again after giving up");
      assertTrue(PostgresProcesses.inDirectory(dir).isEmpty(), "a server runs although every start failed");
      assertTrue(Files.readString(db.logFile()).contains("could not"), "PostgreSQL's log says why");
    } finally {
      if (blocker != null) {
        blocker.close();
      }
      db.close();
    }
  }

  /** Takes the port the killed server held, as soon as it is released. */
  private static ServerSocket bindWhenFree(int port) throws Exception {
    long deadline = System.currentTimeMillis() + 10_000;
    while (true) {
      try {
        return new ServerSocket(port);
      } catch (java.net.BindException busy) {
        if (System.currentTimeMillis() > deadline) {
          throw busy;
        }
        Thread.sleep(5);
      }
    }
  }
}
