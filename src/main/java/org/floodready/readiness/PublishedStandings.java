package org.floodready.readiness;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The standing (rank, peers, flag) of each unit as the refresh last published it, and which units a refresh
 * sends a live message for: every changed unit, and every other unit whose standing moved. Kept one change
 * at a time after the first full pass, so an event's cost does not grow with the province. Not thread-safe:
 * owned by the refresh verticle.
 */
final class PublishedStandings {
  private final Map<Long, String> last = new HashMap<>();
  private Standings standings;

  /** Whether a full pass ranked every unit yet (until then {@link #changed} needs {@link #all}). */
  boolean ready() {
    return standings != null;
  }

  Standings standings() {
    return standings;
  }

  /**
   * Takes a ranking of every unit (after a recompute of every unit; built off the event loop by the caller);
   * the units to send, {@code changed} first.
   */
  Set<Long> all(Standings every, Collection<Long> changed) {
    standings = every;
    return moved(standings.units(), changed);
  }

  /** Moves the changed units (null place: gone); the units to send, {@code changed} first. */
  Set<Long> changed(Map<Long, Standings.Place> changed) {
    if (standings == null) {
      throw new IllegalStateException("no full pass yet");
    }
    return moved(standings.update(changed), changed.keySet());
  }

  private Set<Long> moved(Collection<Long> candidates, Collection<Long> changed) {
    Set<Long> send = new LinkedHashSet<>(changed);
    for (long id : candidates) {
      Standings.Standing now = standings.standing(id);
      if (now != null) {
        String before = last.put(id, now.key());
        if (before != null && !before.equals(now.key())) {
          send.add(id);
        }
      }
    }
    return send;
  }
}
