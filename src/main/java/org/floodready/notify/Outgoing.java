package org.floodready.notify;

/**
 * One claimed notification on its way out: to whom, on which channel, what. A robot's group message has
 * the mobiles of everyone it concerns in {@code address} (comma-separated) and their names in {@code members}.
 */
public record Outgoing(long id, String recipientName, String address, String channel, String subject, String message,
    String link, int attempts, String members) {
}
