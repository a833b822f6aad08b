package org.floodready.checkpoints;

/**
 * When a checkpoint counts as silent, as one SQL condition over {@code checkpoints c} joined with
 * {@code checkpoint_state s}, with $1 = now and $2 = the default timeout in minutes. Only checkpoints
 * fed by a gauge (or given their own timeout) can be silent: inspectors post when they patrol.
 */
final class SilentRule {
  /** The checkpoint can be silent at all: active, and fed by a gauge or given its own timeout. */
  static final String WATCHED = """
      c.active AND (c.silent_minutes IS NOT NULL OR EXISTS (SELECT 1 FROM api_key_checkpoints g
        JOIN api_keys k ON k.id = g.api_key_id WHERE g.checkpoint_id = c.id AND k.revoked_at IS NULL))""";
  /** When the silence starts: the last reading (or the creation) plus the timeout; {@code %s} = the default. */
  static final String SILENT_FROM = "coalesce(s.last_reading_at, c.created_at)"
      + " + make_interval(mins => coalesce(c.silent_minutes, %s::int))";
  static final String CONDITION = WATCHED + " AND " + SILENT_FROM.formatted("$2") + " <= $1::timestamptz";

  private SilentRule() {
  }
}
