package org.floodready.readiness;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.MapEvent;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryEvictedListener;
import com.hazelcast.map.listener.EntryExpiredListener;
import com.hazelcast.map.listener.EntryMergedListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.map.listener.MapClearedListener;
import com.hazelcast.map.listener.MapEvictedListener;

/** Carries every change of the snapshot map, by any member, into this node's mirror (on Hazelcast's event threads). */
final class MirrorListener implements EntryAddedListener<Long, UnitSnapshot>, EntryUpdatedListener<Long, UnitSnapshot>,
    EntryMergedListener<Long, UnitSnapshot>, EntryRemovedListener<Long, UnitSnapshot>,
    EntryEvictedListener<Long, UnitSnapshot>, EntryExpiredListener<Long, UnitSnapshot>, MapClearedListener,
    MapEvictedListener {
  private final SnapshotMirror mirror;

  MirrorListener(SnapshotMirror mirror) {
    this.mirror = mirror;
  }

  @Override
  public void entryAdded(EntryEvent<Long, UnitSnapshot> event) {
    put(event);
  }

  @Override
  public void entryUpdated(EntryEvent<Long, UnitSnapshot> event) {
    put(event);
  }

  @Override
  public void entryMerged(EntryEvent<Long, UnitSnapshot> event) {
    // after a split brain heals the surviving value may carry a lower version than this side's
    if (event.getValue() != null) {
      mirror.replace(event.getValue());
    }
  }

  @Override
  public void entryRemoved(EntryEvent<Long, UnitSnapshot> event) {
    mirror.remove(event.getKey());
  }

  @Override
  public void entryEvicted(EntryEvent<Long, UnitSnapshot> event) {
    mirror.remove(event.getKey());
  }

  @Override
  public void entryExpired(EntryEvent<Long, UnitSnapshot> event) {
    mirror.remove(event.getKey());
  }

  @Override
  public void mapCleared(MapEvent event) {
    mirror.clear();
  }

  @Override
  public void mapEvicted(MapEvent event) {
    mirror.clear();
  }

  private void put(EntryEvent<Long, UnitSnapshot> event) {
    UnitSnapshot value = event.getValue();
    if (value != null) {
      mirror.put(value);
    }
  }
}
