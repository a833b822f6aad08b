package org.floodready.checkpoints;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Flags a new reading as suspect when it jumps by more than the step from both the last
 * trustworthy reading and the reading just before it. A lone spike is flagged, the reading after
 * it is not; a real step change is flagged once and confirmed by the next reading.
 */
public final class SuspectRule {
  /** A stored reading in time order; {@code suspect} is its stored flag. */
  public record Point(long id, double value, boolean suspect) {
  }

  private SuspectRule() {
  }

  /** The ids among {@code fresh} to flag, walking {@code sequence} in time order. */
  public static List<Long> flag(List<Point> sequence, Set<Long> fresh, double step) {
    List<Long> flagged = new ArrayList<>();
    Double trusted = null;
    Double previous = null;
    for (Point p : sequence) {
      boolean suspect = p.suspect();
      if (fresh.contains(p.id())) {
        suspect = trusted != null && previous != null
            && Math.abs(p.value() - trusted) > step && Math.abs(p.value() - previous) > step;
        if (suspect) {
          flagged.add(p.id());
        }
      }
      if (!suspect) {
        trusted = p.value();
      }
      previous = p.value();
    }
    return flagged;
  }
}
