package org.floodready.support;

import java.nio.file.Files;
import java.time.Clock;
import org.floodready.FloodReadyServer;
import org.floodready.db.PgUrl;
import org.floodready.demo.DemoData;

/**
 * A real FloodReady node in this JVM, as {@link FloodReadyExtension} starts it for a {@link FloodReadyTest}: on a
 * fresh copy of the demo database (or an empty one, or another node's), with its logins.
 */
public final class TestServer implements AutoCloseable {
  public final FloodReadyServer server;
  /** The logins on this node, closed with it. */
  public final Users users;
  public final Api anonymous;

  private TestServer(FloodReadyServer server) {
    this.server = server;
    this.users = new Users(server.port());
    this.anonymous = users.anonymous();
  }

  static TestServer start(Clock clock, String... extraArgs) throws Exception {
    return start(TestDatabase.freshDatabase(), clock, extraArgs);
  }

  /** A node on an empty database (no schema, no demo data), with these extra flags. */
  static TestServer startEmpty(Clock clock, String... extraArgs) throws Exception {
    return start(TestDatabase.emptyDatabase(), clock, Nodes.concat(new String[] {"--demo-data", "false"}, extraArgs));
  }

  /** A node on this database (e.g. the second member of a cluster test). */
  static TestServer start(PgUrl db, Clock clock, String... extraArgs) throws Exception {
    return new TestServer(FloodReadyServer.start(
        Nodes.config(db, Nodes.freePort(), Files.createTempDirectory("fr-test"), extraArgs), clock));
  }

  /** A client logged in now as a demo user (admin, duty, keeper, chief, inspector, viewer). */
  public Api as(String username) {
    return as(username, DemoData.PASSWORD);
  }

  /** A client logged in now as this account (not shared: a test may change the password or revoke the session). */
  public Api as(String username, String password) {
    return users.login(username, password);
  }

  @Override
  public void close() throws Exception {
    try {
      users.close();
    } finally {
      server.close();
    }
  }
}
