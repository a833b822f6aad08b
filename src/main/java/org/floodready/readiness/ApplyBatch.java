package org.floodready.readiness;

import com.hazelcast.map.EntryProcessor;
import java.io.Serial;
import java.util.HashMap;
import java.util.Map;

/**
 * The rebuild's {@link ApplyFigures} of every unit whose key lives in one partition, sent as one operation
 * (a province's 50,000 units as a few hundred operations, not 50,000). Returns each changed entry without
 * its totals (what the mirror keeps and the live messages send); nothing for an unchanged one.
 */
final class ApplyBatch implements EntryProcessor<Long, UnitSnapshot, UnitSnapshot> {
  @Serial
  private static final long serialVersionUID = 1L;

  private final HashMap<Long, ApplyFigures> byUnit;

  ApplyBatch(Map<Long, ApplyFigures> byUnit) {
    this.byUnit = new HashMap<>(byUnit);
  }

  @Override
  public UnitSnapshot process(Map.Entry<Long, UnitSnapshot> entry) {
    ApplyFigures apply = byUnit.get(entry.getKey());
    UnitSnapshot changed = apply == null ? null : apply.process(entry).changed();
    return changed == null ? null : changed.withoutTree();
  }
}
