package org.floodready.live;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The newest messages the node's feed handed to its clients, in id order, so a client that fell behind or
 * reconnects reads them from memory. Two thousand streams falling behind together (a province's boards,
 * each first taking a snapshot of several hundred kB) each read the log page by page: from PostgreSQL that
 * took every connection of the pool, and the node's writes timed out behind them. Bounded: the oldest go
 * first, and a client further back reads the table as before. One writer (the feed, on its context), readers
 * on their clients' contexts, no lock: the floor is raised before a message is let go, and a reader checks it
 * again after reading, so a page that lost its start to an eviction meanwhile is never answered.
 */
final class RecentMessages {
  private final int capacity;
  private final ConcurrentSkipListMap<Long, LiveMessage> byId = new ConcurrentSkipListMap<>();
  /** Every message the feed handed over with an id above this one is held; -1 before the feed started. */
  private volatile long floor = -1;
  /** Messages held; written by the feed only. */
  private int size;

  RecentMessages(int capacity) {
    this.capacity = capacity;
  }

  /** The feed starts at {@code cursor}: what it hands over from now on follows it. */
  void startAt(long cursor) {
    floor = cursor;
  }

  /** A batch the feed hands over, in id order, each above the last. On the feed's context only. */
  void add(List<LiveMessage> batch) {
    for (LiveMessage m : batch) {
      byId.put(m.id(), m);
      size++;
    }
    while (size > capacity) {
      long oldest = byId.firstKey();
      floor = oldest;
      byId.remove(oldest);
      size--;
    }
  }

  /** Up to {@code limit} messages after {@code id}, in order; null when memory does not reach back to it. */
  List<LiveMessage> after(long id, int limit) {
    if (!reaches(id)) {
      return null;
    }
    List<LiveMessage> out = new ArrayList<>(Math.min(limit, 256));
    for (LiveMessage m : byId.tailMap(id, false).values()) {
      if (out.size() >= limit) {
        break;
      }
      out.add(m);
    }
    return reaches(id) ? out : null;
  }

  private boolean reaches(long id) {
    long f = floor;
    return f >= 0 && id >= f;
  }
}
