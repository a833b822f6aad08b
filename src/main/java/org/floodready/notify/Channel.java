package org.floodready.notify;

import io.vertx.core.Future;

/** One way of reaching a person. {@code send} answers the channel's own answer, or fails with it. */
public interface Channel {
  Future<String> send(Outgoing message);

  /** A failure that retrying cannot fix (channel not configured, no address): the row ends failed at once. */
  final class Permanent extends RuntimeException {
    public Permanent(String message) {
      super(message, null, false, false);
    }
  }
}
