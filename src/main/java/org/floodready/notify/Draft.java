package org.floodready.notify;

/**
 * A notification to create: one person, the rule that chose them, the text, and the dedup key of the fact
 * (the same fact never makes two rows for one person and channel).
 */
record Draft(Person to, String rule, String subject, String message, String link, String entityType, long entityId,
    Long sourceEventId, String dedupKey) {
}
