package org.floodready.readiness;

import com.hazelcast.projection.Projection;
import java.io.Serial;
import java.util.Map;

/** An entry as the mirror keeps it: without the totals, which stay on the member owning it. */
final class WithoutTree implements Projection<Map.Entry<Long, UnitSnapshot>, UnitSnapshot> {
  @Serial
  private static final long serialVersionUID = 1L;

  @Override
  public UnitSnapshot transform(Map.Entry<Long, UnitSnapshot> entry) {
    return entry.getValue().withoutTree();
  }
}
