package org.floodready.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.floodready.db.EmbeddedDatabase;
import org.junit.jupiter.api.Test;

/**
 * A node on an existing embedded data directory joins its cluster while PostgreSQL starts: the cluster's name
 * comes from the identity read from the directory's files, which must be the one the running server reports
 * (what a second node, connecting to it, reads) — also when the directory is reached through a symbolic link.
 */
class DatabaseIdentityBeforeStartTest {
  @Test
  void theIdentityReadFromTheDataDirectoryIsTheOneTheRunningServerReports() throws Exception {
    Path root = Files.createTempDirectory("fr-identity");
    Path linked = Files.createSymbolicLink(root.resolve("linked"), Files.createDirectories(root.resolve("real")));
    EmbeddedDatabase db = EmbeddedDatabase.prepare(linked.resolve("pg"), 0, EmbeddedDatabase.Durability.UNSAFE_NO_FSYNC);
    try {
      assertEquals(Optional.empty(), DatabaseIdentity.beforeStart(db), "no identity before initdb made the directory");
      db.startServer();
      DatabaseIdentity running = DatabaseIdentity.read(db.url());
      assertEquals(running, DatabaseIdentity.beforeStart(db).orElseThrow());
      db.close();

      EmbeddedDatabase again = EmbeddedDatabase.prepare(linked.resolve("pg"), 0, EmbeddedDatabase.Durability.UNSAFE_NO_FSYNC);
      DatabaseIdentity onDisk = DatabaseIdentity.beforeStart(again).orElseThrow();
      again.startServer();
      db = again;
      assertEquals(running, onDisk, "the same directory, stopped and started again");
      assertEquals(DatabaseIdentity.read(again.url()), onDisk);
      assertTrue(onDisk.clusterName().startsWith("floodready-"));
    } finally {
      db.close();
      try (Stream<Path> files = Files.walk(root)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
