package org.floodready.db;

import io.vertx.core.VertxException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;

/**
 * Whether a failure means PostgreSQL could not be reached or no connection was free in time, rather than a
 * statement's own error: the request gets 503 with Retry-After, and a background round is tried again later
 * instead of giving up on what it was doing.
 */
public final class DatabaseUnavailable {
  private DatabaseUnavailable() {
  }

  public static boolean is(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof ConnectException || c instanceof ClosedConnectionException
          || c instanceof io.netty.channel.ConnectTimeoutException || isBrokenConnection(c)) {
        return true;
      }
      String msg = c.getMessage();
      if (c instanceof VertxException && msg != null
          && (msg.contains("connection") || msg.contains("Connection") || msg.contains("wait queue"))) {
        return true;
      }
      // the SQL pool's own word for a request that waited its whole connection time-out for a connection
      if (c instanceof io.vertx.core.impl.NoStackTraceThrowable && "Timeout".equals(msg)) {
        return true;
      }
    }
    return false;
  }

  /** A socket error on the database connection, e.g. a broken pipe when the server was killed mid-request. */
  private static boolean isBrokenConnection(Throwable c) {
    String msg = c.getMessage() == null ? "" : c.getMessage();
    return c instanceof io.netty.channel.unix.Errors.NativeIoException || c instanceof java.net.SocketException
        || c instanceof java.nio.channels.ClosedChannelException
        || c instanceof java.io.IOException && (msg.contains("Broken pipe") || msg.contains("Connection reset"));
  }
}
