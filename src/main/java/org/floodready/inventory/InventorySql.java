package org.floodready.inventory;

/** SQL fragments shared by the inventory repositories; none of them contain client input. */
final class InventorySql {
  private InventorySql() {
  }

  /** {@code b.unit_id} lies in the subtree of the unit bound to {@code ?}. */
  static final String BASE_IN_UNIT = "b.unit_id IN (WITH RECURSIVE sub(id) AS ("
      + "SELECT id FROM units WHERE id = ? UNION ALL SELECT u.id FROM units u JOIN sub ON u.parent_id = sub.id)"
      + " SELECT id FROM sub)";

  /**
   * The day an equipment lot's next test run is due: last test (as a district date) or receipt,
   * plus the item's interval. Parameters: {@code zone} is the placeholder of the district zone id.
   */
  static String testDueOn(String zone) {
    return "(COALESCE((l.last_test_at AT TIME ZONE " + zone + ")::date, l.received_on) + i.test_interval_days)";
  }

  /**
   * Why a lot's stock is not usable, or NULL when it is: its condition, its expiry, a failed or
   * overdue test run. {@code today} and {@code zone} are placeholders.
   */
  static String notUsableReason(String today, String zone) {
    return "CASE WHEN l.condition <> 'usable' THEN l.condition"
        + " WHEN l.expires_on IS NOT NULL AND l.expires_on <= " + today + " THEN 'expired'"
        + " WHEN i.needs_test_run AND l.last_test_result = 'fail' THEN 'test_failed'"
        + " WHEN i.needs_test_run AND " + testDueOn(zone) + " < " + today + " THEN 'test_overdue'"
        + " ELSE NULL END";
  }
}
