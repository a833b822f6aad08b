package org.floodready.access;

import java.util.Set;

/** Which units a caller may see: everything (admin, duty room, viewer) or a set of unit ids. */
public record Scope(boolean everything, Set<Long> units) {
  public static final Scope EVERYTHING = new Scope(true, Set.of());

  public static Scope of(Set<Long> units) {
    return new Scope(false, Set.copyOf(units));
  }

  /** Messages without a unit are district-wide: only for callers who see everything. */
  public boolean allows(Long unitId) {
    return everything || (unitId != null && units.contains(unitId));
  }
}
