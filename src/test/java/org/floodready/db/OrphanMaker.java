package org.floodready.db;

import java.nio.file.Path;

/** Run in a separate JVM by EmbeddedModeTest: starts PostgreSQL on a data dir, then waits to be killed -9. */
public final class OrphanMaker {
  private OrphanMaker() {
  }

  public static void main(String[] args) throws Exception {
    EmbeddedDatabase.start(Path.of(args[0]), 0);
    System.out.println("READY");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
