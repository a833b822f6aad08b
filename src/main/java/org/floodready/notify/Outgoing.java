package org.floodready.notify;

/** One claimed notification on its way out: to whom, on which channel, what. */
public record Outgoing(long id, String recipientName, String address, String channel, String subject, String message,
    String link, int attempts) {
}
